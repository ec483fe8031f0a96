import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { checkTemplate, consolidateReturns, readReturnFile, templateWorkbookPlan } from "../../../src/templates";
import { filledReturn, partnership } from "../../support/templateFixtures";
import { planInHyperFormula, valueAt } from "../../support/planInHyperFormula";
import { columnLetter } from "../../../src/workbook/a1";

/** Template version 3: a Salary max input (rule 13); the pay vote on the top; version-2 returns still read. */
describe("costing template version 3: grade ranges", () => {
  it("reads a range from a return, and refuses a top below the bottom with its cell", async () => {
    const bytes = await filledReturn([
      { post: "Corporate Director", home: "OCC", joint: "Y", shares: [0.5, 0.5], salary: 117912, salaryMax: 144228 },
      { post: "Top below", home: "OCC", joint: "Y", shares: [0.5, 0.5], salary: 90000, salaryMax: 80000 },
    ]);
    const file = await readReturnFile("ranges.xlsx", bytes, ExcelJS);
    const t = file.templates[0];
    assert.ok(t.kind === "template");
    const problems = checkTemplate(t).problems;
    assert.deepEqual(problems.map((p) => [p.row, p.field]), [[t.layout.firstPostRow + 1, "Salary max"]]);
    const c = consolidateReturns({ partnership, existing: [], returns: [file] });
    assert.deepEqual(c.added.map((p) => [p.salary, p.salaryMax]), [[117912, 144228]]);
  });

  it("judges the pay vote on the top and costs the bottom, with built-in formulas", () => {
    const t = templateWorkbookPlan(partnership, { postRows: 3 });
    const l = t.layout;
    const inputs = t.sheet.blocks.find((b) => b.address === `A${l.firstPostRow}`)!;
    const row = new Array(l.lastInput).fill(null);
    row[l.post - 1] = "Director";
    row[l.home - 1] = "OCC";
    row[l.joint - 1] = "Y";
    row[l.share[0] - 1] = 0.5;
    row[l.share[1] - 1] = 0.5;
    row[l.salary - 1] = 95000;
    row[l.salaryMax! - 1] = 100000;
    inputs.values![0] = row;
    const hf = planInHyperFormula(t.workbook);
    const at = (c: number) => valueAt(hf, t.sheet.name, `${columnLetter(c)}${l.firstPostRow}`);
    assert.equal(at(l.check), "OK");
    assert.equal(at(l.payVote), true);
    // Pay 95,000 + NI (95,000 − 8,632) × 13.8% + pension 19.9% + levy 0.5%: the bottom.
    assert.equal(at(l.annualCost), 95000 + 11918.78 + 18905 + 475);
    hf.destroy();
  });
});
