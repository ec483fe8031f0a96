import { columnLetter } from "../../../src/workbook/a1";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { planToXlsx } from "../../../src/templates/xlsxWriter";
import { FORMAT, type SheetPlan, type WorkbookPlan } from "../../../src/workbook/plan";
import { importPostList, readPartnership } from "../../../src/postlist";
import { importPlan, plannedPost, rejectedRecords, SHEET, TABLE } from "../../../src/workbook";
import { sample } from "../../support/samples";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip } from "../../support/libreOffice";

const ITEMS = "Items";
const SUMS = "Sums & O'Brien's";
const MORE = "More";

/** Two tables, two charts on two sheets, a protected sheet with validation, and names of both scopes. */
function plan(): WorkbookPlan {
  const items: SheetPlan = {
    name: ITEMS,
    blocks: [
      { address: "A1", rows: 1, columns: 4, values: [["Item", "Qty", "Price", "Total"]], columnFormats: new Array(4).fill(FORMAT.TEXT), style: "header" },
      { address: "A2", rows: 3, columns: 3, values: [["Pens", 2, 1.5], ["=Paper (text)", 10, 0.25], ["Ink", 1, 30]], columnFormats: [FORMAT.TEXT, FORMAT.INTEGER, FORMAT.MONEY] },
      { address: "D2", rows: 3, columns: 1, formulas: [["=B2*C2*Rate"], ["=B3*C3*Rate"], ["=B4*C4*Rate"]], columnFormats: [FORMAT.MONEY] },
    ],
    table: { name: "T_Items", address: "A1:D4" },
    freezeRows: 1,
    columnWidths: [20, 8, 10, 12],
    validations: [{ address: "B2:B4", rule: { kind: "wholeNumber", operator: "greaterThanOrEqualTo", formula1: 0 } }],
    protection: { unlocked: ["A2:C4"] },
    chart: { title: "Total per item", seriesName: "Total", categories: "A2:A4", values: "D2:D4", position: "F2:L16" },
  };
  const sums: SheetPlan = {
    name: SUMS,
    blocks: [
      { address: "A1", rows: 1, columns: 2, values: [["What", "Amount"]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "header" },
      { address: "A2", rows: 2, columns: 1, values: [["All items"], ["Rate"]], columnFormats: [FORMAT.TEXT] },
      { address: "B2", rows: 1, columns: 1, formulas: [[`=SUM('${ITEMS}'!D2:D4)`]], columnFormats: [FORMAT.MONEY] },
      { address: "B3", rows: 1, columns: 1, values: [[2]], style: "input" },
    ],
    table: { name: "T_Sums", address: "A1:B3" },
    chart: { title: "Sums", seriesName: "Amount", categories: "A2:A3", values: "B2:B3", position: "D1:J12" },
  };
  const more: SheetPlan = {
    name: MORE,
    blocks: [{ address: "A1", rows: 1, columns: 1, formulas: [["=Marker*3"]] }],
  };
  return {
    sheets: [items, sums, more],
    names: [
      { name: "Rate", reference: `='${SUMS.replace(/'/g, "''")}'!$B$3`, comment: "Multiplier <for> the totals" },
      { name: "Marker", reference: `='${ITEMS}'!$B$2`, sheet: MORE },
    ],
  };
}

async function parts(bytes: Uint8Array): Promise<(path: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(bytes);
  return async (path) => {
    const file = zip.file(path);
    assert.ok(file, `the file has ${path}`);
    return file.async("string");
  };
}

async function readWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

function indexOfTag(xml: string, tag: string): number {
  const m = new RegExp(`<${tag}[\\s/>]`).exec(xml);
  assert.ok(m, `has <${tag}>`);
  return m.index;
}

describe("planToXlsx: tables, charts and names", () => {
  let bytes: Uint8Array;
  before(async () => {
    bytes = await planToXlsx(plan(), ExcelJS as never);
  });

  it("keeps the cells and formulas, read back by exceljs", async () => {
    const wb = await readWithExcelJs(bytes);
    assert.deepEqual(wb.worksheets.map((w) => w.name), [ITEMS, SUMS, MORE]);
    const items = wb.getWorksheet(ITEMS)!;
    assert.deepEqual([1, 2, 3, 4].map((c) => items.getCell(1, c).value), ["Item", "Qty", "Price", "Total"]);
    assert.equal(items.getCell("A3").value, "=Paper (text)");
    assert.equal(items.getCell("B3").value, 10);
    assert.deepEqual(items.getCell("D3").value, { formula: "B3*C3*Rate" });
    assert.equal(items.getCell("D3").numFmt, FORMAT.MONEY);
    assert.deepEqual(wb.getWorksheet(SUMS)!.getCell("B2").value, { formula: `SUM('${ITEMS}'!D2:D4)` });
  });

  it("writes each table over its range, named, with the header row's texts as column names", async () => {
    const wb = await readWithExcelJs(bytes);
    const t = wb.getWorksheet(ITEMS)!.getTable("T_Items") as unknown as { table: { tableRef: string; headerRow: boolean; columns: { name: string }[] } };
    assert.equal(t.table.tableRef, "A1:D4");
    assert.equal(t.table.headerRow, true);
    assert.deepEqual(t.table.columns.map((c) => c.name), ["Item", "Qty", "Price", "Total"]);

    const read = await parts(bytes);
    const types = await read("[Content_Types].xml");
    const sheet1 = await read("xl/worksheets/sheet1.xml");
    const rels1 = await read("xl/worksheets/_rels/sheet1.xml.rels");
    const tableRel = /<Relationship Id="(rId\d+)" Type="[^"]*\/table" Target="\.\.\/tables\/(table\d+\.xml)"\/>/.exec(rels1);
    assert.ok(tableRel, rels1);
    assert.match(sheet1, new RegExp(`<tableParts count="1"><tablePart r:id="${tableRel[1]}"/></tableParts>`));
    const table = await read(`xl/tables/${tableRel[2]}`);
    assert.match(table, /name="T_Items" displayName="T_Items" ref="A1:D4"/);
    assert.match(table, /<tableColumns count="4"><tableColumn id="1" name="Item"\/><tableColumn id="2" name="Qty"\/>/);
    assert.match(types, new RegExp(`<Override PartName="/xl/tables/${tableRel[2]}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table\\+xml"/>`));

    const sums = await read("xl/tables/table2.xml");
    assert.match(sums, /id="2" name="T_Sums" displayName="T_Sums" ref="A1:B3"/);
  });

  it("writes a clustered column chart per sheet, anchored over its range, reading the sheet's cells", async () => {
    const read = await parts(bytes);
    const types = await read("[Content_Types].xml");
    for (const [sheetPart, sheetName, categories, values, from, to] of [
      ["sheet1", ITEMS, "$A$2:$A$4", "$D$2:$D$4", [5, 1], [12, 16]],
      ["sheet2", SUMS, "$A$2:$A$3", "$B$2:$B$3", [3, 0], [10, 12]],
    ] as const) {
      const sheet = await read(`xl/worksheets/${sheetPart}.xml`);
      const rels = await read(`xl/worksheets/_rels/${sheetPart}.xml.rels`);
      const drawingRel = /<Relationship Id="(rId\d+)" Type="[^"]*\/drawing" Target="\.\.\/drawings\/(drawing\d+)\.xml"\/>/.exec(rels);
      assert.ok(drawingRel, rels);
      assert.match(sheet, new RegExp(`<drawing r:id="${drawingRel[1]}"/>`));
      const drawing = await read(`xl/drawings/${drawingRel[2]}.xml`);
      assert.match(drawing, new RegExp(`<xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row>`));
      assert.match(drawing, new RegExp(`<xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row>`));
      const chartRelId = /<c:chart [^>]*r:id="(rId\d+)"/.exec(drawing)![1];
      const drawingRels = await read(`xl/drawings/_rels/${drawingRel[2]}.xml.rels`);
      const chartFile = new RegExp(`Id="${chartRelId}" Type="[^"]*/chart" Target="\\.\\./charts/(chart\\d+\\.xml)"`).exec(drawingRels)![1];
      const chart = await read(`xl/charts/${chartFile}`);
      const quoted = `&apos;${sheetName.replace(/&/g, "&amp;").replace(/'/g, "&apos;&apos;")}&apos;`;
      assert.match(chart, /<c:barChart><c:barDir val="col"\/><c:grouping val="clustered"\/>/);
      assert.ok(chart.includes(`<c:cat><c:strRef><c:f>${quoted}!${categories}</c:f>`), chart);
      assert.ok(chart.includes(`<c:val><c:numRef><c:f>${quoted}!${values}</c:f>`), chart);
      assert.match(types, new RegExp(`PartName="/xl/charts/${chartFile}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart\\+xml"`));
      assert.match(types, new RegExp(`PartName="/xl/drawings/${drawingRel[2]}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing\\+xml"`));
    }
    assert.match(await read("xl/charts/chart1.xml"), /<a:t>Total per item<\/a:t>[\s\S]*<c:tx><c:v>Total<\/c:v><\/c:tx>/);
    assert.match(await read("xl/charts/chart2.xml"), /<a:t>Sums<\/a:t>[\s\S]*<c:tx><c:v>Amount<\/c:v><\/c:tx>/);
  });

  it("puts the added elements where the worksheet schema wants them", async () => {
    const sheet = await (await parts(bytes))("xl/worksheets/sheet1.xml");
    const order = ["sheetData", "sheetProtection", "dataValidations", "pageMargins", "drawing", "tableParts"].map((t) => indexOfTag(sheet, t));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.ok(sheet.endsWith("</tableParts></worksheet>"));
  });

  it("writes a sheet-scoped name with its sheet's position, and the names' comments", async () => {
    const workbook = await (await parts(bytes))("xl/workbook.xml");
    assert.match(workbook, /<definedName name="Rate" comment="Multiplier &lt;for&gt; the totals">&apos;Sums &amp; O&apos;&apos;Brien&apos;&apos;s&apos;!\$B\$3<\/definedName>/);
    assert.match(workbook, /<definedName name="Marker" localSheetId="2">&apos;Items&apos;!\$B\$2<\/definedName>/);
    assert.ok(workbook.indexOf("</sheets>") < workbook.indexOf("<definedNames>"));
    assert.ok(workbook.indexOf("</definedNames>") < workbook.indexOf("<calcPr"));
  });

  it("refuses what Excel would only open after a repair", async () => {
    const write = (change: (p: WorkbookPlan) => void) => {
      const p = plan();
      change(p);
      return planToXlsx(p, ExcelJS as never);
    };
    await assert.rejects(write((p) => (p.sheets[0].table!.address = "A1:E4")), /header cell in column 5 .* holds no text/);
    await assert.rejects(write((p) => (p.sheets[0].table!.address = "A1:D1")), /no row under its header/);
    await assert.rejects(write((p) => (p.sheets[0].table!.name = "Items 2")), /not a name Excel accepts/);
    await assert.rejects(write((p) => (p.sheets[0].table!.name = "AB12")), /not a name Excel accepts/);
    await assert.rejects(write((p) => (p.sheets[1].table!.name = "t_items")), /has the name of another table/);
    await assert.rejects(write((p) => (p.sheets[1].table!.name = "RATE")), /has the name of a defined name/);
    await assert.rejects(write((p) => (p.names[1].sheet = "Nowhere")), /scoped to sheet "Nowhere"/);
    await assert.rejects(write((p) => p.names.push({ name: "rate", reference: "=1" })), /defined twice/);
    await assert.rejects(
      write((p) => (p.sheets[0].blocks[0].values = [["Item", "Qty", "qty", "Total"]])),
      /two columns are named "qty"/,
    );
  });

  it("writes a plan without tables, charts or names as exceljs does, with no extra parts", async () => {
    const bare = await planToXlsx({ sheets: [{ name: "Only", blocks: [{ address: "B2", rows: 1, columns: 1, values: [[1]] }] }], names: [] }, ExcelJS as never);
    const zip = await JSZip.loadAsync(bare);
    assert.deepEqual(Object.keys(zip.files).filter((f) => /tables|charts|drawings/.test(f)), []);
    assert.doesNotMatch(await zip.file("xl/workbook.xml")!.async("string"), /definedName/);
  });
});

