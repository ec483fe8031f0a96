import assert from "node:assert/strict";
import { templateWorkbookPlan } from "../../src/templates/index";
import { plannedBenefit, plannedPost, columnLetter, type WorkbookPlan } from "../../src/workbook/index";
import { benefitsForTemplate, postsForTemplate, templateDifferences } from "../support/templateDifferences";
import { randomBenefits } from "../support/benefitsWorkbook";
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
      const benefits = benefitsForTemplate(randomBenefits(seed * 7919, partnership, 12), partnership);
      const t = templateWorkbookPlan(partnership, { posts: base.posts.map(plannedPost), benefits: benefits.map(plannedBenefit) });
      assert.deepEqual(formulasOutsideExcel2016(t.workbook), []);
      const hf = planInHyperFormula(t.workbook);
      const result = templateDifferences((sheet, a1) => valueAt(hf, sheet, a1), t.sheet.name, t.layout, partnership, base.posts, benefits);
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

  it("version 4: bad benefit rows and actual costs show the Check column's message; a good benefit falls to its council", () => {
    const { partnership, posts } = randomCase(7, 4, { councils: 2, startYear: 2019 });
    const t = templateWorkbookPlan(partnership, { posts: posts.map((p) => ({ ...plannedPost(p), id: null })), postRows: 6, benefitRows: 8 });
    const l = t.layout;
    const b = l.benefits!;
    const plan: WorkbookPlan = structuredClone(t.workbook);
    const postInputs = plan.sheets[0].blocks.find((x) => x.values && x.address === `A${l.firstPostRow}`)!;
    const benefitInputs = plan.sheets[0].blocks.find((x) => x.values && x.address === `A${b.firstRow}`)!;
    const good = (title: string): (string | number | null)[] => {
      const row: (string | number | null)[] = new Array(b.lastInput).fill(null);
      row[b.benefit - 1] = title;
      row[b.kind - 1] = "Cost avoidance";
      row[b.amount - 1] = 20000;
      row[b.share[0] - 1] = 0;
      row[b.share[1] - 1] = 1;
      return row;
    };
    const rows = Array.from({ length: 6 }, (_, i) => good(`Benefit ${i + 1}`));
    rows[0][b.share[0] - 1] = 0.6;
    rows[0][b.share[1] - 1] = 0.6;
    rows[1][b.kind - 1] = "Savings";
    rows[2][b.amount - 1] = "lots";
    rows[3][b.start - 1] = partnership.year.first + 100;
    rows[3][b.end - 1] = partnership.year.first + 50;
    rows[4][b.cashable - 1] = "maybe";
    rows.forEach((r, i) => (benefitInputs.values![i] = r));
    postInputs.values![0][l.actualCost! - 1] = 1000;
    postInputs.values![1][l.postId! - 1] = "P2";
    postInputs.values![1][l.actualCost! - 1] = -5;
    postInputs.values![2][l.postId! - 1] = "P3";
    postInputs.values![2][l.actualCost! - 1] = 123456.78;
    const hf = planInHyperFormula(plan);
    const at = (column: number, row: number) => valueAt(hf, t.sheet.name, `${columnLetter(column)}${row}`);
    const messages = ["Shares must add up to 100%", "Pick the kind from the list", "Give the annual amount in pounds", "End is before Start", "Write Y (cashable) or N (not cashable)", "OK"];
    messages.forEach((m, i) => assert.equal(at(b.check, b.firstRow + i), m, `benefit row ${i}`));
    for (let i = 0; i < 5; i++) for (const column of [b.thisYear, ...b.part]) assert.equal(at(column, b.firstRow + i), "", `benefit row ${i} column ${columnLetter(column)}`);
    assert.equal(at(b.part[1], b.firstRow + 5), 20000);
    assert.equal(at(b.part[0], b.firstRow + 5), 0);
    assert.equal(at(3, b.firstTotalsRow + 1), 20000, "CDC's other benefits");
    assert.equal(at(4, b.firstTotalsRow + 1), 0, "not cashable");
    assert.equal(at(l.check, l.firstPostRow), "Give the Post ID to return an actual cost");
    assert.equal(at(l.check, l.firstPostRow + 1), "Actual cost must be an amount of 0 or more");
    assert.equal(at(l.check, l.firstPostRow + 2), "OK");
    assert.equal(typeof at(2, b.noWorseRow), "boolean");
  });
});
