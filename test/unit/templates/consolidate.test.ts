import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { makePartnership, costPosts, summarisePosts, type Post } from "../../../src/postlist";
import { consolidateReturns, consolidationImport, consolidatedSummary, plannedPostsFromTable, readReturnFile, templateLayout, type ReturnFile } from "../../../src/templates";
import { importPlan, SHEET, type PlannedPost } from "../../../src/workbook";
import { planInHyperFormula, sheetsOf, valueAt } from "../../support/planInHyperFormula";
import { loadBook, saveBook } from "../../support/templateFiles";
import { GOOD, blankTemplate, filledReturn, partnership, type Filled } from "../../support/templateFixtures";

const bad: Filled = { post: "Vacant Officer", home: "OCC", joint: "N", salary: 0 };

async function edit(bytes: Uint8Array, fn: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = await loadBook(bytes);
  fn(wb.worksheets[0]);
  return saveBook(wb);
}

/** Every kind of return at once: good, partly good, foreign, older, tampered, not a template. */
export async function mixedReturns(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const { layout } = await blankTemplate();
  const foreign = makePartnership(partnership.authorities, { year: "2020/21" });
  const plainList = new ExcelJS.Workbook();
  plainList.addWorksheet("Posts").addRows([["Post", "Home authority", "Joint", "Salary"], ["Clerk", "OCC", "N", 30000]]);
  return [
    { name: "north.xlsx", bytes: await filledReturn(GOOD.slice(0, 2)) },
    { name: "south.xlsx", bytes: await filledReturn([GOOD[2], bad, GOOD[3]]) },
    { name: "foreign.xlsx", bytes: await filledReturn(GOOD.slice(0, 1), foreign) },
    { name: "old.xlsx", bytes: await edit(await filledReturn(GOOD.slice(0, 1)), (ws) => (ws.getCell("B12").value = "JW-TEMPLATE v0")) },
    {
      name: "formulas.xlsx",
      bytes: await edit(await filledReturn(GOOD.slice(0, 2)), (ws) => (ws.getCell(layout.firstPostRow + 1, layout.salary).value = { formula: "95000*1", date1904: false } as ExcelJS.CellFormulaValue)),
    },
    { name: "edited-rates.xlsx", bytes: await edit(await filledReturn(GOOD.slice(0, 1)), (ws) => (ws.getCell(layout.firstAuthorityRow, 3).value = 0.1)) },
    { name: "huge.xlsx", bytes: await edit(await filledReturn(GOOD.slice(0, 1)), (ws) => (ws.getCell(150_000, 1).value = "a post typed far below")) },
    { name: "not-a-zip.xlsx", bytes: new TextEncoder().encode("Post,Salary\nCEO,190000\n") },
    { name: "post-list.xlsx", bytes: await saveBook(plainList) },
  ];
}

const existing: PlannedPost[] = [
  { sourceRow: 2, id: "JW-1", post: "Head of Legal", home: "CDC", joint: true, shares: [0.5, 0.5], salary: 88000, fte: 1, start: null, end: null, baselines: [null, null], status: "Permanent", source: "posts.csv" },
];

