import assert from "node:assert/strict";
import { templateWorkbookPlan } from "../../src/templates/index";
import { plannedPost, columnLetter, type WorkbookPlan } from "../../src/workbook/index";
import { postsForTemplate, templateDifferences } from "../support/templateDifferences";
import { makePartnership } from "../../src/postlist/partnership";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { randomCase } from "../support/randomPosts";

/**
 * The budget-holder template computes with built-in formulas alone and gives the core's figures
 * to the penny, row by row and in its totals; bad input shows the Check column's message and
 * blanks, never an error in a total.
 */
describe("native formulas: the costing template equals the core, in HyperFormula", () => {
  it("random posts pre-filled in templates of 2 to 5 councils, every output cell and the totals", function () {
    this.timeout(120_000);
    const problems: string[] = [];
    let rows = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const base = randomCase(seed * 104729, 60);
      // A template asks for dates inside the year: leave out posts that miss it altogether.
      base.posts = postsForTemplate(base.posts, base.partnership);
      const partnership = makePartnership(base.partnership.authorities, { year: base.partnership.year, levyRate: base.partnership.levyRate, rechargePeriods: [12, 4, 1][seed % 3] });
      const t = templateWorkbookPlan(partnership, { posts: base.posts.map(plannedPost) });
      assert.deepEqual(formulasOutsideExcel2016(t.workbook), []);
      const hf = planInHyperFormula(t.workbook);
      const result = templateDifferences((sheet, a1) => valueAt(hf, sheet, a1), t.sheet.name, t.layout, partnership, base.posts);
      problems.push(...result.lines.slice(0, 5).map((line) => `seed ${seed}: ${line}`));
      rows += base.posts.length;
      hf.destroy();
    }
    assert.deepEqual(problems.slice(0, 20), []);
    assert.ok(rows >= 600, `rows: ${rows}`);
  });

  it("bad input shows the Check column's message and blanks in that row; the totals stay figures", () => {
    const { partnership, posts } = randomCase(5, 6, { councils: 2, startYear: 2019 });
    const t = templateWorkbookPlan(partnership, { posts: posts.map(plannedPost), postRows: 8 });
    const l = t.layout;
    const plan: WorkbookPlan = structuredClone(t.workbook);
    const inputs = plan.sheets[0].blocks.find((b) => b.values && b.address === `A${l.firstPostRow}`)!;
    const edits: [number, number, string | number][] = [
      [0, l.salary, "eighty thousand"],
      [1, l.joint, "Y"],
      [1, l.share[0], 0.6],
      [1, l.share[1], 0.6],
      [2, l.start, partnership.year.first - 10],
      [3, l.end, "31/13/2019"],
    ];
    for (const [i, column, value] of edits) inputs.values![i][column - 1] = value;
    const hf = planInHyperFormula(plan);
    const at = (column: number, row: number) => valueAt(hf, t.sheet.name, `${columnLetter(column)}${row}`);
    const row = (i: number) => l.firstPostRow + i;
    assert.equal(at(l.check, row(0)), "Give the full-time salary (above 0)");
    assert.equal(at(l.check, row(1)), "Shares must add up to 100%");
    assert.equal(at(l.check, row(2)), "Start must be a date inside the year");
    assert.equal(at(l.check, row(3)), "End must be a date inside the year");
    for (let i = 0; i < 4; i++) for (const column of [l.annualCost, l.costThisYear, ...l.part, ...l.saving]) assert.equal(at(column, row(i)), "", `row ${row(i)} column ${columnLetter(column)}`);
    for (let k = 0; k < 2; k++) for (let c = 3; c <= 8; c++) assert.equal(typeof at(c, l.firstTotalsRow + k), "number", `total ${columnLetter(c)}${l.firstTotalsRow + k}`);
    assert.equal(typeof at(2, l.noWorseRow), "boolean");
  });
});
