/**
 * End to end, budget-holder templates: the built task pane in headless Chromium over the Excel
 * double (test/e2e/support/), on a workbook whose partnership is already saved. Adds a costing
 * template, checks the workbook (clean, then with a mistake typed in, going to its cell),
 * consolidates two returned files (one with a mistake) and reads the combined savings.
 *
 * The double has no data validation, sheet protection, sheet-scoped names, table ranges or
 * select(); EXTEND_DOUBLE below adds them as recorders, so the pane runs the same code as in Excel.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { BENEFIT_SHEET, partnershipSheetPlan, SHEET, TABLE, postsLayout, columnLetter } from "../../src/workbook/index";
import { consolidateReturns, consolidatedSummary, markerText, readReturnFile, templateSheetPlan, type ReturnFile } from "../../src/templates/index";
import { type Browser, type PaneProblems, launch, openPane } from "./support/browser";
import { type StaticServer, serveDirectory } from "./support/staticServer";
import { type Cell, dump } from "./support/doubleDump";
import { GOOD, benefitEntries, blankTemplate, filledReturn, partnership, type Filled, type FilledBenefit } from "../support/templateFixtures";

const NORTH_BENEFIT: FilledBenefit = { benefit: "Emergency planning provided by OCC", kind: "Cost avoidance", amount: 20000, shares: [0, 1], cashable: "N" };

const TEMPLATE = "JW Costing template";
const RESULTS = resolve("test-results");

/** The workbook as the double's seed: the partnership sheet and its names, as the pane saves them. */
function partnershipSeed() {
  const { sheet, names } = partnershipSheetPlan(partnership);
  const cells: Record<string, Cell> = {};
  for (const b of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.address)!;
    const col = m[1].charCodeAt(0) - 64;
    b.values!.forEach((row, r) => row.forEach((v, c) => (cells[`${String.fromCharCode(64 + col + c)}${+m[2] + r}`] = { value: v, numberFormat: b.columnFormats?.[c] })));
  }
  return {
    active: "Sheet1",
    settings: {},
    names: names.map((n) => ({ name: n.name, reference: n.reference, comment: n.comment ?? "" })),
    sheets: [
      { name: "Sheet1", visibility: "Visible", frozenRows: 0, cells: {}, tables: [], charts: [] },
      { name: SHEET.partnership, visibility: "Visible", frozenRows: 0, cells, tables: [], charts: [] },
    ],
  };
}

/**
 * Adds to the double what templates use and it lacks, recording what the pane asks for. Plain
 * JavaScript text (a compiled function would carry the test compiler's helpers into the page).
 */
const EXTEND_DOUBLE = `(() => {
  const extras = (window.__extras = { validations: [], unlocked: [], protectedSheets: [], sheetNames: [], selected: [] });
  const state = window.__excelDouble.state;
  const run = window.Excel.run;
  const withRange = (sheetName, r) => {
    if (!r || typeof r !== "object") return r;
    r.dataValidation = {
      clear() {},
      set rule(v) { extras.validations.push({ sheet: sheetName, rule: v }); },
      set ignoreBlanks(v) {},
      set prompt(v) {},
      set errorAlert(v) {},
    };
    const format = r.format;
    if (format && !("protection" in format)) {
      Object.defineProperty(format, "protection", { value: { set locked(v) { if (!v) extras.unlocked.push(sheetName); } } });
    }
    r.select = () => {
      extras.selected.push(sheetName);
      state.active = sheetName;
    };
    return r;
  };
  const withSheet = (ws, name) => {
    if (!ws || typeof ws.getRange !== "function") return ws;
    const getRange = ws.getRange;
    const byIndexes = ws.getRangeByIndexes;
    ws.getRange = (a) => withRange(name, getRange(a));
    ws.getRangeByIndexes = (...a) => withRange(name, byIndexes(...a));
    ws.protection = { protect: () => extras.protectedSheets.push(name) };
    ws.names = { add: (n, ref) => extras.sheetNames.push({ sheet: name, name: n, reference: ref }) };
    return ws;
  };
  window.Excel.run = (batch) =>
    run((ctx) => {
      const sheets = ctx.workbook.worksheets;
      for (const key of ["add", "getItem", "getItemOrNullObject"]) {
        const f = sheets[key];
        sheets[key] = (n) => withSheet(f(n), n);
      }
      return batch(ctx);
    });
})();`;

