import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { main as summaryMain } from "../../src/cli/jw-summary";
import { main as workbookMain } from "../../src/cli/jw-workbook";
import { planToXlsx } from "../../src/templates/index";
import { columnLetter, PROJECTION_SHEET, SHEET, type ProjectionLayout } from "../../src/workbook/index";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip, errorsAndAddInCalls } from "../support/libreOffice";
import { buildProjection, projectionDifferences } from "../support/projectionDifferences";
import { randomCase } from "../support/randomPosts";

/**
 * The workbook jw-workbook writes with --years, opened in LibreOffice headless with every formula
 * recalculated on load (an Excel without the add-in), matches jw-summary --years to the penny,
 * with no error cell and no JW call anywhere.
 */
const SAMPLES = fileURLToPath(new URL("../../../shared/samples/", import.meta.url));

/** The post totals of a JSON block (the summary's own also carries the benefits register's). */
const postTotals = (t: { jointCostShare: number; singlePostCost: number; baseline: number; saving: number }) => ({ jointCostShare: t.jointCostShare, singlePostCost: t.singlePostCost, baseline: t.baseline, saving: t.saving });
const postAuthorities = (list: { code: string; name: string; jointCostShare: number; singlePostCost: number; baseline: number; saving: number }[]) => list.map((a) => ({ code: a.code, name: a.name, ...postTotals(a) }));

const quiet = () => {
  let out = "";
  return { io: { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) }, text: () => out };
};

describe("the Projection sheet in LibreOffice (an Excel without the add-in)", function () {
  this.timeout(300_000);
  let dir: string;
  before(function () {
    requireLibreOfficeOrSkip(this);
    dir = mkdtempSync(join(tmpdir(), "jw-projection-lo-"));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("jw-workbook --years 5 --pay-award …: every year and council equals jw-summary --years to the penny, no error, no JW call", async () => {
    const posts = join(dir, "posts.csv");
    // The shared sample, plus a post on a range, one starting part-way through the year and one ending.
    const extra = "\nJW-900,Corporate Director,OCC,Y,50%,50%,117912-144228,1,,,Permanent\nJW-901,Part year,CDC,Y,60%,40%,70000,0.8,2019-10-01,,Interim\nJW-902,Ending,OCC,N,,,45000,1,,2021-01-31,Interim";
    writeFileSync(posts, readFileSync(join(SAMPLES, "occ-cdc-2019-20-posts.csv"), "utf8").trimEnd() + extra + "\n");
    const args = ["--posts", posts, "--partnership", join(SAMPLES, "occ-cdc-partnership.csv"), "--year", "2019/20", "--years", "5", "--pay-award", "2%,2.5%,0.03"];
    const w = quiet();
    assert.equal(await workbookMain([...args, "--out", join(dir, "book.xlsx")], w.io), 0, w.text());
    const s = quiet();
    assert.equal(await summaryMain([...args, "--json"], s.io), 0, s.text());
    const json = JSON.parse(s.text());
    assert.equal(json.years.length, 5);
    assert.deepEqual(json.rejected, []);

    // The working sheet travels hidden (unhide it to follow the working); the projection is in view.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "book.xlsx"));
    assert.equal(book.getWorksheet(PROJECTION_SHEET.working)!.state, "hidden");
    assert.equal(book.getWorksheet(PROJECTION_SHEET.projection)!.state, "visible");
    const recalculated = await recalculateInLibreOffice([{ name: "book.xlsx", bytes: readFileSync(join(dir, "book.xlsx")) }]);
    const reading = await readBackValues(recalculated.get("book.xlsx")!);
    assert.deepEqual(errorsAndAddInCalls(reading), []);
    const read = (sheet: string, a1: string) => {
      const c = reading.get(sheet)?.get(a1);
      return c ? (c.error ?? c.value) : null;
    };
    // Where the layout puts each figure: the same plan jw-workbook wrote.
    const layout = await projectionLayoutOf(json.authorities.length);
    const problems: string[] = [];
    const cumulative: number[] = json.authorities.map(() => 0);
    json.years.forEach((y: { year: string; authorities: { code: string; jointCostShare: number; singlePostCost: number; baseline: number; saving: number }[]; total: { saving: number }; noWorse: boolean }, k: number) => {
      const row = layout.firstYearRow + k;
      const at = (column: number) => read(PROJECTION_SHEET.projection, `${columnLetter(column)}${row}`);
      const same = (got: unknown, want: number | string | boolean, what: string) => {
        if (got !== want) problems.push(`${y.year} ${what}: LibreOffice ${JSON.stringify(got)}, jw-summary ${JSON.stringify(want)}`);
      };
      same(at(layout.columns.year), y.year, "year");
      y.authorities.forEach((a, i) => {
        same(at(layout.columns.jointCostShare[i]), a.jointCostShare, `${a.code} share of joint costs`);
        same(at(layout.columns.singlePostCost[i]), a.singlePostCost, `${a.code} single posts`);
        same(at(layout.columns.baseline[i]), a.baseline, `${a.code} baseline`);
        same(at(layout.columns.saving[i]), a.saving, `${a.code} saving`);
        cumulative[i] = Math.round(cumulative[i] * 100 + a.saving * 100) / 100;
        same(at(layout.columns.cumulativeSaving[i]), cumulative[i], `${a.code} cumulative saving`);
      });
      same(at(layout.columns.totalSaving), y.total.saving, "total saving");
      same(at(layout.columns.noWorse), y.noWorse, "no council worse off");
    });
    assert.deepEqual(problems, []);
    // The first year equals the Summary the same workbook shows, and jw-summary's own figures.
    assert.equal(read(SHEET.summary, "F5"), json.authorities[0].saving);
    assert.deepEqual(postAuthorities(json.years[0].authorities), postAuthorities(json.authorities));
  });

  it("random partnerships over 10 years, past the NI table: every working cell equals the core", async () => {
    const cases = [1, 2, 3].map((seed) => {
      const { partnership, posts } = randomCase(seed * 7001, 60, { startYear: 2019 + seed * 2 });
      return { name: `random-${seed}.xlsx`, built: buildProjection(partnership, posts, { years: 10, awards: [0.02, 0.0333, 0.0175] }) };
    });
    const files = await Promise.all(cases.map(async (c) => ({ name: c.name, bytes: await planToXlsx(c.built.plan, ExcelJS) })));
    const recalculated = await recalculateInLibreOffice(files);
    const problems: string[] = [];
    for (const c of cases) {
      const reading = await readBackValues(recalculated.get(c.name)!);
      problems.push(...errorsAndAddInCalls(reading).slice(0, 5).map((p) => `${c.name}: ${p}`));
      const result = projectionDifferences((sheet, a1) => {
        const cell = reading.get(sheet)?.get(a1);
        return cell ? (cell.error ?? cell.value) : null;
      }, c.built);
      problems.push(...result.lines.slice(0, 5).map((p) => `${c.name}: ${p}`));
    }
    assert.deepEqual(problems, []);
  });
});

async function projectionLayoutOf(authorities: number): Promise<ProjectionLayout> {
  const { partnership, posts } = randomCase(1, 1, { councils: authorities });
  return buildProjection(partnership, posts, { years: 5, awards: [] }).projection!;
}
