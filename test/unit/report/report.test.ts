import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Grid } from "../../../src/postlist/cells";
import JSZip from "jszip";
import { FakeExcel } from "../../support/fakeExcel";
import { runMain } from "../../support/runMain";
import { main as reportMain } from "../../../src/cli/jw-report";
import { OCC_CDC, SAMPLES_DIR, sample } from "../../support/samples";
import { planToXlsx } from "../../../src/templates/index";
import { importPostList } from "../../../src/postlist/index";
import { validateBenefits } from "../../../src/benefits/index";
import { formulasOutsideExcel2016 } from "../../support/nativeWorkbook";
import { BENEFIT_SHEET, plannedBenefit, plannedPost } from "../../../src/workbook/index";
import {
  ASSESSMENTS,
  PARTNERSHIP_PRINCIPLES,
  previousFromReport,
  previousFromSummary,
  previousKeptInReport,
  readReportInputs,
  reportPlan,
  type PreviousFigures,
  type ReportInputs,
} from "../../../src/workbook/report";

const ROOT = path.resolve(__dirname, "../../..");
const POSTS = path.join(SAMPLES_DIR, "occ-cdc-2019-20-posts.csv");
const PARTNERSHIP = path.join(SAMPLES_DIR, "occ-cdc-partnership.csv");
const BENEFITS = path.join(SAMPLES_DIR, "occ-cdc-2019-20-benefits.csv");

function built(kept?: ReportInputs) {
  const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts;
  const benefits = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC).benefits;
  return reportPlan({
    partnership: OCC_CDC,
    posts: posts.map(plannedPost),
    rejected: [],
    sourceHeaders: [],
    includePartnership: true,
    benefits: { benefits: benefits.map(plannedBenefit), rejected: [], sourceHeaders: [] },
    ...(kept ? { kept } : {}),
  });
}

/** jw-report's main() in this process; the launcher itself runs once, in the last test. */
function jwReport(...args: string[]) {
  return runMain(reportMain, ...args);
}

function jwReportBin(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "jw-report.mjs"), ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The report sheet of a file as a grid of what Excel would show for values typed in. */
async function reportGrid(file: string): Promise<Grid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(BENEFIT_SHEET.report)!;
  const grid: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    grid[r - 1] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (grid[r - 1][c - 1] = cell.value));
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid as Grid;
}

