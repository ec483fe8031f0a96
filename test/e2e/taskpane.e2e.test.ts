/**
 * End to end: the built task pane (dist/, as `npm run build` leaves it) served from 127.0.0.1, the
 * official office.js from @microsoft/office-js, headless Debian Chromium, and a double of the
 * Excel object model (test/e2e/support/excelDouble.js). Drives the pane as a user would: sets up
 * the partnership, imports the messy and the clean samples, and reads back what was written.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { decodeText, importPostList, makePartnership, readDelimitedText, readPartnershipAuthorities } from "../../src/postlist/index";
import { SHEET, TABLE, NAME, postsLayout, columnLetter, trueUpLayout } from "../../src/workbook/index";
import { type Browser, type PaneProblems, cspViolations, launch, openPane } from "./support/browser";
import { type StaticServer, serveDirectory } from "./support/staticServer";
import { type Cell, type Dump, dump } from "./support/doubleDump";

const SAMPLES = resolve("../shared/samples");
const MESSY = join(SAMPLES, "messy-posts.csv");
const CLEAN = join(SAMPLES, "occ-cdc-2019-20-posts.csv");
const PARTNERSHIP = join(SAMPLES, "occ-cdc-partnership.csv");
const RESULTS = resolve("test-results");
/** office.js's telemetry proxy frame, refused by the pane's CSP. */
const TELEMETRY_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com";

/** The pane fits the task pane's width: nothing sticks out to the right (no horizontal scroll). */
async function assertFits(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `the pane is ${scroll}px wide in a ${width}px task pane`);
}

function sheetOf(d: Dump, name: string) {
  const s = d.sheets.find((x) => x.name === name);
  assert.ok(s, `sheet ${name} exists (sheets: ${d.sheets.map((x) => x.name).join(", ")})`);
  return s;
}

function cellOf(d: Dump, sheet: string, a1: string): Cell {
  return sheetOf(d, sheet).cells[a1] ?? { value: null };
}

/** "£1,234.56" or "-£5.00" as a number of pounds. */
function pounds(text: string): number {
  const t = text.replace(/[£,\s]/g, "");
  return Number(t);
}

async function partnershipFromSamples() {
  const authorities = readPartnershipAuthorities(readDelimitedText(await readFile(PARTNERSHIP, "utf8")));
  return makePartnership(authorities, { year: "2019/20" });
}

async function problemItems(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: "Problems" }).getByRole("listitem").allInnerTexts();
}

/** The per-council figures the result panel shows, by its card's label. */
async function resultFigures(page: Page, label: string): Promise<Record<string, number>> {
  const table = page.getByRole("region", { name: "Import result" }).getByRole("table", { name: label, exact: true });
  const rows = await table.getByRole("row").all();
  const out: Record<string, number> = {};
  for (const row of rows) {
    const name = (await row.getByRole("rowheader").innerText()).trim();
    out[name] = pounds(await row.getByRole("cell").innerText());
  }
  return out;
}

