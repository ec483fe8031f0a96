import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { makePartnership, costPosts, summarisePosts, type Partnership } from "../../../src/postlist";
import { serialFromDate } from "../../../src/core/dates";
import { toPence } from "../../../src/core/money";
import { rechargeSchedulePence } from "../../../src/core/recharge";
import { paybackYears } from "../../../src/core/checks";
import { templateSheetPlan, planToXlsx, readReturnFile, checkTemplate, type TemplateRead, type TemplateLayout } from "../../../src/templates";
import { columnLetter } from "../../../src/workbook/a1";
import { date, fileInHyperFormula, fillTemplate, type Typed } from "../../support/templateFiles";
import { valueAt } from "../../support/planInHyperFormula";

export const partnership: Partnership = makePartnership(
  [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
  ],
  { year: "2019/20" },
);

const d = (y: number, m: number, day: number) => serialFromDate(y, m, day);

export interface Filled {
  post: string;
  home: string;
  joint: Typed;
  shares?: (number | null)[];
  salary: Typed;
  fte?: Typed;
  start?: number;
  end?: number;
  baselines?: (number | null)[];
  oneOff?: Typed;
}

export const GOOD: Filled[] = [
  { post: "Chief Executive", home: "OCC", joint: "Y", shares: [0.61, 0.39], salary: 190000, oneOff: 15000 },
  { post: "Monitoring Officer", home: "CDC", joint: "Y", shares: [0.5, 0.5], salary: 95000, fte: 0.8, start: d(2019, 10, 1), baselines: [80000, 70000], oneOff: 0 },
  { post: "=Policy Officer (text, not a formula)", home: "CDC", joint: "N", salary: 40000, fte: 1, end: d(2019, 12, 31) },
  { post: "AD Regulatory Services", home: "OCC", joint: "Yes", shares: [0.6, 0.4], salary: 105000, start: d(2019, 7, 1), end: d(2020, 3, 31), baselines: [90000, null], oneOff: 20000 },
];

/** The input cells of one post, for fillTemplate. */
export function entries(l: TemplateLayout, row: number, p: Filled): [number, number, Typed][] {
  const out: [number, number, Typed][] = [
    [row, l.post, p.post],
    [row, l.home, p.home],
    [row, l.joint, p.joint],
    [row, l.salary, p.salary],
  ];
  p.shares?.forEach((s, k) => s !== null && out.push([row, l.share[k], s]));
  if (p.fte !== undefined) out.push([row, l.fte, p.fte]);
  if (p.start !== undefined) out.push([row, l.start, date(p.start)]);
  if (p.end !== undefined) out.push([row, l.end, date(p.end)]);
  p.baselines?.forEach((b, k) => b !== null && out.push([row, l.baseline[k], b]));
  if (p.oneOff !== undefined) out.push([row, l.oneOff, p.oneOff]);
  return out;
}

export async function blankTemplate(p = partnership, postRows = 8): Promise<{ bytes: Uint8Array; layout: TemplateLayout; sheet: string }> {
  const t = templateSheetPlan(p, { postRows });
  const bytes = await planToXlsx({ sheets: [t.sheet], names: t.names }, ExcelJS);
  return { bytes, layout: t.layout, sheet: t.sheet.name };
}

/** A filled-in return: posts from the given first row of the template. */
export async function filledReturn(posts: readonly Filled[], p = partnership, postRows = 8, extra: [number, number, Typed][] = []): Promise<Uint8Array> {
  const { bytes, layout } = await blankTemplate(p, postRows);
  return fillTemplate(bytes, [...posts.flatMap((post, i) => entries(layout, layout.firstPostRow + i, post)), ...extra]);
}

const pounds = (x: unknown) => Math.round((x as number) * 100);