describe("templates, end to end in headless Chromium", function () {
  this.timeout(90_000);
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let problems: PaneProblems;
  let dir: string;
  const mistake: Filled = { post: "Vacant Officer", home: "OCC", joint: "N", salary: 0 };
  const returns: { name: string; path: string }[] = [];

  before(async function () {
    try {
      await stat(resolve("dist/taskpane.html"));
    } catch {
      throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
    }
    dir = await mkdtemp(join(tmpdir(), "jw-returns-"));
    // North returns an other benefit and, at year end, its first post's actual cost (template version 4).
    const { layout } = await blankTemplate(partnership, 8);
    const north: Filled[] = [{ ...GOOD[0], id: "N-1", actual: 250000 }, GOOD[1]];
    const extras = { "finance-north.xlsx": benefitEntries(layout, 0, NORTH_BENEFIT), "finance-south.xlsx": [] };
    for (const [name, posts] of [["finance-north.xlsx", north], ["finance-south.xlsx", [GOOD[2], mistake, GOOD[3]]]] as const) {
      const path = join(dir, name);
      await writeFile(path, await filledReturn(posts, partnership, 8, extras[name]));
      returns.push({ name, path });
    }
    server = await serveDirectory("dist");
    browser = await launch(server.origin);
    ({ page, problems } = await openPane(browser, server.origin, partnershipSeed()));
    await page.addInitScript({ content: EXTEND_DOUBLE });
    await page.reload();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("adds a costing template sheet carrying the partnership and its marker", async () => {
    await page.getByRole("tab", { name: "Templates" }).click();
    const benefitRows = page.getByLabel("Other-benefit rows");
    await benefitRows.fill("4");
    await benefitRows.press("Tab");
    await page.getByRole("button", { name: "New costing template" }).click();
    await page.getByText(`Added “${TEMPLATE}”`).waitFor();
    const d = await dump(page);
    const sheet = d.sheets.find((s) => s.name === TEMPLATE);
    assert.ok(sheet, `sheets: ${d.sheets.map((s) => s.name).join(", ")}`);
    const t = templateSheetPlan(partnership);
    assert.equal(sheet.cells.B12.value, markerText());
    assert.equal(sheet.cells.B13.value, t.fingerprint);
    assert.equal(sheet.cells.B14.value, "2019/20");
    assert.equal(sheet.cells.B20.value, 4, "the other-benefit rows asked for");
    const annual = `${columnLetter(t.layout.annualCost)}${t.layout.firstPostRow}`;
    // Built-in formulas only: no JW function in a template (it travels to people without the add-in).
    assert.match(sheet.cells[annual].formula ?? "", new RegExp(`^=IF\\(\\$${columnLetter(t.layout.check)}\\d+<>"OK","",ROUND\\(`));
    assert.doesNotMatch(sheet.cells[annual].formula ?? "", /JW\./);
    assert.equal(d.active, TEMPLATE);
  });

  it("downloads the same template as an .xlsx file that reads back as a template", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download template" }).click()]);
    assert.equal(download.suggestedFilename(), "costing-template-OCC-CDC-2019-20.xlsx");
    const path = join(dir, "downloaded.xlsx");
    await download.saveAs(path);
    const file = await readReturnFile("downloaded.xlsx", new Uint8Array((await import("node:fs")).readFileSync(path)), ExcelJS);
    assert.equal(file.error, undefined);
    assert.equal(file.templates[0].kind, "template");
    await page.getByText("Template ready").waitFor();
  });

  it("checks the workbook: a clean template says so; a mistake is listed with a button to its cell", async () => {
    await page.getByRole("button", { name: "Check workbook" }).click();
    await page.getByText("No problems; no posts are filled in yet.").waitFor().catch(async (e) => {
      throw new Error(`${e}\n${await page.getByRole("region", { name: "Templates" }).innerText()}\n${problems.pageErrors.join("\n")}${problems.consoleErrors.join("\n")}`);
    });

    const l = templateSheetPlan(partnership).layout;
    const cells: unknown[] = new Array(l.salary).fill(null);
    for (const [column, value] of [[l.post, "Policy Lead"], [l.home, "CDC"], [l.joint, "N"], [l.salary, -5]] as const) cells[column - 1] = value;
    await page.evaluate(
      ({ sheet, row, cells }) => (window as unknown as { __excelDouble: { seed(s: string, rows: unknown[][], at: string): void } }).__excelDouble.seed(sheet, [cells], `A${row}`),
      { sheet: TEMPLATE, row: l.firstPostRow, cells },
    );
    await page.getByRole("button", { name: "Check workbook" }).click();
    const list = page.getByRole("list", { name: `Problems on ${TEMPLATE}` });
    await list.waitFor();
    const items = await list.getByRole("listitem").allInnerTexts();
    assert.equal(items.length, 1, items.join("\n"));
    assert.match(items[0], /Salary.*-5.*above 0/s);
    await list.getByRole("button", { name: `Go to ${columnLetter(l.salary)}${l.firstPostRow} on ${TEMPLATE}` }).click();
    await page.waitForFunction(() => ((window as unknown as { __extras: { selected: string[] } }).__extras.selected.length > 0));
  });

  it("consolidates two returns, one with a mistake, and shows the combined savings", async () => {
    await page.getByLabel("Returned templates").setInputFiles(returns.map((r) => r.path));
    await page.getByText(returns.map((r) => r.name).join(", ")).waitFor();
    await page.getByRole("button", { name: "Consolidate returns" }).click();
    await page.getByText("Consolidated", { exact: true }).waitFor();
    await page.getByRole("region", { name: "Return finance-north.xlsx" }).getByText("2 posts taken, 1 benefit taken, 1 actual cost taken.").waitFor();
    await page.getByRole("region", { name: "Return finance-south.xlsx" }).getByText("2 posts taken, 1 row rejected.").waitFor();
    const rejected = await page.getByRole("list", { name: "Rejected in finance-south.xlsx" }).getByRole("listitem").allInnerTexts();
    assert.equal(rejected.length, 1);
    assert.match(rejected[0], /Salary is 0/);

    // The pane's savings per council equal the pipeline over the same files.
    const files: ReturnFile[] = [];
    for (const r of returns) files.push(await readReturnFile(r.name, new Uint8Array(await import("node:fs").then((fs) => fs.readFileSync(r.path))), ExcelJS));
    const c = consolidateReturns({ partnership, existing: [], returns: files });
    const want = consolidatedSummary(c.posts, partnership);
    const table = page.getByRole("table", { name: "Savings per council" });
    const pence = (text: string) => Math.round(Number(text.replace(/[£,]/g, "")) * 100);
    for (const a of want.authorities) {
      const cells = table.getByRole("row", { name: new RegExp(`^${a.code}`) }).getByRole("cell");
      assert.equal(pence(await cells.nth(0).innerText()), a.saving, a.code);
      // North's benefit falls wholly to CDC: its other benefits beside its saving.
      assert.equal(pence(await cells.nth(1).innerText()), a.code === "CDC" ? 2_000_000 : 0, `${a.code} other benefits`);
    }

    // The workbook: four posts in JW Posts with the file each came from; the Summary sheet shown.
    const d = await dump(page);
    const posts = d.sheets.find((s) => s.name === SHEET.posts)!;
    assert.equal(posts.tables[0].name, TABLE.posts);
    const l = postsLayout(["OCC", "CDC"]);
    const source = columnLetter(l.source);
    const title = columnLetter(l.post);
    assert.deepEqual(
      [2, 3, 4, 5].map((r) => [posts.cells[`${source}${r}`]?.value, posts.cells[`${title}${r}`]?.value]),
      [
        ["finance-north.xlsx", GOOD[0].post],
        ["finance-north.xlsx", GOOD[1].post],
        ["finance-south.xlsx", GOOD[2].post],
        ["finance-south.xlsx", GOOD[3].post],
      ],
    );
    assert.equal(posts.cells[`${title}6`]?.value ?? null, null);
    assert.equal(d.active, SHEET.summary);
    // North's benefit in JW Benefits, its actual cost in JW Outturn (from the file), and the true-up written.
    const benefits = d.sheets.find((s) => s.name === BENEFIT_SHEET.benefits)!;
    assert.equal(benefits.cells.A2?.value, NORTH_BENEFIT.benefit);
    const outturn = d.sheets.find((s) => s.name === SHEET.outturn)!;
    assert.deepEqual([outturn.cells.A2?.value, outturn.cells.B2?.value, outturn.cells.C2?.value], ["N-1", 250000, "From finance-north.xlsx"]);
    assert.ok(d.sheets.some((s) => s.name === SHEET.trueUp));
    const issues = d.sheets.find((s) => s.name === SHEET.issues)!;
    assert.match(String(issues.cells.D2?.value), /Salary is 0/);
    assert.deepEqual(problems.pageErrors, []);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    assert.ok(scroll <= width, `the pane is ${scroll}px wide in a ${width}px task pane`);
    await mkdir(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, "templates-consolidated.png"), fullPage: true });
  });
});
