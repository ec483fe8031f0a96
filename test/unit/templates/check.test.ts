import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { checkTemplate, readReturnFile, readTemplate, sheetFromRows, templateSheetPlan, splitMessage, type TemplateRead } from "../../../src/templates";
import { cell as a1, columnLetter } from "../../../src/workbook/a1";
import { validatePostList } from "../../../src/postlist";
import { fileInHyperFormula } from "../../support/templateFiles";
import { valueAt } from "../../support/planInHyperFormula";
import { GOOD, blankTemplate, d, entries, partnership, type Filled } from "../../support/templateFixtures";
import { fillTemplate, type Typed } from "../../support/templateFiles";

interface Planted {
  name: string;
  post: Filled;
  /** The field whose cell the problem must name. */
  field: keyof ReturnType<typeof fieldsOf>;
  /** Raw cells typed over the post (formula, link). */
  raw?: { field: keyof ReturnType<typeof fieldsOf>; value: Typed };
  /** The Check column should say something other than OK (false for formula and link cells). */
  sheetCheck?: boolean;
}

const ok: Filled = { post: "Finance Lead", home: "CDC", joint: "Y", shares: [0.5, 0.5], salary: 70000 };

function fieldsOf(l: TemplateRead["layout"]) {
  return { post: l.post, home: l.home, joint: l.joint, share: l.share[0], salary: l.salary, fte: l.fte, start: l.start, end: l.end, oneOff: l.oneOff };
}

const PLANTED: Planted[] = [
  { name: "home authority not in the partnership", post: { ...ok, home: "XYZ" }, field: "home" },
  { name: "joint neither Y nor N", post: { ...ok, joint: "maybe" }, field: "joint" },
  { name: "shares adding up to 110%", post: { ...ok, shares: [0.6, 0.5] }, field: "share" },
  { name: "salary of 0", post: { ...ok, salary: 0 }, field: "salary" },
  { name: "FTE above 1", post: { ...ok, fte: 1.5 }, field: "fte" },
  { name: "start before the financial year", post: { ...ok, start: d(2019, 1, 1) }, field: "start" },
  { name: "end before start", post: { ...ok, start: d(2019, 11, 1), end: d(2019, 10, 1) }, field: "end" },
  { name: "one-off costs that are not an amount", post: { ...ok, oneOff: "lots" }, field: "oneOff" },
  { name: "no title", post: { ...ok, post: "" }, field: "post" },
  { name: "a joint post without shares", post: { ...ok, shares: undefined }, field: "share" },
  { name: "a formula where the salary belongs", post: ok, field: "salary", raw: { field: "salary", value: { formula: "1000*70" } }, sheetCheck: false },
  { name: "a link where the title belongs", post: ok, field: "post", raw: { field: "post", value: { text: "Finance Lead", hyperlink: "http://example.invalid/" } }, sheetCheck: false },
];