/** The import workbook the task pane writes, from the messy sample: four sheets, three tables, a chart. */
function importWorkbook() {
  const postsGrid = sample("messy-posts.csv");
  const partnership = readPartnership(sample("occ-cdc-partnership.csv"), { year: "2019/20" });
  const result = importPostList(postsGrid, partnership, { source: "posts.csv" });
  return importPlan({
    partnership,
    posts: result.validation.posts.map(plannedPost),
    rejected: rejectedRecords(result.validation.rejected, new Map([["posts.csv", { grid: postsGrid, firstRowNumber: 1 }]])),
    sourceHeaders: result.validation.lists[0]?.headers ?? [],
    includePartnership: true,
  });
}

describe("planToXlsx: the whole import workbook", () => {
  it("is written with its tables and the Summary's chart, and read back by exceljs", async () => {
    const built = importWorkbook();
    const wb = await readWithExcelJs(await planToXlsx(built.plan, ExcelJS as never));
    for (const sheet of built.plan.sheets.filter((s) => s.table)) {
      const t = wb.getWorksheet(sheet.name)!.getTable(sheet.table!.name) as unknown as { table: { tableRef: string } };
      assert.equal(t.table.tableRef, sheet.table!.address, sheet.name);
    }
    assert.deepEqual(
      built.plan.sheets.filter((s) => s.table).map((s) => s.table!.name),
      [TABLE.authorities, TABLE.posts, TABLE.issues],
    );
    assert.deepEqual(wb.getWorksheet(SHEET.posts)!.getCell(2, built.posts.annualCost).value, { formula: "ROUND(P2+Q2+R2+S2,2)" });
  });
});

