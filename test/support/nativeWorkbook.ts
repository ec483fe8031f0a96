/**
 * The differential check of a written workbook: every computed cell of the Posts table and the
 * Summary, as a spreadsheet engine evaluated it, against the core's figures for the same posts.
 * The engine is whatever `read` stands for (HyperFormula, or LibreOffice after a recalculation).
 */
import { cellComparer, type CellReader } from "./cellComparer";
import { costPosts, type PostCost } from "../../src/postlist/costPost";
import { summarisePosts, type PostListSummary } from "../../src/postlist/summarise";
import type { Partnership } from "../../src/postlist/partnership";
import type { Post } from "../../src/postlist/post";
import { importPlan, plannedPost, columnLetter, SHEET, type ImportPlan, type WorkbookPlan } from "../../src/workbook/index";

export type { CellReader } from "./cellComparer";

export interface Expected {
  costs: PostCost[];
  totals: PostListSummary;
  /** At the top of every grade range (rule 13). */
  highCosts: PostCost[];
  highTotals: PostListSummary;
}

export function buildImport(partnership: Partnership, posts: readonly Post[]): ImportPlan & Expected {
  const built = importPlan({ partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true });
  const costs = costPosts(posts, partnership);
  const highCosts = costPosts(posts, partnership, { end: "high" });
  return { ...built, costs, totals: summarisePosts(costs, partnership), highCosts, highTotals: summarisePosts(highCosts, partnership) };
}

/** Every formula of a plan (to assert none calls a JW function or a function Excel 2016 lacks). */
export function allFormulas(plan: WorkbookPlan): string[] {
  return plan.sheets.flatMap((s) => s.blocks.flatMap((b) => (b.formulas ? b.formulas.flat() : [])));
}

const NOT_IN_EXCEL_2016 = /\b(JW\.|_xldudf_|LET|LAMBDA|XLOOKUP|XMATCH|FILTER|SORT|SORTBY|UNIQUE|SEQUENCE|RANDARRAY|IFS|SWITCH|MAXIFS|MINIFS|CONCAT|TEXTJOIN)\s*\(/i;

export function formulasOutsideExcel2016(plan: WorkbookPlan): string[] {
  return allFormulas(plan).filter((f) => NOT_IN_EXCEL_2016.test(f));
}


/**
 * Differences between the engine's cells and the core, as readable lines (empty when they agree
 * to the penny everywhere). Counts every cell compared.
 */
export function differences(read: CellReader, built: ImportPlan & Expected): { lines: string[]; compared: number } {
  const l = built.posts;
  const { pence: expectPence, value: expectValue, result } = cellComparer(read);
  built.costs.forEach((c, i) => {
    const row = l.firstDataRow + i;
    const at = (column: number) => `${columnLetter(column)}${row}`;
    const what = (label: string) => `${label} of post ${c.post.id}`;
    expectPence(SHEET.posts, at(l.pay), c.employment.pay, what("pay"));
    expectPence(SHEET.posts, at(l.ni), c.employment.ni, what("employer NI"));
    expectPence(SHEET.posts, at(l.pension), c.employment.pension, what("pension"));
    expectPence(SHEET.posts, at(l.levy), c.employment.levy, what("levy"));
    expectPence(SHEET.posts, at(l.annualCost), c.annualCost, what("annual cost"));
    expectValue(SHEET.posts, at(l.days), c.days, what("days"));
    expectPence(SHEET.posts, at(l.costThisYear), c.costThisYear, what("cost this year"));
    c.parts.forEach((p, k) => expectPence(SHEET.posts, at(l.part[k]), p, what(`part ${k + 1}`)));
    (c.baselines ?? c.parts.map(() => 0)).forEach((b, k) => expectPence(SHEET.posts, at(l.baselineThisYear[k]), b, what(`baseline ${k + 1}`)));
    (c.savings ?? c.parts.map(() => 0)).forEach((s, k) => expectPence(SHEET.posts, at(l.saving[k]), s, what(`saving ${k + 1}`)));
    expectValue(SHEET.posts, at(l.baselineAssumed), c.assumedBaselines ? c.assumedBaselines.some(Boolean) : false, what("baseline assumed"));
    expectValue(SHEET.posts, at(l.payVote), c.payVote, what("pay vote"));
    const h = built.highCosts[i];
    expectPence(SHEET.posts, at(l.payHigh), h.employment.pay, what("pay high"));
    expectPence(SHEET.posts, at(l.annualCostHigh), h.annualCost, what("annual cost high"));
    expectPence(SHEET.posts, at(l.costThisYearHigh), h.costThisYear, what("cost this year high"));
    h.parts.forEach((p, k) => expectPence(SHEET.posts, at(l.partHigh[k]), p, what(`part high ${k + 1}`)));
    (h.baselines ?? h.parts.map(() => 0)).forEach((b, k) => expectPence(SHEET.posts, at(l.baselineThisYearHigh[k]), b, what(`baseline high ${k + 1}`)));
    (h.savings ?? h.parts.map(() => 0)).forEach((v, k) => expectPence(SHEET.posts, at(l.savingHigh[k]), v, what(`saving high ${k + 1}`)));
  });
  const s = built.summary;
  built.totals.authorities.forEach((a, k) => {
    const row = s.firstAuthorityRow + k;
    expectPence(SHEET.summary, `C${row}`, a.jointCostShare, `${a.code} share of joint posts`);
    expectPence(SHEET.summary, `D${row}`, a.singlePostCost, `${a.code} single posts`);
    expectPence(SHEET.summary, `E${row}`, a.baseline, `${a.code} baseline`);
    expectPence(SHEET.summary, `F${row}`, a.saving, `${a.code} saving`);
  });
  expectPence(SHEET.summary, `C${s.totalRow}`, built.totals.total.jointCostShare, "total share of joint posts");
  expectPence(SHEET.summary, `D${s.totalRow}`, built.totals.total.singlePostCost, "total single posts");
  expectPence(SHEET.summary, `E${s.totalRow}`, built.totals.total.baseline, "total baseline");
  expectPence(SHEET.summary, `F${s.totalRow}`, built.totals.total.saving, "total saving");
  expectValue(SHEET.summary, s.noWorseCell, built.totals.noWorse, "no council worse off");
  expectValue(SHEET.summary, s.payVoteCell, built.totals.payVotes.length, "posts needing a pay vote");
  built.highTotals.authorities.forEach((a, k) => {
    const row = s.high.firstAuthorityRow + k;
    expectPence(SHEET.summary, `C${row}`, a.jointCostShare, `${a.code} share of joint posts, high`);
    expectPence(SHEET.summary, `D${row}`, a.singlePostCost, `${a.code} single posts, high`);
    expectPence(SHEET.summary, `E${row}`, a.baseline, `${a.code} baseline, high`);
    expectPence(SHEET.summary, `F${row}`, a.saving, `${a.code} saving, high`);
  });
  const ht = built.highTotals.total;
  expectPence(SHEET.summary, `C${s.high.totalRow}`, ht.jointCostShare, "total share of joint posts, high");
  expectPence(SHEET.summary, `D${s.high.totalRow}`, ht.singlePostCost, "total single posts, high");
  expectPence(SHEET.summary, `E${s.high.totalRow}`, ht.baseline, "total baseline, high");
  expectPence(SHEET.summary, `F${s.high.totalRow}`, ht.saving, "total saving, high");
  expectValue(SHEET.summary, s.high.noWorseCell, built.highTotals.noWorse, "no council worse off, high");
  return result();
}