describe("check: a template with planted mistakes", () => {
  let read: TemplateRead;
  let bytes: Uint8Array;
  const firstBad = GOOD.length;

  before(async () => {
    const postRows = GOOD.length + PLANTED.length + 2;
    const blank = await blankTemplate(partnership, postRows);
    const l = blank.layout;
    const typed: [number, number, Typed][] = [];
    GOOD.forEach((p, i) => typed.push(...entries(l, l.firstPostRow + i, p)));
    PLANTED.forEach((m, i) => {
      const row = l.firstPostRow + firstBad + i;
      typed.push(...entries(l, row, m.post).filter(([, , v]) => v !== ""));
      if (m.raw) typed.push([row, fieldsOf(l)[m.raw.field], m.raw.value]);
    });
    bytes = await fillTemplate(blank.bytes, typed);
    const file = await readReturnFile("mistakes.xlsx", bytes, ExcelJS);
    read = file.templates[0] as TemplateRead;
    assert.equal(read.kind, "template");
  });

  it("finds each planted mistake at its cell, and nothing else", () => {
    const check = checkTemplate(read);
    const l = read.layout;
    const want = PLANTED.map((m, i) => a1(fieldsOf(l)[m.field], l.firstPostRow + firstBad + i));
    const got = check.problems.map((p) => p.cell);
    assert.deepEqual(got, want, check.problems.map((p) => `${p.cell} ${p.what}`).join("\n"));
    assert.equal(check.posts.length, GOOD.length, "the good posts are still taken");
    assert.deepEqual(check.rejectedRows, PLANTED.map((_, i) => l.firstPostRow + firstBad + i));
    for (const p of check.problems) {
      assert.ok(p.what.length > 0 && p.todo.length > 0, `${p.cell}: says what is wrong and what to do`);
      assert.equal(p.sheet, read.sheet);
    }
  });

  it("says a clean template is clean", async () => {
    const blank = await blankTemplate(partnership, 6);
    const clean = await fillTemplate(blank.bytes, GOOD.flatMap((p, i) => entries(blank.layout, blank.layout.firstPostRow + i, p)));
    const file = await readReturnFile("clean.xlsx", clean, ExcelJS);
    const check = checkTemplate(file.templates[0] as TemplateRead);
    assert.deepEqual(check.problems, []);
    assert.equal(check.filledRows, GOOD.length);
    const empty = checkTemplate((await readReturnFile("blank.xlsx", blank.bytes, ExcelJS)).templates[0] as TemplateRead);
    assert.deepEqual(empty.problems, []);
    assert.equal(empty.filledRows, 0);
  });

  it("judges a row as the post-list import does", () => {
    // The same rows as a plain post list (headers and values), through the import's own validation.
    const check = checkTemplate(read);
    const grid = [read.headers, ...read.rows.filter((r) => r.issues.length === 0).map((r) => r.cells)];
    const imported = validatePostList(grid, partnership, { headerRow: 0 });
    const importRejected = new Set(imported.rejected.map((p) => p.row + read.layout.headerRow - 1));
    for (const row of importRejected) assert.ok(check.rejectedRows.includes(row), `row ${row} rejected by the import is rejected by the check`);
    // The import also takes the two rows only the template's own rules reject: a start outside the
    // year (the import clamps it) and one-off costs (not a post-list field).
    const extra = imported.posts.map((p) => p.row + read.layout.headerRow - 1).filter((row) => !check.posts.some((p) => p.row === row));
    const names = extra.map((row) => PLANTED[row - read.layout.firstPostRow - firstBad].name);
    assert.deepEqual(names, ["start before the financial year", "one-off costs that are not an amount"]);
  });

  it("the sheet's own Check column flags the same rows", async () => {
    const hf = await fileInHyperFormula(bytes);
    const l = read.layout;
    GOOD.forEach((_, i) => assert.equal(valueAt(hf, read.sheet, a1(l.check, l.firstPostRow + i)), "OK"));
    PLANTED.forEach((m, i) => {
      if (m.sheetCheck === false) return;
      const v = valueAt(hf, read.sheet, `${columnLetter(l.check)}${l.firstPostRow + firstBad + i}`);
      assert.ok(typeof v === "string" && v !== "OK", `${m.name}: Check column shows ${String(v)}`);
    });
  });

  it("splits a message into what is wrong and what to do", () => {
    assert.deepEqual(splitMessage("Salary is 0: the annual salary must be above 0."), { what: "Salary is 0", todo: "The annual salary must be above 0." });
  });
});

describe("check: templates refused before their rows are read", () => {
  const t = templateSheetPlan(partnership, { postRows: 3 });
  const grid = (): unknown[][] => {
    const rows: unknown[][] = [];
    for (const b of t.sheet.blocks) {
      const m = /^([A-Z]+)(\d+)$/.exec(b.address)!;
      const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      for (let r = 0; r < b.rows; r++) for (let c = 0; c < b.columns; c++) (rows[+m[2] - 1 + r] ??= [])[col - 1 + c] = b.values ? b.values[r][c] : { value: null, formula: b.formulas![r][c] };
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    return rows;
  };
  const read = (rows: unknown[][]) => readTemplate(sheetFromRows("T", rows as never));

  it("reads the plan's own cells as a template", () => {
    assert.equal(read(grid()).kind, "template");
  });
  it("a sheet without the marker is not a template", () => {
    assert.equal(readTemplate(sheetFromRows("Sheet1", [["Post", "Salary"], ["CEO", 1]])).kind, "notTemplate");
  });
  it("an older or newer version is refused, saying which", () => {
    for (const [marker, reason] of [["JW-TEMPLATE v0", "olderVersion"], ["JW-TEMPLATE v5", "newerVersion"], ["JW-TEMPLATE vX", "tampered"]] as const) {
      const rows = grid();
      rows[11][1] = marker;
      const r = read(rows);
      assert.equal(r.kind, "refused");
      assert.equal((r as { reason: string }).reason, reason);
    }
  });
  it("changed partnership details are refused (fingerprint)", () => {
    const rows = grid();
    rows[t.layout.firstAuthorityRow - 1][2] = 0.25;
    const r = read(rows);
    assert.equal(r.kind === "refused" && r.reason, "tampered");
    assert.match((r as { message: string }).message, /fingerprint/);
  });
  it("a moved heading (rows inserted) is refused", () => {
    const rows = grid();
    rows.splice(t.layout.headerRow - 1, 0, []);
    const r = read(rows);
    assert.equal(r.kind === "refused" && r.reason, "tampered");
  });
});