describe("planToXlsx: opened in LibreOffice, an Excel without the add-in", function () {
  this.timeout(180_000);
  let converted: Map<string, Uint8Array>;

  before(async function () {
    requireLibreOfficeOrSkip(this);
    converted = await recalculateInLibreOffice([
      { name: "plan.xlsx", bytes: await planToXlsx(plan(), ExcelJS as never) },
      { name: "import.xlsx", bytes: await planToXlsx(importWorkbook().plan, ExcelJS as never) },
    ]);
  });

  it("recalculates the formulas in and over the tables, through the names", async () => {
    const values = await readBackValues(converted.get("plan.xlsx")!);
    const items = values.get(ITEMS)!;
    assert.deepEqual(items.get("D2"), { value: 6, formula: "B2*C2*Rate" });
    assert.deepEqual(items.get("D3"), { value: 5, formula: "B3*C3*Rate" });
    assert.deepEqual(items.get("D4"), { value: 60, formula: "B4*C4*Rate" });
    assert.equal(items.get("A3")!.value, "=Paper (text)");
    assert.equal(values.get(SUMS)!.get("B2")!.value, 71);
    assert.equal(values.get(MORE)!.get("A1")!.value, 6, "the sheet-scoped name resolves on its sheet");
  });

  it("keeps the tables, the charts and the names' scope when it saves the file again", async () => {
    const read = await parts(converted.get("plan.xlsx")!);
    const zip = await JSZip.loadAsync(converted.get("plan.xlsx")!);
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map((f) => read(f)));
    assert.deepEqual(tables.map((t) => /name="([^"]+)"[^>]* ref="([^"]+)"/.exec(t)!.slice(1)).sort(), [["T_Items", "A1:D4"], ["T_Sums", "A1:B3"]]);
    const charts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).map((f) => read(f)));
    assert.equal(charts.length, 2);
    const refs = charts.flatMap((c) => [...c.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]));
    assert.ok(refs.includes("Items!$D$2:$D$4"), refs.join(" "));
    assert.ok(refs.includes("&apos;Sums &amp; O&apos;&apos;Brien&apos;&apos;s&apos;!$B$2:$B$3"), refs.join(" "));
    assert.match(await read("xl/workbook.xml"), /localSheetId="2" name="Marker"/);
  });

  it("opens the import workbook: inputs as written, every formula computed, none an error", async () => {
    const built = importWorkbook();
    const values = await readBackValues(converted.get("import.xlsx")!);
    assert.deepEqual([...values.keys()], built.plan.sheets.map((s) => s.name));
    const posts = values.get(SHEET.posts)!;
    assert.equal(posts.get("B3")!.value, '=HYPERLINK("http://example.invalid","Monitoring Officer")', "file text stays text");
    const errors = [...values].flatMap(([sheet, cells]) => [...cells].filter(([, c]) => c.error).map(([a1, c]) => `${sheet}!${a1} ${c.error}`));
    assert.deepEqual(errors, []);
    assert.equal(typeof posts.get(`${columnLetter(built.posts.annualCost)}2`)!.value, "number");
    assert.equal(posts.get(`${columnLetter(built.posts.baselineAssumed)}2`)!.value, true, "AND(joint, too few baselines) is computed");
    assert.equal(values.get(SHEET.summary)!.get(built.summary.assumedCell)!.value, 3);
  });
});