describe("consolidating returns", () => {
  let files: ReturnFile[];
  before(async () => {
    files = [];
    for (const f of await mixedReturns()) files.push(await readReturnFile(f.name, f.bytes, ExcelJS));
  });

  it("appends exactly the good posts, each with the file it came from", () => {
    const c = consolidateReturns({ partnership, existing, returns: files });
    assert.deepEqual(
      c.added.map((p) => [p.source, p.post]),
      [
        ["north.xlsx", GOOD[0].post],
        ["north.xlsx", GOOD[1].post],
        ["south.xlsx", GOOD[2].post],
        ["south.xlsx", GOOD[3].post],
        ["formulas.xlsx", GOOD[0].post],
      ],
    );
    assert.equal(c.posts.length, existing.length + 5);
    assert.deepEqual(c.posts[0], existing[0]);
  });

  it("reports per file what was taken and rejected, and why", () => {
    const c = consolidateReturns({ partnership, existing, returns: files });
    const by = Object.fromEntries(c.reports.map((r) => [r.file, r]));
    assert.equal(by["north.xlsx"].status, "taken");
    assert.equal(by["north.xlsx"].taken, 2);
    assert.equal(by["south.xlsx"].status, "partly");
    assert.equal(by["south.xlsx"].rejectedRows, 1);
    assert.match(by["south.xlsx"].problems[0].what, /Salary is 0/);
    assert.equal(by["formulas.xlsx"].status, "partly");
    assert.match(by["formulas.xlsx"].problems[0].what, /formula/);
    const refused: [string, RegExp][] = [
      ["foreign.xlsx", /another partnership.*2020\/21/],
      ["old.xlsx", /older template/],
      ["edited-rates.xlsx", /fingerprint/],
      ["huge.xlsx", /far outside the template.*150,000/],
      ["not-a-zip.xlsx", /not an \.xlsx workbook/],
      ["post-list.xlsx", /not a costing template/],
    ];
    for (const [file, why] of refused) {
      assert.equal(by[file].status, "refused", file);
      assert.equal(by[file].taken, 0, file);
      assert.match(by[file].summary, why, file);
    }
    assert.equal(c.rejected.length, 2, "the two rejected rows go to the issues sheet");
    assert.ok(c.rejected.every((r) => r.cells.length > 0 && r.problems.length > 0));
  });

  it("refuses a return already in the Posts table, and a second file of the same name", () => {
    const again = consolidateReturns({ partnership, existing: [{ ...existing[0], source: "north.xlsx" }], returns: [files[0], files[1], { ...files[1] }] });
    assert.equal(again.reports[0].status, "refused");
    assert.match(again.reports[0].summary, /already in the Posts table/);
    assert.equal(again.reports[1].status, "partly");
    assert.equal(again.reports[2].status, "refused");
    assert.match(again.reports[2].summary, /already in this batch/);
  });

  it("takes the returns' partnership when the workbook has none, and writes it", () => {
    const c = consolidateReturns({ partnership: null, existing: [], returns: files });
    assert.equal(c.partnershipFromReturns, true);
    assert.equal(c.partnership!.year.label, "2019/20");
    assert.equal(c.added.length, 5);
    assert.equal(consolidationImport(c)!.includePartnership, true);
  });

  it("rewrites the Posts table whose Summary equals the pipeline over the same posts, to the penny", () => {
    const c = consolidateReturns({ partnership, existing, returns: files });
    const input = consolidationImport(c)!;
    const { plan, summary: layout } = importPlan({ ...input, includePartnership: true });
    const hf = planInHyperFormula(plan);
    const want = consolidatedSummary(c.posts, partnership);
    want.authorities.forEach((a, k) => {
      const row = layout.firstAuthorityRow + k;
      for (const [col, v] of [["C", a.jointCostShare], ["D", a.singlePostCost], ["E", a.baseline], ["F", a.saving]] as const) {
        assert.equal(Math.round((valueAt(hf, SHEET.summary, `${col}${row}`) as number) * 100), v, `${a.code} ${col}`);
      }
    });
    // And the same as costing the checked posts straight from the pipeline.
    const posts: Post[] = c.posts.map((p, i) => ({
      row: i,
      id: p.id,
      title: p.post,
      home: p.home,
      homeIndex: p.home === "OCC" ? 0 : 1,
      joint: p.joint,
      shares: p.shares as number[] | null,
      salary: p.salary,
      salaryMax: null,
      fte: p.fte,
      start: p.start,
      end: p.end,
      baselines: (p.baselines ?? [null, null]) as (number | null)[],
      status: p.status,
    }));
    const direct = summarisePosts(costPosts(posts, partnership), partnership);
    assert.deepEqual(want.authorities, direct.authorities);
  });

  it("reads the Posts table back as the posts it was written from", () => {
    const c = consolidateReturns({ partnership, existing, returns: files });
    const { plan } = importPlan(consolidationImport(c)!);
    const grid = sheetsOf(plan)[SHEET.posts] as unknown[][];
    // As Office.js gives values: "" for an empty cell, text without the apostrophe HyperFormula needs.
    const values = grid.map((row) => row.map((v) => (v === null || v === undefined ? "" : typeof v === "string" && v.startsWith("'") ? v.slice(1) : v)));
    const back = plannedPostsFromTable(values, ["OCC", "CDC"]);
    assert.equal(back.length, c.posts.length);
    back.forEach((p, i) => {
      const want = c.posts[i];
      assert.deepEqual(
        { ...p, baselines: p.baselines?.map((b) => b ?? null) },
        { ...want, baselines: want.baselines ?? [null, null], shares: want.joint ? want.shares : null, id: want.id, status: want.status, source: want.source ?? null, salaryMax: want.salaryMax ?? null },
        `post ${i}`,
      );
    });
  });
});

