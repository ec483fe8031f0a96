/**
 * The true-up's differential check: the JW True-up and JW Outturn sheets as an engine evaluated
 * them (HyperFormula, or LibreOffice after a recalculation) against src/core/trueUp.ts for the
 * same posts and outturn. Also random cases with re-based posts, outturns at and around the
 * tolerance, unmatched rows, IDs in another case and joint posts with no ID.
 */
import { cellComparer } from "./cellComparer";
import { costPosts, type PostCost } from "../../src/postlist/costPost";
import type { Partnership } from "../../src/postlist/partnership";
import type { Post } from "../../src/postlist/post";
import { trueUpPosts, type Outturn } from "../../src/outturn/index";
import type { TrueUp } from "../../src/core/trueUp";
import { importPlan, plannedPost, columnLetter, SHEET, trueUpSheetsPlan, STATUS_TEXT, OUTTURN_MATCH_TEXT, type WorkbookPlan, type TrueUpLayout, type OutturnLayout } from "../../src/workbook/index";
import type { CellReader } from "./nativeWorkbook";
import { random } from "./generatedPostList";
import { pick, randomCase } from "./randomPosts";

export interface BuiltTrueUp {
  plan: WorkbookPlan;
  layout: TrueUpLayout;
  outturnLayout: OutturnLayout;
  costs: PostCost[];
  result: TrueUp;
  outturns: Outturn[];
}

export function plannedOutturns(outturns: readonly Outturn[]) {
  return outturns.map((o) => ({ postId: o.postId, actual: o.actual, notes: o.notes, sourceRow: o.row }));
}

/** The whole workbook (import plus true-up), as jw-workbook --outturn writes it. */
export function buildTrueUp(partnership: Partnership, posts: readonly Post[], outturns: readonly Outturn[], tolerance = 0.03): BuiltTrueUp {
  const built = importPlan({ partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true, trueUpTolerance: tolerance });
  const t = trueUpSheetsPlan({ authorities: partnership.authorities, yearLabel: partnership.year.label, posts: built.posts, postCount: posts.length, outturns: plannedOutturns(outturns) });
  const costs = costPosts(posts, partnership);
  return {
    plan: { ...built.plan, sheets: [...built.plan.sheets, ...t.sheets] },
    layout: t.layout,
    outturnLayout: t.outturn,
    costs,
    result: trueUpPosts(costs, outturns, partnership, tolerance),
    outturns: [...outturns],
  };
}

export function trueUpDifferences(read: CellReader, b: BuiltTrueUp): { lines: string[]; compared: number } {
  const t = b.layout;
  const S = SHEET.trueUp;
  const { pence: expectPence, value: expectValue, result } = cellComparer(read, { blankIsEmptyText: true });
  const post = new Map<number, (typeof b.result.posts)[number]>();
  for (const p of b.result.posts) for (const i of p.rows) post.set(i, p);
  b.result.rows.forEach((r, i) => {
    const row = t.firstDataRow + i;
    const at = (col: number) => `${columnLetter(col)}${row}`;
    const what = (label: string) => `${label} of row ${i + 1} (${b.costs[i].post.id})`;
    expectValue(S, at(t.status), STATUS_TEXT[r.status], what("status"));
    expectPence(S, at(t.estimate), b.costs[i].costThisYear, what("estimate"));
    const p = post.get(i);
    if (p) {
      expectPence(S, at(t.postEstimate), p.estimate, what("post estimate"));
      expectPence(S, at(t.outturn), p.outturn, what("outturn"));
      expectPence(S, at(t.difference), p.difference, what("difference"));
      expectValue(S, at(t.within), p.withinTolerance, what("within tolerance"));
      expectPence(S, at(t.rowOutturn), r.outturn, what("row's outturn"));
    } else {
      expectValue(S, at(t.within), "", what("within tolerance"));
      expectValue(S, at(t.difference), "", what("difference"));
    }
    r.adjustments.forEach((a, k) => expectPence(S, at(t.adjustment[k]), a, what(`adjustment ${k + 1}`)));
  });
  b.result.authorities.forEach((a, k) => {
    const row = t.firstCouncilRow + k;
    const c = t.councilColumns;
    const at = (col: number) => `${columnLetter(col)}${row}`;
    expectPence(S, at(c.pays), a.pays, `pays of council ${k + 1}`);
    expectPence(S, at(c.receives), a.receives, `receives of council ${k + 1}`);
    expectPence(S, at(c.net), a.net, `net of council ${k + 1}`);
    b.result.owed[k].forEach((x, h) => expectPence(S, at(c.owes[h]), x, `council ${k + 1} owes council ${h + 1}`));
  });
  const count = (reason: string) => b.result.unmatched.filter((u) => u.reason === reason).length;
  expectValue(S, `B${t.countRows.compared}`, b.result.posts.length, "posts compared");
  expectValue(S, `B${t.countRows.adjusted}`, b.result.posts.filter((p) => !p.withinTolerance).length, "posts adjusted");
  expectValue(S, `B${t.countRows.noOutturn}`, count("noOutturn"), "posts with no outturn");
  expectValue(S, `B${t.countRows.unmatchedOutturn}`, count("noPost") + count("singlePost") + count("noEstimate"), "outturn rows not matched");
  expectValue(S, `B${t.countRows.noPostId}`, count("noPostId"), "joint rows with no Post ID");
  expectValue(S, `B${t.countRows.noEstimate}`, count("noEstimate"), "posts with no estimate");
  // Each outturn row's match, as the core listed it.
  b.outturns.forEach((_, j) => {
    const u = b.result.unmatched.find((x) => x.outturnIndex === j);
    const want = !u ? OUTTURN_MATCH_TEXT.matched : u.reason === "noPost" ? OUTTURN_MATCH_TEXT.noPost : u.reason === "singlePost" ? OUTTURN_MATCH_TEXT.singlePost : OUTTURN_MATCH_TEXT.noEstimate;
    expectValue(SHEET.outturn, `${columnLetter(b.outturnLayout.match)}${b.outturnLayout.firstDataRow + j}`, want, `match of outturn row ${j + 1}`);
  });
  return result();
}

