import assert from "node:assert/strict";
import { FakeExcel } from "../../support/fakeExcel";
import { checkTemplate, markerText, readTemplate, sheetFromOffice, templateSheetPlan, type TemplateRead } from "../../../src/templates";
import { sheetsOf } from "../../support/planInHyperFormula";
import { SHEET, columnLetter } from "../../../src/workbook";
import { GOOD, entries, partnership } from "../../support/templateFixtures";

/**
 * The Office side of templates over the fake Excel object model (test/support/fakeExcel.ts),
 * given here the few things templates add: data validation, cell protection, sheet protection
 * and sheet-scoped names, each recorded in the order the writer queues them.
 */
interface Recorded {
  events: string[];
  validations: { sheet: string; address: string; rule: unknown; prompt?: { title: string }; errorAlert?: { style: string } }[];
  unlocked: string[];
  names: { sheet: string; name: string; reference: string }[];
}

function withTemplateExtras(fake: FakeExcel): Recorded {
  const rec: Recorded = { events: [], validations: [], unlocked: [], names: [] };
  const self = fake as unknown as { range: (...a: unknown[]) => Record<string, unknown>; worksheet: (s: { name: string }) => Record<string, unknown> };
  const range = self.range.bind(fake);
  self.range = (...args: unknown[]) => {
    const r = range(...args);
    const sheet = (args[0] as { name: string }).name;
    const address = String(r.address).replace(/^.*!/, "");
    const entry = { sheet, address, rule: undefined as unknown };
    r.dataValidation = {
      clear: () => rec.events.push(`clear ${address}`),
      set rule(v: unknown) {
        entry.rule = v;
        rec.validations.push(entry);
        rec.events.push(`validate ${address}`);
      },
      set ignoreBlanks(_: boolean) {},
      set prompt(v: { title: string }) {
        (entry as Recorded["validations"][number]).prompt = v;
      },
      set errorAlert(v: { style: string }) {
        (entry as Recorded["validations"][number]).errorAlert = v;
      },
    };
    (r.format as Record<string, unknown>).protection = {
      set locked(v: boolean) {
        if (!v) rec.unlocked.push(address);
        rec.events.push(`unlock ${address}`);
      },
    };
    return r;
  };
  const worksheet = self.worksheet.bind(fake);
  self.worksheet = (s: { name: string }) => {
    const w = worksheet(s);
    w.protection = { protect: () => rec.events.push(`protect ${s.name}`) };
    w.names = {
      add: (name: string, reference: string) => {
        rec.names.push({ sheet: s.name, name, reference });
        rec.events.push(`name ${name}`);
      },
    };
    return w;
  };
  return rec;
}

function useExcel(fake: FakeExcel, excelApi = true) {
  const g = globalThis as Record<string, unknown>;
  g.Excel = fake.global();
  g.Office = { context: { requirements: { isSetSupported: () => excelApi } } };
}

