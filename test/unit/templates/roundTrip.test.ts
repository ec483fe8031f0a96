import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { costPosts, makePartnership, summarisePosts } from "../../../src/postlist";
import { serialFromDate } from "../../../src/core/dates";
import { toPence } from "../../../src/core/money";
import { rechargeSchedulePence } from "../../../src/core/recharge";
import { paybackYears } from "../../../src/core/checks";
import { TEMPLATE_VERSION, readReturnFile, checkTemplate, type TemplateRead } from "../../../src/templates";
import { columnLetter } from "../../../src/workbook/a1";
import { fileInHyperFormula } from "../../support/templateFiles";
import { GOOD, filledReturn, partnership, type Filled } from "../../support/templateFixtures";
import { valueAt } from "../../support/planInHyperFormula";

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
    assert.equal(read.version, TEMPLATE_VERSION);
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

describe("costing template for three councils with quarterly recharges", () => {
  const three = makePartnership(
    [
      { code: "SNC", name: "South Northamptonshire Council", pensionRate: 0.18 },
      { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
      { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    ],
    { year: "2022/23", rechargePeriods: 4, levyRate: 0.005 },
  );
  const posts: Filled[] = [
    { post: "Shared Director", home: "CDC", joint: "Y", shares: [0.4, 0.35, 0.25], salary: 123456.78, fte: 0.9, start: serialFromDate(2022, 6, 15), baselines: [60000, null, 0] },
    { post: "Two-way Lawyer", home: "SNC", joint: "Joint", shares: [0.5, 0, 0.5], salary: 64000 },
    { post: "Clerk", home: "Oxfordshire County Council", joint: "N", salary: 25000 },
  ];

  it("has formulas equal to the engine's figures, and the file keeps its validation and protection", async () => {
    const bytes = await filledReturn(posts, three, 5);
    const read = (await readReturnFile("three.xlsx", bytes, ExcelJS)).templates[0] as TemplateRead;
    const check = checkTemplate(read);
    assert.deepEqual(check.problems, []);
    assert.equal(check.posts[2].home, "OCC", "a council's name is read as its code, as the import does");
    const costs = costPosts(check.posts, three);
    const hf = await fileInHyperFormula(bytes);
    const l = read.layout;
    const at = (column: number, row: number) => valueAt(hf, read.sheet, `${columnLetter(column)}${row}`);
    for (const c of costs) {
      const r = c.post.row;
      assert.equal(at(l.check, r), "OK");
      assert.equal(pounds(at(l.costThisYear, r)), c.costThisYear);
      c.parts.forEach((p, k) => assert.equal(pounds(at(l.part[k], r)), p, `row ${r} part ${k}`));
      (c.savings ?? [0, 0, 0]).forEach((s, k) => assert.equal(pounds(at(l.saving[k], r)), s, `row ${r} saving ${k}`));
      if (c.post.joint) {
        const schedule = rechargeSchedulePence(c.costThisYear, c.post.shares!, c.post.homeIndex, 4);
        assert.equal(l.recharge.length, 4);
        schedule.forEach((period, m) => assert.equal(pounds(at(l.recharge[m], r)), period.reduce((a, b) => a + b, 0)));
      }
    }
    const summary = summarisePosts(costs, three);
    summary.authorities.forEach((a, k) => assert.equal(pounds(at(6, l.firstTotalsRow + k)), a.saving, a.code));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.equal((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet, true);
    assert.equal(ws.getCell(l.firstPostRow, l.salary).protection?.locked, false, "inputs unlocked");
    assert.notEqual(ws.getCell(l.firstPostRow, l.annualCost).protection?.locked, false, "outputs locked");
    const dv = (address: string) => (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae?: unknown[]; prompt?: string }> } }).dataValidations.model[address];
    const row = l.firstPostRow;
    assert.equal(dv(`${columnLetter(l.home)}${row}`).type, "list");
    assert.deepEqual(dv(`${columnLetter(l.home)}${row}`).formulae, [`$A$${l.firstAuthorityRow}:$A$${l.firstAuthorityRow + 2}`]);
    assert.equal(dv(`${columnLetter(l.start)}${l.lastPostRow}`).type, "date");
    assert.equal(dv(`${columnLetter(l.share[2])}${row}`).type, "custom");
    assert.match(dv(`${columnLetter(l.fte)}${row}`).prompt ?? "", /full time/);
    assert.equal(dv(`${columnLetter(l.salary)}${row}`).type, "decimal");
    assert.equal(dv(`${columnLetter(l.annualCost)}${row}`), undefined, "no validation on outputs");
  });
});