describe("costing template: written to .xlsx, filled in, read back", () => {
  let read: TemplateRead;
  let bytes: Uint8Array;

  before(async () => {
    bytes = await filledReturn(GOOD);
    const file = await readReturnFile("return.xlsx", bytes, ExcelJS);
    assert.equal(file.error, undefined);
    assert.equal(file.templates.length, 1);
    assert.equal(file.templates[0].kind, "template");
    read = file.templates[0] as TemplateRead;
  });

  it("carries the partnership and marker, recognised from the file alone", () => {
    assert.equal(read.version, 1);
    assert.equal(read.partnership.year.label, "2019/20");
    assert.deepEqual(read.partnership.authorities, partnership.authorities);
    assert.equal(read.partnership.levyRate, 0.005);
  });

  it("round-trips every input", () => {
    const check = checkTemplate(read);
    assert.deepEqual(check.problems, []);
    assert.equal(check.posts.length, GOOD.length);
    check.posts.forEach((post, i) => {
      const want = GOOD[i];
      assert.equal(post.row, read.layout.firstPostRow + i);
      assert.equal(post.title, want.post);
      assert.equal(post.home, want.home);
      assert.equal(post.joint, want.joint === "Y" || want.joint === "Yes");
      assert.deepEqual(post.shares, want.shares ? want.shares.map((s) => s ?? 0) : null);
      assert.equal(post.salary, want.salary);
      assert.equal(post.fte, want.fte ?? 1);
      assert.equal(post.start, want.start ?? null);
      assert.equal(post.end, want.end ?? null);
      if (post.joint) assert.deepEqual(post.baselines, want.baselines ?? [null, null]);
      assert.equal(check.oneOffCosts.get(post.row), typeof want.oneOff === "number" ? want.oneOff : 0);
    });
  });

  it("has live formulas that equal the engine's figures, to the penny", async () => {
    const hf = await fileInHyperFormula(bytes);
    const sheet = read.sheet;
    const l = read.layout;
    const check = checkTemplate(read);
    const costs = costPosts(check.posts, partnership);
    const at = (column: number, row: number) => valueAt(hf, sheet, `${columnLetter(column)}${row}`);
    for (const c of costs) {
      const r = c.post.row;
      assert.equal(at(l.check, r), "OK", `row ${r} check`);
      assert.equal(pounds(at(l.annualCost, r)), c.annualCost, `row ${r} annual cost`);
      assert.equal(pounds(at(l.costThisYear, r)), c.costThisYear, `row ${r} cost this year`);
      c.parts.forEach((p, k) => assert.equal(pounds(at(l.part[k], r)), p, `row ${r} part ${k}`));
      (c.savings ?? [0, 0]).forEach((s, k) => assert.equal(pounds(at(l.saving[k], r)), s, `row ${r} saving ${k}`));
      (c.baselines ?? [0, 0]).forEach((b, k) => assert.equal(pounds(at(l.baselineThisYear[k], r)), b, `row ${r} baseline ${k}`));
      assert.equal(at(l.payVote, r), c.payVote, `row ${r} pay vote`);
      if (c.post.joint) {
        const schedule = rechargeSchedulePence(c.costThisYear, c.post.shares!, c.post.homeIndex, 12);
        schedule.forEach((period, m) => assert.equal(pounds(at(l.recharge[m], r)), period.reduce((a, b) => a + b, 0), `row ${r} recharge ${m + 1}`));
        const annualBaselines = c.post.baselines.map((b, k) => (b === null ? (c.post.shares![k] > 0 ? c.annualCost : 0) : toPence(b)));
        const fullYear = annualBaselines.reduce((a, b) => a + b, 0) - c.annualCost;
        assert.equal(pounds(at(l.fullYearSaving, r)), fullYear, `row ${r} full-year saving`);
        const oneOff = check.oneOffCosts.get(r) ?? 0;
        if (oneOff > 0) assert.ok(Math.abs((at(l.payback, r) as number) - paybackYears(oneOff, fullYear / 100)) < 1e-9, `row ${r} payback`);
        else assert.equal(at(l.payback, r), "");
      }
    }
    // Blank rows show nothing.
    assert.equal(at(l.annualCost, l.lastPostRow), "");
    assert.equal(at(l.check, l.lastPostRow), "");
    // Totals per council equal the summary of the same posts.
    const summary = summarisePosts(costs, partnership);
    summary.authorities.forEach((a, k) => {
      const row = l.firstTotalsRow + k;
      assert.equal(pounds(at(3, row)), a.jointCostShare, `${a.code} share of joint posts`);
      assert.equal(pounds(at(4, row)), a.singlePostCost, `${a.code} single posts`);
      assert.equal(pounds(at(5, row)), a.baseline, `${a.code} baseline`);
      assert.equal(pounds(at(6, row)), a.saving, `${a.code} saving`);
    });
    assert.equal(at(2, l.noWorseRow), summary.noWorse);
    assert.equal(at(2, l.payVotesRow), summary.payVotes.length);
    assert.equal(at(2, l.oneOffRow), 35000);
    // Recharges: each joint post's partner parts, paid to its home council.
    const paid = [0, 0];
    for (const c of costs) if (c.post.joint) c.parts.forEach((p, k) => k !== c.post.homeIndex && (paid[k] += p));
    paid.forEach((p, k) => assert.equal(pounds(at(7, l.firstTotalsRow + k)), p, `recharges paid ${k}`));
  });

  it("keeps text typed in a cell as text", () => {
    const check = checkTemplate(read);
    assert.equal(check.posts[2].title, "=Policy Officer (text, not a formula)");
  });
});
