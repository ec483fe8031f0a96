import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { serialFromDate } from "../../../src/core/dates";
import { declaredUnpackedBytes, importPostList, readWorkbook, workbookSheetNames } from "../../../src/postlist/index";
import { OCC_CDC } from "../../support/samples";

async function postsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.addRow(["This sheet is not the post list"]);
  const ws = wb.addWorksheet("Posts 2019-20");
  ws.addRow(["Post ID", "Post title", "Employer", "Joint", "OCC %", "CDC %", "Salary", "FTE", "Start date", "End date"]);
  ws.addRow(["JW-001", "=HYPERLINK(\"x\")", "CDC", true, 0.61, 0.39, 190000, 1, new Date(Date.UTC(2019, 9, 1)), null]);
  ws.addRow([]);
  ws.addRow(["JW-002", { richText: [{ text: "Head of " }, { font: { bold: true }, text: "Law" }] }, "OCC", "Y", 0.5, 0.5, { formula: "100000+10000", result: 110000 }, 0.5, 43770, "2020-01-31"]);
  ws.addRow(["JW-003", "Bad row", "SNC", "N", null, null, "lots", null, null, null]);
  ws.getCell("E2").numFmt = "0%";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("postlist: reading .xlsx workbooks", () => {
  it("lists the sheets and reads the one named (case ignored); the first by default", async () => {
    const bytes = await postsWorkbook();
    assert.deepEqual(await workbookSheetNames(bytes), ["Notes", "Posts 2019-20"]);
    assert.equal((await readWorkbook(bytes)).name, "Notes");
    const sheet = await readWorkbook(bytes, "posts 2019-20");
    assert.equal(sheet.name, "Posts 2019-20");
    assert.equal(sheet.grid[0][1], "Post title");
    await assert.rejects(readWorkbook(bytes, "Posts"), /no sheet "Posts": its sheets are "Notes", "Posts 2019-20"/);
  });

  it("gives plain cells: text stays text, dates as dates, formulas as their result, rich text joined", async () => {
    const { grid } = await readWorkbook(await postsWorkbook(), "Posts 2019-20");
    assert.equal(grid[1][1], '=HYPERLINK("x")');
    assert.equal(grid[1][3], true);
    assert.ok(grid[1][8] instanceof Date);
    assert.equal(grid[3][1], "Head of Law");
    assert.equal(grid[3][6], 110000);
    assert.equal(grid[2].length, 0); // the blank row keeps its place: grid index + 1 is the sheet row
  });

  it("imports a sheet: row numbers are the sheet's, serials and date cells read as dates", async () => {
    const { grid } = await readWorkbook(await postsWorkbook(), "Posts 2019-20");
    const r = importPostList(grid, OCC_CDC);
    assert.deepEqual(r.validation.posts.map((p) => [p.row, p.id]), [[2, "JW-001"], [4, "JW-002"]]);
    const [ce, law] = r.validation.posts;
    assert.deepEqual(ce.shares, [0.61, 0.39]);
    assert.equal(ce.start, serialFromDate(2019, 10, 1));
    assert.equal(law.start, 43770);
    assert.equal(law.end, serialFromDate(2020, 1, 31));
    assert.equal(law.fte, 0.5);
    assert.deepEqual(r.validation.rejected.map((p) => [p.row, p.column]), [[5, "Employer"], [5, "Salary"]]);
  });

  it("refuses input that is not a zip, with a clear message", async () => {
    await assert.rejects(readWorkbook(new TextEncoder().encode("Post,Salary\nA,1\n")), /not an \.xlsx workbook/);
    await assert.rejects(readWorkbook(new Uint8Array(0)), /empty/);
    await assert.rejects(readWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), /zip directory cannot be read/);
  });

  it("refuses absurd sizes before unpacking", async () => {
    const bytes = await postsWorkbook();
    const declared = declaredUnpackedBytes(bytes);
    assert.ok(declared > 1000 && declared < 1_000_000, String(declared));
    // Make the central directory claim a 300 MB part.
    const big = bytes.slice();
    const view = new DataView(big.buffer);
    for (let at = big.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x06054b50) continue;
      const cd = view.getUint32(at + 16, true);
      view.setUint32(cd + 24, 300 * 1024 * 1024, true);
      break;
    }
    await assert.rejects(readWorkbook(big), /unpacks to 30\d MB/);
    await assert.rejects(readWorkbook(new Uint8Array(21 * 1024 * 1024).fill(0x50).map((b, i) => (i === 1 ? 0x4b : i === 2 ? 3 : i === 3 ? 4 : b))), /MB: a post list is expected to be under 20 MB/);
  });
});