describe("templates in the open workbook (Office.js)", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Office;
  });

  it("adds a template sheet: values as text where text, formulas, validation, inputs unlocked, then protection", async () => {
    const fake = new FakeExcel([{ name: "Budget", cells: { A1: "mine" } }]);
    const rec = withTemplateExtras(fake);
    useExcel(fake);
    const { addTemplateSheet } = await import("../../../src/excel/templateSheets");
    const added = await addTemplateSheet(partnership, { postRows: 10 });
    assert.deepEqual(added, { sheet: "JW Costing template", validated: true, protected: true });
    const t = templateSheetPlan(partnership, { postRows: 10 });
    const l = t.layout;
    assert.equal(fake.cell("JW Costing template", "B12").value, markerText());
    assert.equal(fake.cell("JW Costing template", "B12").numberFormat, "@");
    assert.equal(fake.cell("JW Costing template", "B13").value, t.fingerprint);
    assert.match(fake.cell("JW Costing template", `${columnLetter(l.check)}${l.firstPostRow}`).formula ?? "", /^=IF\(COUNTA\(/);
    // Outputs are blank until the row's Check says OK, and use no JW function.
    assert.match(fake.cell("JW Costing template", `${columnLetter(l.annualCost)}${l.firstPostRow}`).formula ?? "", new RegExp(`^=IF\\(\\$${columnLetter(l.check)}\\d+<>"OK","",ROUND\\(`));
    // The workbook had no Method sheet: the template brings one for its NI table.
    assert.equal(fake.cell(SHEET.method, "A1").value, "Method and assumptions");
    // Printable: A4 landscape, one page wide (ExcelApi 1.9, which this Excel has).
    assert.deepEqual(fake.sheet(SHEET.method).pageLayout, { orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    assert.equal(rec.validations.length, t.sheet.validations!.length);
    const home = rec.validations.find((v) => v.prompt?.title === "Home authority")!;
    assert.deepEqual(home.rule, { list: { inCellDropDown: true, source: `=$A$${l.firstAuthorityRow}:$A$${l.firstAuthorityRow + 1}` } });
    const start = rec.validations.find((v) => v.prompt?.title === "Start")!;
    assert.deepEqual(start.rule, { date: { formula1: "2019-04-01", formula2: "2020-03-31", operator: "Between" } });
    const share = rec.validations.find((v) => v.prompt?.title === "Share OCC")!;
    assert.equal(share.errorAlert?.style, "Warning");
    const b = l.benefits!;
    assert.deepEqual(rec.unlocked, [`A${l.firstPostRow}:${columnLetter(l.lastInput)}${l.lastPostRow}`, `A${b.firstRow}:${columnLetter(b.lastInput)}${b.lastRow}`]);
    assert.deepEqual(rec.names[0], { sheet: "JW Costing template", name: "JW_Template", reference: "='JW Costing template'!$B$12" });
    assert.ok(fake.names.some((n) => n.name === "JW_NiThresholds"));
    // Protection comes last: after every validation and the unlocking.
    const protectAt = rec.events.indexOf("protect JW Costing template");
    assert.ok(protectAt > rec.events.lastIndexOf(`unlock A${l.firstPostRow}:L${l.lastPostRow}`));
    const lastValidation = rec.events.map((e, i) => (e.startsWith("validate") ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    assert.ok(lastValidation > 0 && protectAt > lastValidation);
    assert.equal(fake.cell("Budget", "A1").value, "mine");

    const again = await addTemplateSheet(partnership);
    assert.equal(again.sheet, "JW Costing template 2");
  });

  it("still adds the template in an Excel without data validation or protection, and says so", async () => {
    const fake = new FakeExcel();
    const rec = withTemplateExtras(fake);
    useExcel(fake, false);
    const { addTemplateSheet } = await import("../../../src/excel/templateSheets");
    const added = await addTemplateSheet(partnership, { postRows: 3 });
    assert.deepEqual(added, { sheet: "JW Costing template", validated: false, protected: false });
    assert.equal(rec.validations.length, 0);
    assert.equal(fake.cell("JW Costing template", "B12").value, markerText());
  });

  it("reads a template sheet from the values and formulas Office.js returns", () => {
    const t = templateSheetPlan(partnership, { postRows: 6 });
    const l = t.layout;
    const grid = sheetsOf({ sheets: [t.sheet], names: [] })[t.sheet.name] as unknown[][];
    // Type two posts, one with a formula where the salary belongs.
    for (const [row, column, v] of [...entries(l, l.firstPostRow, GOOD[0]), ...entries(l, l.firstPostRow + 1, GOOD[1])]) {
      (grid[row - 1] ??= [])[column - 1] = v instanceof Date ? Math.round(v.getTime() / 86_400_000) + 25569 : v;
    }
    grid[l.firstPostRow][l.salary - 1] = "=95000";
    const width = l.last;
    const values = grid.map((row) => Array.from({ length: width }, (_, c) => {
      const v = row?.[c];
      if (v === null || v === undefined) return "";
      if (typeof v === "string" && v.startsWith("=")) return 0; // a formula's value
      return typeof v === "string" && v.startsWith("'") ? v.slice(1) : v;
    }));
    const formulas = grid.map((row, r) => Array.from({ length: width }, (_, c) => {
      const v = row?.[c];
      return typeof v === "string" && v.startsWith("=") ? v : values[r][c];
    }));
    const read = readTemplate(sheetFromOffice(t.sheet.name, values, formulas)) as TemplateRead;
    assert.equal(read.kind, "template");
    const check = checkTemplate(read);
    assert.equal(check.posts.length, 1);
    assert.equal(check.posts[0].title, GOOD[0].post);
    assert.deepEqual(check.problems.map((p) => [p.cell, p.field]), [[`${columnLetter(l.salary)}${l.firstPostRow + 1}`, "Salary"]]);
    assert.match(check.problems[0].what, /formula \(=95000\)/);
  });
});