describe("consolidating a version-1 return (JW formulas in its outputs, no split working columns)", () => {
  it("is read from its inputs and consolidated as a version-2 return is", async () => {
    // Version 2's inputs (no Salary max column), as the add-in wrote them before grade ranges.
    const v2 = await filledReturn(GOOD.slice(0, 3), partnership, 8, [], 2);
    const { layout } = await blankTemplate(partnership, 8, 2);
    const v1Last = templateLayout(partnership.authorities.length, layout.postRows, layout.periods, 1).last;
    // What version 1 wrote: its marker, JW functions in the outputs, nothing past its last column.
    const v1 = await edit(v2, (ws) => {
      ws.getCell("B12").value = "JW-TEMPLATE v1";
      for (let r = layout.firstPostRow; r <= layout.lastPostRow; r++) {
        ws.getCell(r, layout.annualCost).value = { formula: `_xldudf_JW_EMPLOYMENTCOST(F${r},$B$14,0.2)` } as ExcelJS.CellFormulaValue;
        for (let c = v1Last + 1; c <= layout.last; c++) ws.getCell(r, c).value = null;
      }
    });
    const file = await readReturnFile("v1.xlsx", v1, ExcelJS);
    const t = file.templates[0];
    assert.equal(t.kind === "template" && t.version, 1);
    const c = consolidateReturns({ partnership, existing: [], returns: [file] });
    assert.deepEqual(c.added.map((p) => p.post), GOOD.slice(0, 3).map((g) => g.post));
    const v2File = await readReturnFile("v2.xlsx", v2, ExcelJS);
    const withoutSource = (posts: readonly PlannedPost[]) => posts.map((p) => ({ ...p, source: null }));
    assert.equal(v2File.templates[0].kind === "template" && v2File.templates[0].version, 2);
    assert.deepEqual(withoutSource(consolidateReturns({ partnership, existing: [], returns: [v2File] }).added), withoutSource(c.added), "the same posts from the same inputs");
    // And version-3 and version-4 returns of the same posts give them again.
    const v3File = await readReturnFile("v3.xlsx", await filledReturn(GOOD.slice(0, 3), partnership, 8, [], 3), ExcelJS);
    assert.equal(v3File.templates[0].kind === "template" && v3File.templates[0].version, 3);
    assert.deepEqual(withoutSource(consolidateReturns({ partnership, existing: [], returns: [v3File] }).added), withoutSource(c.added), "version 3 reads the same posts");
    const v4File = await readReturnFile("v4.xlsx", await filledReturn(GOOD.slice(0, 3)), ExcelJS);
    assert.equal(v4File.templates[0].kind === "template" && v4File.templates[0].version, 4);
    // Version 4's authorities table is a row lower (Benefit rows above it), so its posts are too.
    const shifted = c.added.map((p) => ({ ...p, sourceRow: p.sourceRow + 1 }));
    assert.deepEqual(withoutSource(consolidateReturns({ partnership, existing: [], returns: [v4File] }).added), withoutSource(shifted), "version 4 reads the same posts");
  });
});
