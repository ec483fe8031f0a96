import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main as summaryMain } from "../../src/cli/jw-summary";
import { main as reportMain } from "../../src/cli/jw-report";
import { main as workbookMain } from "../../src/cli/jw-workbook";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip, type WorkbookReading, errorsAndAddInCalls } from "../support/libreOffice";
import { benefitDifferences, buildWithBenefits } from "../support/benefitsWorkbook";
import { differences } from "../support/nativeWorkbook";
import { OCC_CDC, SAMPLES_DIR, sample } from "../support/samples";
import { importPostList, makePartnership } from "../../src/postlist/index";
import { validateBenefits } from "../../src/benefits/index";
import { BENEFIT_SHEET, SHEET, columnLetter, plannedBenefit, plannedPost } from "../../src/workbook/index";
import { REPORT_VERDICT, reportPlan } from "../../src/workbook/report";
import type { SummaryJson } from "../../src/postlist/summaryJson";

/**
 * The annual report and the workbook with a benefits register, written headless, opened in
 * LibreOffice (an Excel without the add-in) with every formula recalculated: no error anywhere,
 * no add-in call, and the figures jw-summary --json gives, to the penny. Last year's report,
 * recalculated the same way, gives the comparison.
 */
const POSTS = path.join(SAMPLES_DIR, "occ-cdc-2019-20-posts.csv");
const PARTNERSHIP = path.join(SAMPLES_DIR, "occ-cdc-partnership.csv");
const BENEFITS = path.join(SAMPLES_DIR, "occ-cdc-2019-20-benefits.csv");

async function capture(run: (argv: string[], io: { stdout(t: string): void; stderr(t: string): void }) => Promise<number>, argv: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  assert.equal(code, 0, err);
  return out;
}