describe("task pane, end to end in headless Chromium", function () {
  this.timeout(60_000);
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let problems: PaneProblems;
  const pages: { page: Page; problems: PaneProblems }[] = [];

  before(async function () {
    this.timeout(60_000);
    try {
      await stat(resolve("dist/taskpane.html"));
    } catch {
      throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
    }
    await mkdir(RESULTS, { recursive: true });
    server = await serveDirectory("dist");
    browser = await launch(server.origin);
    ({ page, problems } = await openPane(browser, server.origin));
    pages.push({ page, problems });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens outside Office with the Excel double and checks the partnership as it is typed", async () => {
    await page.getByRole("tab", { name: "Partnership" }).waitFor();
    assert.equal(await page.getByRole("tab", { name: "Partnership" }).getAttribute("aria-selected"), "true");
    // No partnership in the workbook: the form starts empty (two authorities) and nothing is written.
    assert.equal(await page.getByLabel("Code of authority 1", { exact: true }).inputValue(), "");
    assert.equal((await dump(page)).sheets.map((s) => s.name).join(), "Sheet1");

    await page.getByLabel("Code of authority 1", { exact: true }).fill("OCC");
    await page.getByLabel("Code of authority 2", { exact: true }).fill("OCC");
    const listed = page.getByRole("list", { name: "Problems with the authorities" });
    await listed.getByText("Authority code OCC is given twice: give each authority once.").waitFor();
    await page.getByLabel("Financial year").fill("2019/21");
    await page.getByText(/the second year must follow the first/).waitFor();
    assert.equal(await page.getByText("Fix the problems shown to save.").count(), 1);

    const rows = readDelimitedText(await readFile(PARTNERSHIP, "utf8")).slice(1);
    for (let i = 0; i < rows.length; i++) {
      const [code, name, rate] = rows[i] as string[];
      await page.getByLabel(`Code of authority ${i + 1}`, { exact: true }).fill(code);
      await page.getByLabel(`Name of authority ${i + 1}`, { exact: true }).fill(name);
      await page.getByLabel(`Employer pension rate of authority ${i + 1}, percent`).fill(String(Number((Number(rate) * 100).toPrecision(12))));
    }
    await page.getByLabel("Financial year").fill("2019/20");
    await page.getByText("Not saved yet.").waitFor();
    await assertFits(page);
    await page.screenshot({ path: join(RESULTS, "taskpane-partnership.png"), fullPage: true, animations: "disabled" });
    assert.equal(await listed.count(), 0);
    assert.equal(await page.getByLabel("Levy rate (%)").inputValue(), "0.5");
  });

  it("saves the partnership on its sheet with the named ranges", async () => {
    await page.getByRole("button", { name: "Save to workbook" }).click();
    await page.getByText(`Saved on ${SHEET.partnership}.`).waitFor();
    const d = await dump(page);
    assert.equal(cellOf(d, SHEET.partnership, "B3").value, "2019/20");
    assert.equal(cellOf(d, SHEET.partnership, "B4").value, 0.005);
    assert.equal(cellOf(d, SHEET.partnership, "B5").value, 12);
    assert.equal(cellOf(d, SHEET.partnership, "B6").value, false);
    assert.deepEqual(
      ["A10", "B10", "C10", "A11", "B11", "C11"].map((a1) => cellOf(d, SHEET.partnership, a1).value),
      ["OCC", "Oxfordshire County Council", 0.199, "CDC", "Cherwell District Council", 0.165],
    );
    // The partnership's own names; the Method sheet's come with the first import.
    assert.deepEqual(d.names.map((n) => n.name).sort(), [NAME.year, NAME.levy, NAME.periods, NAME.vat, NAME.codes, NAME.names, NAME.pensionRates].sort());
  });

  it("previews the messy list with exactly its four bad rows, before writing anything", async () => {
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByLabel("Post list file").setInputFiles(MESSY);
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.waitFor();
    await preview.getByText("4 rows accepted").waitFor();
    await preview.getByText("4 rows rejected").waitFor();
    const items = await problemItems(page);
    assert.equal(items.length, 4, items.join("\n"));
    const expected: [number, string, RegExp][] = [
      [5, "Employer", /"SNC" is not an authority of this partnership/],
      [6, "Split", /adds up to 110%/],
      [7, "Annual salary", /Annual salary is blank/],
      [8, "Hours fraction", /"N\/A" is not a number/],
    ];
    expected.forEach(([row, column, message], i) => {
      const [head, ...rest] = items[i].split("\n");
      assert.equal(head.trim(), `Row ${row} · ${column}`);
      assert.match(rest.join(" "), message);
    });
    // The titles are shown as text: the formula-looking one is on screen as typed, not a link.
    await preview.getByRole("button", { name: /Accepted posts/ }).click();
    const accepted = await preview.getByRole("list", { name: "Accepted posts" }).getByRole("listitem").allInnerTexts();
    assert.equal(accepted.length, 4);
    assert.ok(accepted.some((t) => t.includes('=HYPERLINK("http://example.invalid","Monitoring Officer")')), accepted.join("\n"));
    assert.ok(accepted.some((t) => t.includes("+Policy Lead")));
    assert.equal(await page.locator("a[href*='example.invalid']").count(), 0);

    // Re-map a field by hand (Status ← Notes); the preview follows and the mapping is remembered.
    await page.getByRole("button", { name: /^Columns:/ }).click();
    const mapping = page.getByRole("group", { name: "Column mapping" });
    assert.equal(await mapping.getByLabel("Post", { exact: true }).inputValue(), "0");
    await mapping.getByLabel("Status", { exact: true }).selectOption({ label: "Notes" });
    await page.getByRole("button", { name: "Columns: as you set them" }).waitFor();
    await preview.getByText("4 rows rejected").waitFor();

    const d = await dump(page);
    assert.deepEqual(d.sheets.map((s) => s.name).sort(), ["JW Partnership", "Sheet1"], "nothing is written before the user confirms");
    assert.equal(Object.keys(d.settings).length, 1, "the mapping is remembered in the document settings");
    await assertFits(page);
    await page.screenshot({ path: join(RESULTS, "taskpane-preview.png"), fullPage: true, animations: "disabled" });
  });

  it("writes the accepted rows as a table, text as text, the issues and a live summary with a chart", async () => {
    const partnership = await partnershipFromSamples();
    const grid = readDelimitedText(decodeText(await readFile(MESSY)));
    const reference = importPostList(grid, partnership, { source: "messy-posts.csv" });

    await page.getByRole("button", { name: "Confirm: write 4 posts" }).click();
    const result = page.getByRole("region", { name: "Import result" });
    await result.waitFor();
    await result.getByText(`${SHEET.issues}: 4 rejected rows with reasons`).waitFor();
    const d = await dump(page);
    assert.deepEqual(d.sheets.map((s) => s.name).sort(), ["JW Import issues", "JW Method", "JW Partnership", "JW Posts", "JW Summary", "Sheet1"]);
    assert.equal(d.active, SHEET.summary);

    // Posts: one table row per accepted row, inputs as values, titles as text.
    const l = postsLayout(["OCC", "CDC"]);
    const posts = sheetOf(d, SHEET.posts);
    assert.deepEqual(
      posts.tables.map((t) => [t.name, t.address]),
      [[TABLE.posts, `'${SHEET.posts}'!A1:${columnLetter(l.last)}5`]],
    );
    assert.equal(posts.frozenRows, 1);
    const at = (column: number, row: number) => cellOf(d, SHEET.posts, `${columnLetter(column)}${row}`);
    assert.equal(at(l.post, 1).value, "Post");
    reference.validation.posts.forEach((p, i) => {
      const row = i + 2;
      assert.equal(at(l.post, row).value, p.title, `title of row ${row}`);
      assert.equal(at(l.post, row).formula, undefined, `title of row ${row} is not a formula`);
      assert.equal(at(l.post, row).numberFormat, "@");
      assert.equal(at(l.home, row).value, p.home);
      assert.equal(at(l.joint, row).value, p.joint ? "Y" : "N");
      assert.equal(at(l.salary, row).value, p.salary);
      assert.equal(at(l.fte, row).value, p.fte);
      assert.equal(at(l.sourceRow, row).value, p.row);
      // Built-in formulas only: the workbook computes for anyone it is sent to.
      assert.match(at(l.annualCost, row).formula ?? "", /^=ROUND\(/);
      assert.match(at(l.saving[0], row).formula ?? "", /^=IF\(D\d+="Y",ROUND\(/);
      assert.doesNotMatch(at(l.part[0], row).formula ?? "", /JW\./);
    });
    assert.equal(at(l.post, 6).value ?? null, null, "no row beyond the accepted ones");
    const titles = reference.validation.posts.map((p) => p.title);
    assert.ok(titles.includes('=HYPERLINK("http://example.invalid","Monitoring Officer")') && titles.includes("+Policy Lead"));
    // The Status column holds the Notes, as mapped by hand.
    assert.equal(at(l.status, 3).value, "formula-looking title must stay text");

    // Issues: every rejected row with its reason and its cells as text.
    const issue = (a1: string) => cellOf(d, SHEET.issues, a1).value;
    assert.deepEqual([2, 3, 4, 5].map((r) => issue(`B${r}`)), ["5", "6", "7", "8"]);
    assert.deepEqual([2, 3, 4, 5].map((r) => issue(`C${r}`)), ["Employer", "Split", "Annual salary", "Hours fraction"]);
    assert.deepEqual([2, 3, 4, 5].map((r) => issue(`D${r}`)), reference.validation.rejected.map((p) => p.message));
    assert.equal(issue("E2"), "Strategic Lead for HR");
    assert.equal(issue("E6") ?? null, null);
    assert.equal(sheetOf(d, SHEET.issues).tables[0].name, TABLE.issues);

    // Summary: live formulas over the Posts table and a chart of savings per council.
    const summary = sheetOf(d, SHEET.summary);
    assert.equal(cellOf(d, SHEET.summary, "A5").value, "OCC");
    assert.equal(cellOf(d, SHEET.summary, "A6").value, "CDC");
    for (const a1 of ["C5", "D5", "E5", "F5", "C6", "D6", "E6", "F6", "C7", "F7"]) {
      assert.match(cellOf(d, SHEET.summary, a1).formula ?? "", /^=ROUND\((SUMIFS|SUM)\(/, `${a1} is a formula`);
    }
    assert.equal(summary.charts.length, 1);
    assert.equal(summary.charts[0].values, "F5:F6");
    assert.equal(summary.charts[0].categories, "A5:A6");
  });

  it("re-imports the clean sample after asking, and shows the figures jw-summary gives", async () => {
    await page.getByLabel("Post list file").setInputFiles(CLEAN);
    const preview = page.getByRole("region", { name: "Preview" });
    await preview.getByText("10 rows accepted").waitFor();
    await preview.getByText("0 rows rejected").waitFor();
    await page.getByRole("button", { name: "Confirm: write 10 posts" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const sheet of [SHEET.posts, SHEET.summary, SHEET.issues]) assert.ok(text.includes(sheet), text);
    // By keyboard: the dialog takes the focus, on its first button.
    await page.waitForFunction(() => document.activeElement?.textContent === "Replace");
    // Slow syncs, as over a slow link to Excel on the web: the pane shows its progress meanwhile.
    await page.evaluate(() => ((window as unknown as { __excelDouble: { state: { syncDelay: number } } }).__excelDouble.state.syncDelay = 400));
    await page.keyboard.press("Enter");
    await page.getByRole("progressbar", { name: "Writing to the workbook" }).waitFor();
    // The pane answers while the write goes on: switch tabs and back.
    await page.getByRole("tab", { name: "Partnership" }).click();
    await page.getByRole("button", { name: "Save to workbook" }).waitFor();
    await page.getByRole("tab", { name: "Import" }).click();
    assert.ok(await page.getByRole("progressbar", { name: "Writing to the workbook" }).isVisible(), "still writing after the tab switches");
    const result = page.getByRole("region", { name: "Import result" });
    await result.getByText("10 posts from occ-cdc-2019-20-posts.csv.").waitFor();

    const cli = JSON.parse(
      execFileSync(process.execPath, ["bin/jw-summary.mjs", "--posts", CLEAN, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json"], { encoding: "utf8" }),
    );
    for (const a of cli.authorities) {
      const shown = await resultFigures(page, `${a.code} · ${a.name}`);
      assert.deepEqual(shown, { "Share of joint posts": a.jointCostShare, "Single posts": a.singlePostCost, Baseline: a.baseline, Saving: a.saving }, a.code);
    }
    const total = await resultFigures(page, "All councils");
    assert.deepEqual(total, { "Share of joint posts": cli.total.jointCostShare, "Single posts": cli.total.singlePostCost, Baseline: cli.total.baseline, Saving: cli.total.saving });
    await result.getByText(cli.noWorse ? "No council is worse off." : /A council is worse off/).waitFor();

    const d = await dump(page);
    assert.deepEqual(d.sheets.map((s) => s.name).sort(), ["JW Import issues", "JW Method", "JW Partnership", "JW Posts", "JW Summary", "Sheet1"], "the old sheets are gone, nothing else added");
    assert.ok(d.sheets.every((s) => s.visibility === "Visible"));
    const l = postsLayout(["OCC", "CDC"]);
    assert.equal(sheetOf(d, SHEET.posts).tables[0].address, `'${SHEET.posts}'!A1:${columnLetter(l.last)}11`);
    assert.equal(cellOf(d, SHEET.posts, "A2").value, "JW-001");
    assert.equal(cellOf(d, SHEET.issues, "A2").value ?? null, null, "no issues this time");
    await assertFits(page);
    await page.screenshot({ path: join(RESULTS, "taskpane-import.png"), fullPage: true, animations: "disabled" });
    if (process.env.UPDATE_DOCS_SCREENSHOT) await copyFile(join(RESULTS, "taskpane-preview.png"), resolve("docs/taskpane.png"));
  });

  it("reopens on a saved workbook with its partnership and remembered mapping, and reads .xlsx sheets, the selection and pasted text", async () => {
    const saved = await dump(page);
    const opened = await openPane(browser, server.origin, saved);
    pages.push(opened);
    const p2 = opened.page;
    // The partnership is read back from its sheet; the pane opens on Import.
    await p2.getByRole("tab", { name: "Import", selected: true }).waitFor();
    // Tabs by keyboard: arrow to Partnership and select it.
    await p2.getByRole("tab", { name: "Import" }).focus();
    await p2.keyboard.press("ArrowLeft");
    await p2.keyboard.press("Enter");
    await p2.getByRole("tab", { name: "Partnership", selected: true }).waitFor();
    assert.equal(await p2.getByLabel("Code of authority 2", { exact: true }).inputValue(), "CDC");
    assert.equal(await p2.getByLabel("Employer pension rate of authority 1, percent").inputValue(), "19.9");
    assert.equal(await p2.getByLabel("Financial year").inputValue(), "2019/20");
    await p2.getByText(`Saved on ${SHEET.partnership}.`).waitFor();
    await p2.getByRole("tab", { name: "Import" }).click();

    // The mapping set by hand for these headers is remembered in the workbook.
    await p2.getByLabel("Post list file").setInputFiles(MESSY);
    await p2.getByRole("button", { name: "Columns: as remembered in this workbook" }).waitFor();
    await p2.getByRole("region", { name: "Preview" }).getByText("4 rows rejected").waitFor();

    // An .xlsx: its first sheet is read, then the sheet chosen.
    const dir = await mkdtemp(join(tmpdir(), "jw-xlsx-"));
    try {
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1");
      wb.addWorksheet("Read me").addRow(["The post list is on the Posts sheet."]);
      const sheet = wb.addWorksheet("Posts");
      for (const row of readDelimitedText(await readFile(CLEAN, "utf8"))) sheet.addRow(row.map((c) => (typeof c === "string" && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
      const file = join(dir, "posts.xlsx");
      await wb.xlsx.writeFile(file);
      await p2.getByLabel("Post list file").setInputFiles(file);
      await p2.getByText('Sheet "Sheet1" of posts.xlsx is empty: choose the sheet that holds the post list.').waitFor();
      assert.equal(await p2.getByLabel("Sheet", { exact: true }).inputValue(), "Sheet1");
      assert.deepEqual(await p2.getByLabel("Sheet", { exact: true }).locator("option").allInnerTexts(), ["Sheet1", "Read me", "Posts"]);
      await p2.getByLabel("Sheet", { exact: true }).selectOption("Read me");
      await p2.getByText("Map the columns to check the list").waitFor();
      await p2.getByLabel("Sheet", { exact: true }).selectOption("Posts");
      await p2.getByRole("region", { name: "Preview" }).getByText("10 rows accepted").waitFor();
      await p2.getByText("posts.xlsx, sheet Posts: 10 rows under the header").waitFor();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // The selected range: rows are numbered as in the sheet (the list starts in row 3).
    const messy = readDelimitedText(decodeText(await readFile(MESSY)));
    await p2.evaluate((rows) => {
      const w = window as unknown as { __excelDouble: { seed(n: string, r: unknown[][], at: string): void; select(n: string, a: string): void } };
      w.__excelDouble.seed("Sheet1", rows, "B3");
      w.__excelDouble.select("Sheet1", "A1:L40");
    }, messy as unknown[][]);
    await p2.getByRole("radio", { name: "Selection" }).check();
    await p2.getByRole("button", { name: "Read the selected range" }).click();
    await p2.getByText("Sheet1!B3:I11: 8 rows under the header").waitFor();
    await p2.getByRole("region", { name: "Preview" }).getByText("4 rows rejected").waitFor();
    const rows = (await problemItems(p2)).map((t) => t.split("\n")[0].trim());
    assert.deepEqual(rows, ["Row 7 · Employer", "Row 8 · Split", "Row 9 · Annual salary", "Row 10 · Hours fraction"]);

    // Pasted text (tab separated, as copied from a spreadsheet).
    const clean = readDelimitedText(await readFile(CLEAN, "utf8"));
    await p2.getByRole("radio", { name: "Paste" }).check();
    await p2.getByLabel("Paste the list, header row first").fill(clean.map((r) => r.join("\t")).join("\n"));
    await p2.getByRole("button", { name: "Read pasted text" }).click();
    await p2.getByRole("region", { name: "Preview" }).getByText("10 rows accepted").waitFor();
  });

  it("trues up the year: previews the outturn's bad rows, then writes JW Outturn and JW True-up with the tolerance", async () => {
    // An officer has set the partnership's tolerance on JW Method: the tab starts from it.
    const named = (await dump(page)).names.find((n) => n.name === NAME.trueUpTolerance)!.reference.replace(/^.*!/, "").replace(/\$/g, "");
    await page.evaluate((at) => (window as unknown as { __excelDouble: { seed(s: string, rows: unknown[][], at: string): void } }).__excelDouble.seed("JW Method", [[0.04]], at), named);
    await page.getByRole("tab", { name: "Year-end true-up" }).click();
    await page.waitForFunction(() => (document.querySelector('input[aria-label="Tolerance"]') as HTMLInputElement | null)?.value === "4%");
    await page.getByRole("radio", { name: "Paste" }).check();
    await page.getByLabel("Paste the list, header row first").fill(["Post ID\tActual cost\tNotes", "JW-001\t270000\t=HYPERLINK(\"x\")", "JW-002\tunknown\t", "JW-404\t5\t"].join("\n"));
    await page.getByRole("button", { name: "Read pasted text" }).click();
    const preview = page.getByRole("region", { name: "Outturn preview" });
    await preview.getByText("2 rows accepted").waitFor();
    await preview.getByText("1 row rejected").waitFor();
    const items = await page.getByRole("list", { name: "Outturn problems" }).getByRole("listitem").allInnerTexts();
    assert.equal(items.length, 1);
    assert.match(items[0], /Row 3 · Actual cost/);
    assert.ok(!(await dump(page)).sheets.some((s) => s.name === SHEET.trueUp), "nothing is written before the user confirms");
    await page.getByLabel("Tolerance").fill("2.5%");
    await assertFits(page);
    await page.screenshot({ path: join(RESULTS, "taskpane-trueup.png"), fullPage: true, animations: "disabled" });
    await page.getByRole("button", { name: "Write the true-up" }).click();
    await page.getByText("True-up written").waitFor();
    const d = await dump(page);
    assert.equal(cellOf(d, SHEET.outturn, "A2").value, "JW-001");
    assert.equal(cellOf(d, SHEET.outturn, "B2").value, 270000);
    assert.equal(cellOf(d, SHEET.outturn, "C2").value, '=HYPERLINK("x")', "notes stay text");
    assert.equal(cellOf(d, SHEET.outturn, "C2").formula, undefined);
    assert.equal(sheetOf(d, SHEET.outturn).tables[0].name, TABLE.outturn);
    assert.match(String(cellOf(d, SHEET.trueUp, "B3").formula), /JW_TrueUpTolerance/);
    const tolerance = d.names.find((n) => n.name === NAME.trueUpTolerance);
    assert.ok(tolerance, "the tolerance is named on the Method sheet");
    assert.equal(cellOf(d, SHEET.method, tolerance.reference.replace(/^.*!/, "").replace(/\$/g, "")).value, 0.025);
    // The true-up rows follow JW Posts: ten posts, ten rows.
    const t = trueUpLayout(["OCC", "CDC"], 10);
    assert.match(String(cellOf(d, SHEET.trueUp, `A${t.firstDataRow + 9}`).formula), /'JW Posts'!A11/);
    assert.equal(cellOf(d, SHEET.trueUp, `A${t.firstDataRow + 10}`).formula, undefined);
  });

  it("re-imports the post list over the true-up: the dialog says it is written again, and the outturn and tolerance are kept", async () => {
    await page.getByRole("tab", { name: "Import" }).click();
    const again = page.getByRole("button", { name: "Import another list" });
    if (await again.isVisible()) await again.click();
    await page.getByRole("radio", { name: "File" }).check();
    await page.getByLabel("Post list file").setInputFiles(CLEAN);
    await page.getByRole("region", { name: "Preview" }).getByText("10 rows accepted").waitFor();
    await page.getByRole("button", { name: "Confirm: write 10 posts" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    const text = await dialog.innerText();
    assert.match(text, /JW True-up reads the sheets being replaced, so it is written again with the import/);
    assert.doesNotMatch(text, /#REF!/);
    await dialog.getByRole("button", { name: "Replace" }).click();
    const result = page.getByRole("region", { name: "Import result" });
    await result.getByText(/JW True-up: written again over the new posts, with the 2 outturn rows of JW Outturn/).waitFor();
    const d = await dump(page);
    assert.ok(!d.sheets.some((s) => s.name.includes("(old)")), "the replaced sheets are gone");
    assert.equal(cellOf(d, SHEET.outturn, "A2").value, "JW-001");
    assert.equal(cellOf(d, SHEET.outturn, "C2").value, '=HYPERLINK("x")', "notes stay text");
    assert.equal(cellOf(d, SHEET.outturn, "C2").formula, undefined);
    const tolerance = d.names.find((n) => n.name === NAME.trueUpTolerance)!;
    assert.equal(cellOf(d, SHEET.method, tolerance.reference.replace(/^.*!/, "").replace(/\$/g, "")).value, 0.025, "the tolerance chosen is kept");
    const t = trueUpLayout(["OCC", "CDC"], 10);
    assert.match(String(cellOf(d, SHEET.trueUp, `A${t.firstDataRow + 9}`).formula), /'JW Posts'!A11/);
  });

  it("sent no request beyond 127.0.0.1, broke no CSP rule and threw no error", async () => {
    assert.deepEqual(browser.traffic.blocked, [], "requests that would have left 127.0.0.1");
    assert.deepEqual(browser.traffic.unrouted, []);
    assert.ok(browser.traffic.officeJs.includes("/lib/1/hosted/office.js"), "office.js was loaded (from the local package)");
    // office.js opens a hidden telemetry frame (its ULS logger) a few seconds after loading; the
    // pane's CSP (frame-src 'self') refuses it, which is intended: it is the only refusal allowed.
    const telemetry = (text: string) => text.includes(TELEMETRY_FRAME);
    for (const { page: p, problems: found } of pages) {
      assert.deepEqual((await cspViolations(p)).filter((v) => !telemetry(v)), []);
      assert.deepEqual(found.pageErrors, []);
      assert.deepEqual(found.consoleErrors.filter((v) => !telemetry(v)), []);
    }
  });
});
