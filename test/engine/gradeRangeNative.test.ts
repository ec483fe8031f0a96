import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { buildImport, differences, formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip } from "../support/libreOffice";
import { OCC_CDC } from "../support/samples";
import { importPostList, type Grid } from "../../src/postlist/index";
import { planToXlsx } from "../../src/templates/index";
import { columnLetter, importPlan, plannedPost, SHEET } from "../../src/workbook/index";
import { plannedPostsFromTable } from "../../src/templates/postsTable";

/**
 * Rule 13 in the written workbook: the seeds' joint Corporate Director on £117,912 to £144,228,
 * split 50/50, worked at both ends by the Posts table's built-in formulas, in HyperFormula and in
 * LibreOffice, to the penny, with the pay vote judged on the top.
 */
const GRID: Grid = [
  ["Post ID", "Post", "Home authority", "Joint", "Share OCC", "Share CDC", "Salary", "Salary max", "Baseline OCC"],
  ["JCD", "Corporate Director", "OCC", "Y", "50%", "50%", 117912, 144228, null],
  ["JCD2", "Corporate Director (CDC contract)", "CDC", "Y", "50%", "50%", "£117,912 to £128,631", null, 85000],
  ["HR", "Strategic Lead for HR", "CDC", "Y", "50%", "50%", 80000, null, null],
  ["S", "Single post on a range", "OCC", "N", null, null, 60000, 70000, null],
];

function seeds() {
  const r = importPostList(GRID, OCC_CDC);
  assert.deepEqual(r.validation.rejected, []);
  return buildImport(OCC_CDC, r.validation.posts);
}

describe("grade ranges in the written workbook (rule 13)", function () {
  this.timeout(120_000);

  it("HyperFormula: both ends of the seeds' £117,912 to £144,228 post, to the penny, and the pay vote on the top", () => {
    const built = seeds();
    assert.deepEqual(formulasOutsideExcel2016(built.plan), []);
    const hf = planInHyperFormula(built.plan);
    const l = built.posts;
    const at = (column: number, row = l.firstDataRow) => valueAt(hf, SHEET.posts, `${columnLetter(column)}${row}`);
    assert.deepEqual([at(l.part[0]), at(l.part[1])], [78523.35, 78523.34]);
    assert.deepEqual([at(l.partHigh[0]), at(l.partHigh[1])], [96181.38, 96181.38]);
    assert.equal(at(l.annualCostHigh), 192362.76);
    assert.equal(at(l.payVote), true);
    // The CDC-contract post's OCC baseline of £85,000 covers its half at both ends.
    const { lines, compared } = differences((sheet, a1) => valueAt(hf, sheet, a1), built);
    assert.deepEqual(lines, []);
    assert.ok(compared > 80, `compared ${compared}`);
    assert.equal(valueAt(hf, SHEET.summary, built.summary.high.noWorseCell), true);
    hf.destroy();
  });

  it("LibreOffice: the same workbook, recalculated on load, equals the core at both ends with no error", async function () {
    requireLibreOfficeOrSkip(this);
    const built = seeds();
    const out = await recalculateInLibreOffice([{ name: "ranges.xlsx", bytes: await planToXlsx(built.plan, ExcelJS) }]);
    const reading = await readBackValues(out.get("ranges.xlsx")!);
    const errors = [...reading].flatMap(([sheet, cells]) => [...cells].filter(([, c]) => c.error || /JW\.|_xldudf_/i.test(c.formula ?? "")).map(([a1, c]) => `${sheet}!${a1} ${c.error ?? c.formula}`));
    assert.deepEqual(errors, []);
    const { lines } = differences((sheet, a1) => {
      const c = reading.get(sheet)?.get(a1);
      return c ? (c.error ?? c.value) : null;
    }, built);
    assert.deepEqual(lines, []);
  });

  it("the Posts table reads back with its Salary max, and a table written before ranges still reads", () => {
    const r = importPostList(GRID, OCC_CDC);
    const { plan, posts: l } = importPlan({ partnership: OCC_CDC, posts: r.validation.posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: false });
    const sheet = plan.sheets.find((s) => s.name === SHEET.posts)!;
    const header = sheet.blocks[0].values![0];
    const inputs = sheet.blocks[1].values!;
    const rows = [header.slice(0, l.lastInput), ...inputs.map((row) => row.map((v) => v ?? ""))];
    const back = plannedPostsFromTable(rows, ["OCC", "CDC"]);
    assert.deepEqual(back.map((p) => [p.salary, p.salaryMax]), [[117912, 144228], [117912, 128631], [80000, null], [60000, 70000]]);
    // Drop the Salary max column, as a table from before this version has it.
    const old = rows.map((row) => row.filter((_, c) => c !== l.salaryMax - 1));
    const backOld = plannedPostsFromTable(old, ["OCC", "CDC"]);
    assert.deepEqual(backOld.map((p) => [p.salary, p.salaryMax, p.fte, p.home]), [[117912, null, 1, "OCC"], [117912, null, 1, "CDC"], [80000, null, 1, "CDC"], [60000, null, 1, "OCC"]]);
  });
});
