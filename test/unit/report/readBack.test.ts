import assert from "node:assert/strict";
import { FakeExcel } from "../../support/fakeExcel";
import { planSheetValues } from "../../support/planInHyperFormula";
import { OCC_CDC, sample } from "../../support/samples";
import { randomCase } from "../../support/randomPosts";
import { randomBenefits } from "../../support/benefitsWorkbook";
import { importPostList } from "../../../src/postlist/index";
import { validateBenefits } from "../../../src/benefits/index";
import { BENEFIT_SHEET, SHEET, importPlan, plannedBenefit, plannedPost, type PlannedPost } from "../../../src/workbook/index";
import { PARTNERSHIP_PRINCIPLES, benefitsFromTable, postsFromTable, previousKeptInReport } from "../../../src/workbook/report";
import type { Grid } from "../../../src/postlist/cells";

const sheetValues = planSheetValues;

describe("report refresh: the Posts and Benefits tables read back from the workbook", () => {
  it("gives back the posts and benefits that were written (random partnerships of 2 to 5 councils)", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { partnership, posts } = randomCase(seed * 31, 30);
      const planned: PlannedPost[] = posts.map(plannedPost).map((p) => ({ ...p, source: null, baselines: p.baselines && p.baselines.some((b) => b !== null) ? p.baselines : null }));
      const benefits = randomBenefits(seed, partnership, 20).map(plannedBenefit);
      const codes = partnership.authorities.map((a) => a.code);
      const built = importPlan({ partnership, posts: planned, rejected: [], sourceHeaders: [], includePartnership: false, benefits: { benefits, rejected: [], sourceHeaders: [] } });
      const back = postsFromTable(sheetValues(built.plan, SHEET.posts), codes);
      assert.deepEqual(back, planned.map((p) => ({ ...p, shares: p.joint ? p.shares : null })));
      assert.deepEqual(benefitsFromTable(sheetValues(built.plan, BENEFIT_SHEET.benefits), codes), benefits);
    }
  });

  it("refuses a Posts table laid out for other councils, saying to import again", () => {
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts.map(plannedPost);
    const built = importPlan({ partnership: OCC_CDC, posts, rejected: [], sourceHeaders: [], includePartnership: false });
    assert.throws(() => postsFromTable(sheetValues(built.plan, SHEET.posts), ["OCC", "WODC"]), /JW Posts is not laid out for this partnership's councils .*import the list again/);
  });

  it("writeAnnualReport in the open workbook: reads JW Posts, keeps the import issues, writes the report with the register", async () => {
    const fake = new FakeExcel();
    (globalThis as Record<string, unknown>).Excel = fake.global();
    const { writePlan } = await import("../../../src/excel/writePlan");
    const { writeAnnualReport } = await import("../../../src/excel/annualReport");
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts.map(plannedPost);
    await writePlan(importPlan({ partnership: OCC_CDC, posts, rejected: [{ row: 9, problems: [{ column: "Salary", message: "bad" }], cells: ["x"] }], sourceHeaders: ["Post"], includePartnership: true }).plan);
    const register = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC).benefits.map(plannedBenefit);
    const done = await writeAnnualReport(OCC_CDC, { register: { benefits: register, rejected: [], sourceHeaders: [] } });
    assert.deepEqual(done, { posts: posts.length, benefits: 1, keptAssessments: 0, keptObjectives: 0 });
    const live = fake.sheets.filter((x) => !x.deleted).map((x) => x.name);
    for (const name of [SHEET.posts, SHEET.summary, SHEET.issues, BENEFIT_SHEET.benefits, BENEFIT_SHEET.report]) assert.ok(live.includes(name), name);
    assert.equal(fake.cell(SHEET.issues, "D2").value, "bad");
    assert.equal(fake.cell(BENEFIT_SHEET.benefits, "A2").value, register[0].title);
    assert.equal(fake.cell(BENEFIT_SHEET.report, "A1").value, "Joint working annual report 2019/20");

    // An officer assesses principle 1; a refresh (no new register) keeps it and the register on JW Benefits.
    const report = fake.sheets.find((x) => x.name === BENEFIT_SHEET.report && !x.deleted)!;
    const at = [...report.cells].find(([, c]) => c.value === PARTNERSHIP_PRINCIPLES[0])![0];
    const row = at.slice(1);
    report.cells.set(`C${row}`, { value: "Partly met", numberFormat: "@" });
    report.cells.set(`D${row}`, { value: "=not a formula", numberFormat: "@" });
    const again = await writeAnnualReport(OCC_CDC);
    assert.deepEqual(again, { posts: posts.length, benefits: 1, keptAssessments: 1, keptObjectives: 0 });
    assert.equal(fake.cell(BENEFIT_SHEET.report, `C${row}`).value, "Partly met");
    assert.equal(fake.cell(BENEFIT_SHEET.report, `D${row}`).value, "=not a formula");
    assert.equal(fake.cell(BENEFIT_SHEET.report, `D${row}`).formula, undefined);
    assert.equal(fake.cell(BENEFIT_SHEET.benefits, "A2").value, register[0].title);
  });

  it("a refresh without a new last-year file keeps the comparison the report showed", async () => {
    const fake = new FakeExcel();
    (globalThis as Record<string, unknown>).Excel = fake.global();
    const { writePlan } = await import("../../../src/excel/writePlan");
    const { writeAnnualReport } = await import("../../../src/excel/annualReport");
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts.map(plannedPost);
    await writePlan(importPlan({ partnership: OCC_CDC, posts, rejected: [], sourceHeaders: [], includePartnership: true }).plan);
    const previous = { year: "2018/19", from: "last.xlsx", authorities: new Map([["OCC", { postSaving: 1, otherBenefits: 2, totalBenefit: 3 }], ["CDC", { postSaving: 4, otherBenefits: 5, totalBenefit: 9 }]]) };
    await writeAnnualReport(OCC_CDC, { previous });
    const grid = () => {
      const report = fake.sheets.find((x) => x.name === BENEFIT_SHEET.report && !x.deleted)!;
      const out: unknown[][] = [];
      for (const [a1, c] of report.cells) {
        const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
        ((out[+m[2] - 1] ??= [])[m[1].charCodeAt(0) - 65] = c.value);
      }
      for (let i = 0; i < out.length; i++) out[i] ??= [];
      return out as Grid;
    };
    assert.equal(previousKeptInReport(grid())?.year, "2018/19");
    await writeAnnualReport(OCC_CDC);
    const kept = previousKeptInReport(grid());
    assert.equal(kept?.year, "2018/19");
    assert.deepEqual([...kept!.authorities], [...previous.authorities]);
  });
});
