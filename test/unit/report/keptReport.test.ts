import assert from "node:assert/strict";
import { BENEFIT_SHEET, NOTHING_KEPT, importPlanKeeping, plannedBenefit, plannedPost, type ImportPlanInput } from "../../../src/workbook/index";
import { PARTNERSHIP_PRINCIPLES, previousKeptInReport, readReportInputs, reportPlan, withKeptReport, type PreviousFigures, type ReportInputs } from "../../../src/workbook/report";
import { planSheetValues } from "../../support/planInHyperFormula";
import { danglingReferences } from "../../support/danglingReferences";
import { randomCase } from "../../support/randomPosts";
import { randomBenefits } from "../../support/benefitsWorkbook";

const { partnership, posts } = randomCase(41, 24, { councils: 3 });
const codes = partnership.authorities.map((a) => a.code);
const benefits = randomBenefits(41, partnership, 8).map(plannedBenefit);
const base: ImportPlanInput = { partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true };
const kept: ReportInputs = {
  principles: [{ number: 2, text: PARTNERSHIP_PRINCIPLES[1], assessment: "Partly met", commentary: "=not a formula" }],
  objectives: [{ objective: "Joint waste strategy", assessment: "Not yet", progress: "Consultation in spring" }],
};
// Last year's figures for two of the three councils: the third's change is left blank.
const previous: PreviousFigures = {
  year: "2018/19",
  from: "last-year.xlsx",
  authorities: new Map([
    [codes[0], { postSaving: 1234.56, otherBenefits: 0, totalBenefit: 1234.56 }],
    [codes[1], { postSaving: -20, otherBenefits: 500.01, totalBenefit: 480.01 }],
  ]),
};

describe("the annual report kept by an import", () => {
  const before = reportPlan({ ...base, benefits: { benefits, rejected: [], sourceHeaders: [] }, kept, previous });
  const reportGrid = planSheetValues(before.plan, BENEFIT_SHEET.report);

  it("reads back last year's figures the report shows, the year and where they came from", () => {
    assert.deepEqual(previousKeptInReport(reportGrid), previous);
    const unnamed = reportPlan({ ...base, benefits: { benefits, rejected: [], sourceHeaders: [] }, previous: { ...previous, year: null } });
    assert.equal(previousKeptInReport(planSheetValues(unnamed.plan, BENEFIT_SHEET.report))!.year, null);
    const none = reportPlan({ ...base, benefits: { benefits, rejected: [], sourceHeaders: [] } });
    assert.equal(previousKeptInReport(planSheetValues(none.plan, BENEFIT_SHEET.report)), null);
  });

  it("the same posts imported again write the same report: officers' text and last year's figures kept", () => {
    const built = withKeptReport(importPlanKeeping(base, { ...NOTHING_KEPT, benefits, report: true }), base, { inputs: readReportInputs(reportGrid), previous: previousKeptInReport(reportGrid) });
    const sheet = (p: typeof before.plan) => p.sheets.find((s) => s.name === BENEFIT_SHEET.report);
    assert.deepEqual(sheet(built.plan), sheet(before.plan));
  });

  it("other posts: the report is written over them, in the same plan, so nothing reads a deleted sheet", () => {
    const fewer: ImportPlanInput = { ...base, posts: base.posts.slice(0, 10) };
    const plain = importPlanKeeping(fewer, { ...NOTHING_KEPT, benefits, report: true });
    assert.ok(danglingReferences(before.plan, plain.plan).includes(`${BENEFIT_SHEET.report} reads JW Posts`), "without it, the report is left at #REF!");
    const built = withKeptReport(plain, fewer, { inputs: readReportInputs(reportGrid), previous: previousKeptInReport(reportGrid) });
    assert.deepEqual(danglingReferences(before.plan, built.plan), []);
    const back = readReportInputs(planSheetValues(built.plan, BENEFIT_SHEET.report));
    assert.deepEqual(back.principles[1], kept.principles[0]);
    assert.deepEqual(back.objectives, kept.objectives);
    assert.equal(built.report?.comparisonRows?.length, 3);
  });
});