describe("the annual report sheet", function () {
  this.timeout(60_000);

  it("is laid out for A4: print titles, fit to width, a page break before each section; built-in formulas only", () => {
    const b = built();
    const sheet = b.plan.sheets.find((s) => s.name === BENEFIT_SHEET.report)!;
    assert.deepEqual(sheet.print, { orientation: "portrait", fitToWidth: true, titleRows: "1:1", pageBreaksBefore: sheet.print!.pageBreaksBefore });
    assert.equal(sheet.print!.pageBreaksBefore!.length, 4);
    assert.deepEqual(formulasOutsideExcel2016(b.plan), []);
    assert.equal(b.plan.activate, BENEFIT_SHEET.report);
    // The nine principles, pre-filled, each with an assessment from the list.
    const grid = readReportInputs(gridOfPlan(sheet));
    assert.deepEqual(grid.principles.map((p) => p.text), [...PARTNERSHIP_PRINCIPLES]);
    const list = sheet.validations!.find((v) => v.rule.kind === "list")!;
    assert.deepEqual(list.rule, { kind: "list", source: ASSESSMENTS });
    assert.deepEqual([...ASSESSMENTS], ["Met", "Partly met", "Not yet", "Not met"]);
    assert.equal(sheet.table!.name, "JW_Objectives");
  });

  it("the .xlsx carries A4, fit to one page wide, print titles and the row breaks", async () => {
    const zip = await JSZip.loadAsync(await planToXlsx(built().plan, ExcelJS));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    assert.match(workbook, /_xlnm\.Print_Titles[^>]*>&apos;JW Report&apos;!\$1:\$1</);
    const sheets = await Promise.all(Object.keys(zip.files).filter((f) => /worksheets\/sheet\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    const report = sheets.find((s) => s.includes("<rowBreaks"))!;
    assert.match(report, /<pageSetup[^>]*paperSize="9"[^>]*orientation="portrait"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    assert.match(report, /<pageSetUpPr fitToPage="1"\/>/);
    assert.equal((report.match(/<brk /g) ?? []).length, 4);
    assert.match(report, /<tableParts count="1">/);
  });

  it("through Office.js: A4 portrait, one page wide, title rows, the section breaks and the assessment lists", async () => {
    const fake = new FakeExcel();
    const g = globalThis as Record<string, unknown>;
    g.Excel = fake.global();
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    const { writePlan } = await import("../../../src/excel/writePlan");
    const b = built();
    try {
      await writePlan(b.plan);
    } finally {
      delete g.Office;
    }
    const sheet = fake.sheets.find((s) => s.name === BENEFIT_SHEET.report && !s.deleted)!;
    const breaks = b.plan.sheets.find((s) => s.name === BENEFIT_SHEET.report)!.print!.pageBreaksBefore!;
    assert.deepEqual(sheet.pageLayout, { paperSize: "A4", orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: "$1:$1" });
    assert.deepEqual(sheet.pageBreaks, breaks.map((r) => `A${r}`));
    assert.ok([...sheet.validations!.values()].some((rule) => JSON.stringify(rule).includes("Met,Partly met,Not yet,Not met")));
    // A post's title reaches the report by reference to JW Posts, where it is text.
    assert.equal(fake.cell(BENEFIT_SHEET.report, "B7").formula, "='JW Posts'!$B$2");
  });

  it("a refresh keeps what officers typed: assessments, commentary, edited wording, added objectives", () => {
    const kept: ReportInputs = {
      principles: [
        { number: 3, text: PARTNERSHIP_PRINCIPLES[2], assessment: "Met", commentary: "=Both councils save (see section 3)" },
        { number: 5, text: "Edited wording of principle 5", assessment: "Partly met", commentary: "Two business cases pending" },
      ],
      objectives: [{ objective: "Joint waste strategy", assessment: "Not yet", progress: "Consultation in spring" }],
    };
    const b = built(kept);
    const sheet = b.plan.sheets.find((s) => s.name === BENEFIT_SHEET.report)!;
    const back = readReportInputs(gridOfPlan(sheet));
    assert.deepEqual(back.principles[2], { number: 3, text: PARTNERSHIP_PRINCIPLES[2], assessment: "Met", commentary: "=Both councils save (see section 3)" });
    assert.deepEqual(back.principles[4], { number: 5, text: "Edited wording of principle 5", assessment: "Partly met", commentary: "Two business cases pending" });
    assert.equal(back.principles[0].assessment, "");
    assert.deepEqual(back.objectives, kept.objectives);
    // Typed text lands in Text-formatted value blocks: never a formula.
    const block = sheet.blocks.find((x) => x.values?.some((row) => row.includes("=Both councils save (see section 3)")))!;
    assert.ok(block.columnFormats!.every((f) => f === "@"));
  });

  it("jw-report --force over last version's report keeps the assessments officers typed in it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jw-report-"));
    try {
      const out = path.join(dir, "report.xlsx");
      const args = ["--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", BENEFITS, "--out", out];
      let r = await jwReport(...args);
      assert.equal(r.code, 0, r.stderr);
      // An officer fills in principle 1 and an objective, in Excel.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet(BENEFIT_SHEET.report)!;
      const inputs = readReportInputs(await reportGrid(out));
      assert.equal(inputs.principles.length, 9);
      let principleRow = 0;
      let objectiveRow = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(1).value === 1 && row.getCell(2).value === PARTNERSHIP_PRINCIPLES[0]) principleRow = n;
        if (row.getCell(2).value === "Objective") objectiveRow = n;
      });
      ws.getCell(principleRow, 3).value = "Met";
      ws.getCell(principleRow, 4).value = "Separate budgets and decisions throughout 2019/20";
      ws.getCell(objectiveRow + 1, 2).value = "Shared regulatory service";
      ws.getCell(objectiveRow + 1, 3).value = "Partly met";
      await wb.xlsx.writeFile(out);
      // Without --force the report is not replaced.
      r = await jwReport(...args);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /already exists: give another --out, or add --force/);
      r = await jwReport(...args, "--force");
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /kept 1 principle assessment and 1 objective/);
      const after = readReportInputs(await reportGrid(out));
      assert.deepEqual(after.principles[0], { number: 1, text: PARTNERSHIP_PRINCIPLES[0], assessment: "Met", commentary: "Separate budgets and decisions throughout 2019/20" });
      assert.deepEqual(after.objectives, [{ objective: "Shared regulatory service", assessment: "Partly met", progress: "" }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("jw-report --force without --previous keeps the comparison with last year that the replaced report showed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jw-report-"));
    try {
      const out = path.join(dir, "report.xlsx");
      const last: PreviousFigures = {
        year: "2018/19",
        from: "last-year.xlsx",
        authorities: new Map([
          ["OCC", { postSaving: 150000.25, otherBenefits: 0, totalBenefit: 150000.25 }],
          ["CDC", { postSaving: 99000, otherBenefits: 18000, totalBenefit: 117000 }],
        ]),
      };
      const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts;
      const first = reportPlan({ partnership: OCC_CDC, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true, benefits: { benefits: [], rejected: [], sourceHeaders: [] }, previous: last });
      fs.writeFileSync(out, await planToXlsx(first.plan));
      const r = await jwReport("--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", out, "--force");
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /compared with 2018\/19/);
      const kept = previousKeptInReport(await reportGrid(out));
      assert.equal(kept?.year, "2018/19");
      assert.deepEqual([...kept!.authorities], [...last.authorities]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--previous: a report nobody has opened (no saved figures) is refused with what to do; a bad file names itself", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jw-report-"));
    try {
      const last = path.join(dir, "last.xlsx");
      const common = ["--posts", POSTS, "--partnership", PARTNERSHIP, "--benefits", BENEFITS];
      assert.equal((await jwReport(...common, "--year", "2018/19", "--out", last)).code, 0);
      let r = await jwReport(...common, "--year", "2019/20", "--previous", last, "--out", path.join(dir, "r.xlsx"));
      assert.equal(r.code, 1);
      assert.match(r.stderr, /has no saved figures .*open it in Excel or LibreOffice, save it, and give it again/);
      r = await jwReport(...common, "--year", "2019/20", "--previous", POSTS, "--out", path.join(dir, "r.xlsx"));
      assert.equal(r.code, 1);
      assert.match(r.stderr, /--previous .* is not an \.xlsx workbook/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs as bin/jw-report.mjs: a command line it cannot read exits 2 with the usage", () => {
    const r = jwReportBin("--posts", POSTS, "--year", "2019/20");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /jw-report: Missing --out\./);
    assert.match(r.stderr, /Usage: jw-report --posts FILE/);
  });

  it("reads last year's figures from a report block or a workbook's Summary (savings only, or with benefits)", () => {
    const report = [["Joint working annual report 2018/19"], [], ["Figures per council", null, null, "OCC", "CDC", "Total"], ["Post saving", null, null, 100, 200, 300], ["Other benefits", null, null, null, 20, 20], ["Total benefit", null, null, 100, 220, 320]];
    const fromReport = previousFromReport(report, "last.xlsx")!;
    assert.equal(fromReport.year, "2018/19");
    assert.deepEqual(fromReport.authorities.get("OCC"), { postSaving: 100, otherBenefits: 0, totalBenefit: 100 });
    const summary = [["Joint working: savings 2018/19"], [], [], ["Authority", "Name", "Share of joint posts", "Single posts", "Baseline", "Saving"], ["OCC", "Oxon", 1, 0, 2, 50.5], ["CDC", "Cherwell", 1, 0, 2, 60], ["Total"]];
    assert.deepEqual(previousFromSummary(summary, "wb.xlsx")!.authorities.get("CDC"), { postSaving: 60, otherBenefits: 0, totalBenefit: 60 });
  });
});

/** A sheet plan's values and formulas as a grid (formulas as their text), as a refresh would read the cells typed. */
function gridOfPlan(sheet: { blocks: { address: string; rows: number; columns: number; values?: unknown[][]; formulas?: string[][] }[] }): Grid {
  const grid: unknown[][] = [];
  for (const b of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.address)!;
    const c0 = m[1].charCodeAt(0) - 65;
    const r0 = +m[2] - 1;
    for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.columns; c++) ((grid[r0 + r] ??= [])[c0 + c] = b.values ? b.values[r][c] : b.formulas![r][c]);
  }
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid as Grid;
}