describe("the annual report and the workbook in LibreOffice, without the add-in", function () {
  this.timeout(300_000);
  let dir: string;
  let json: SummaryJson;
  let lastJson: SummaryJson;
  let report: WorkbookReading;
  let workbook: WorkbookReading;

  before(async function () {
    requireLibreOfficeOrSkip(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "jw-report-lo-"));
    const common = ["--posts", POSTS, "--partnership", PARTNERSHIP, "--benefits", BENEFITS];
    json = JSON.parse(await capture(summaryMain, [...common, "--year", "2019/20", "--json"]));
    lastJson = JSON.parse(await capture(summaryMain, [...common, "--year", "2018/19", "--json"]));
    // Last year's report, opened and saved (recalculated) as an officer would have done.
    await capture(reportMain, [...common, "--year", "2018/19", "--out", path.join(dir, "last.xlsx")]);
    const last = await recalculateInLibreOffice([{ name: "last.xlsx", bytes: fs.readFileSync(path.join(dir, "last.xlsx")) }]);
    fs.writeFileSync(path.join(dir, "last-saved.xlsx"), last.get("last.xlsx")!);
    await capture(reportMain, [...common, "--year", "2019/20", "--previous", path.join(dir, "last-saved.xlsx"), "--out", path.join(dir, "report.xlsx")]);
    await capture(workbookMain, [...common, "--year", "2019/20", "--out", path.join(dir, "workbook.xlsx")]);
    const done = await recalculateInLibreOffice([
      { name: "report.xlsx", bytes: fs.readFileSync(path.join(dir, "report.xlsx")) },
      { name: "workbook.xlsx", bytes: fs.readFileSync(path.join(dir, "workbook.xlsx")) },
    ]);
    report = await readBackValues(done.get("report.xlsx")!);
    workbook = await readBackValues(done.get("workbook.xlsx")!);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("every cell of the report and the workbook computes: no error, no add-in call", () => {
    assert.deepEqual([...errorsAndAddInCalls(report), ...errorsAndAddInCalls(workbook)], []);
    assert.ok(report.get(BENEFIT_SHEET.report)!.size > 100);
  });

  it("the report's figures are jw-summary --json's, to the penny, with Principle 3's verdict", () => {
    const built = expected();
    const at = (column: number, row: number) => report.get(BENEFIT_SHEET.report)!.get(`${columnLetter(column)}${row}`)?.value;
    const l = built.report;
    json.authorities.forEach((a, k) => {
      const c = l.firstCouncilColumn + k;
      assert.equal(at(c, l.postsTotalRow), a.saving, `${a.code} total saving from shared posts`);
      assert.equal(at(c, l.figures.postSaving), a.saving);
      assert.equal(at(c, l.figures.cashable), a.cashableBenefits);
      assert.equal(at(c, l.figures.otherBenefits), a.otherBenefits);
      assert.equal(at(c, l.figures.totalBenefit), a.totalBenefit);
    });
    assert.equal(at(l.totalColumn, l.figures.totalBenefit), json.totalBenefit);
    assert.equal(at(l.totalColumn, l.figures.otherBenefits), json.total.otherBenefits);
    assert.equal(at(l.totalColumn, l.postsTotalRow), json.total.saving);
    assert.equal(at(l.firstCouncilColumn, l.figures.postSaving + 100) ?? null, null);
    assert.equal(report.get(BENEFIT_SHEET.report)!.get(l.verdictCell)!.value, json.noWorseWithCashableBenefits ? REPORT_VERDICT.met : REPORT_VERDICT.notMet);
    // Cost avoidance by kind: the seeds' £20k to CDC.
    assert.equal(at(l.firstCouncilColumn + 1, l.kindsFirstRow + 1), 20000);
  });

  it("the comparison shows last year's figures (from last year's saved report) and the change", () => {
    const l = expected().report;
    const at = (column: number, row: number) => report.get(BENEFIT_SHEET.report)!.get(`${columnLetter(column)}${row}`)?.value;
    const rows = l.comparisonRows!;
    assert.deepEqual(rows.map((r) => r.measure), ["Post saving", "Other benefits", "Total benefit"]);
    const pick = { "Post saving": "saving", "Other benefits": "otherBenefits", "Total benefit": "totalBenefit" } as const;
    for (const r of rows) {
      json.authorities.forEach((a, k) => {
        const c = l.firstCouncilColumn + k;
        const key = pick[r.measure as keyof typeof pick];
        assert.equal(at(c, r.thisYear), a[key]);
        assert.equal(at(c, r.lastYear), lastJson.authorities[k][key]);
        assert.equal(at(c, r.change), Math.round((a[key] - lastJson.authorities[k][key]) * 100) / 100);
      });
    }
    assert.match(String(report.get(BENEFIT_SHEET.report)!.get("A" + (rows[0].thisYear - 2))!.value), /Comparison with 2018\/19/);
  });

  it("the Posts, Benefits and Summary of both files equal the core cell by cell; the Summary's benefits section is the JSON's", () => {
    const built = expected();
    for (const reading of [report, workbook]) {
      const read = (sheet: string, a1: string) => {
        const cell = reading.get(sheet)?.get(a1);
        return cell ? (cell.error ?? cell.value) : null;
      };
      assert.deepEqual(benefitDifferences(read, built).lines, []);
      assert.deepEqual(differences(read, built).lines, []);
      const s = built.summary.benefits!;
      json.authorities.forEach((a, k) => {
        assert.equal(read(SHEET.summary, `G${s.firstAuthorityRow + k}`), a.totalBenefit);
        assert.equal(read(SHEET.summary, `D${s.firstAuthorityRow + k}`), a.cashableBenefits);
        assert.equal(read(SHEET.summary, `F${s.firstAuthorityRow + k}`), a.otherBenefits);
      });
      assert.equal(read(SHEET.summary, `G${s.totalRow}`), json.totalBenefit);
      assert.equal(read(SHEET.summary, s.noWorseCell), json.noWorseWithCashableBenefits);
    }
  });
});

/** The same plan the CLI wrote, with the core's figures, for the cell-by-cell comparison. */
function expected() {
  const partnership = makePartnership(OCC_CDC.authorities, { year: "2019/20" });
  const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), partnership).validation.posts;
  const benefits = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), partnership).benefits;
  const built = buildWithBenefits(partnership, posts, benefits);
  const withReport = reportPlan({
    partnership,
    posts: posts.map(plannedPost),
    rejected: [],
    sourceHeaders: [],
    includePartnership: true,
    benefits: { benefits: benefits.map(plannedBenefit), rejected: [], sourceHeaders: [] },
    previous: { year: "2018/19", authorities: new Map(), from: "" },
  });
  return { ...built, report: withReport.report };
}