/**
 * A random partnership whose post list has re-based posts (one ID on two or three dated rows
 * with their own shares), single periods of joint posts, joint posts with no ID, and an outturn
 * around each estimate: on it, at ±tolerance exactly, a penny beyond, far off, 0, unmatched IDs
 * and IDs in another case.
 */
export function randomTrueUpCase(seed: number, count: number, options: { councils?: number } = {}): { partnership: Partnership; posts: Post[]; outturns: Outturn[]; tolerance: number } {
  const base = randomCase(seed, count, options);
  const rnd = random(seed ^ 0x5bd1e995);
  const { partnership } = base;
  const { first, last } = partnership.year;
  const posts: Post[] = [];
  for (const p of base.posts) {
    const kind = rnd();
    if (kind < 0.2 && p.joint) {
      // Re-based: split the year at a date, the later period with other shares (sometimes single).
      const cut = first + 1 + Math.floor(rnd() * (last - first - 1));
      const other = base.posts[Math.floor(rnd() * base.posts.length)];
      const later: Post = other.joint && other.shares ? { ...p, row: p.row + 10000, start: cut, end: null, shares: other.shares } : { ...p, row: p.row + 10000, start: cut, end: null, joint: rnd() < 0.5, shares: p.shares };
      posts.push({ ...p, start: null, end: cut - 1 }, later);
      if (rnd() < 0.2) posts.push({ ...p, row: p.row + 20000, start: last + 10, end: last + 20, id: p.id!.toLowerCase() }); // a third row out of the year
    } else if (kind < 0.25 && p.joint) posts.push({ ...p, id: null });
    else posts.push(p);
  }
  const tolerance = pick(rnd, [0.03, 0.03, 0, 0.05, 0.025, 0.1]);
  const costs = costPosts(posts, partnership);
  const estimates = new Map<string, number>();
  costs.forEach((c) => c.post.id !== null && estimates.set(c.post.id.toLowerCase(), (estimates.get(c.post.id.toLowerCase()) ?? 0) + c.costThisYear));
  const outturns: Outturn[] = [];
  let row = 2;
  for (const [id, e] of estimates) {
    const k = rnd();
    if (k < 0.1) continue; // no outturn
    const band = Math.floor(tolerance * e);
    const choices = [e, e + band, e - band, e + band + 1, e - band - 1, Math.round(e * 1.05), Math.round(e * 0.9), Math.round(e * (0.5 + rnd())), 0, e + 1];
    let actual = pick(rnd, choices);
    if (actual < 0) actual = 0;
    outturns.push({ row: row++, postId: rnd() < 0.15 ? id.toUpperCase() : posts.find((p) => p.id?.toLowerCase() === id)!.id!, actual: actual / 100, notes: rnd() < 0.2 ? "=SUM(1,2)" : null });
  }
  for (let i = 0; i < 3; i++) outturns.push({ row: row++, postId: `X-${seed}-${i}`, actual: 1000 + i, notes: null });
  // Outturn in another order than the posts.
  for (let i = outturns.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [outturns[i], outturns[j]] = [outturns[j], outturns[i]];
  }
  return { partnership, posts, outturns, tolerance };
}
