import assert from "node:assert/strict";
import { templateWorkbookPlan } from "../../src/templates/index";
import { plannedPost, columnLetter, type WorkbookPlan } from "../../src/workbook/index";
import { costPost } from "../../src/postlist/costPost";
import { periodsPence } from "../../src/core/recharge";
import { makePartnership } from "../../src/postlist/partnership";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { randomCase } from "../support/randomPosts";

const pence = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) : `not a number: ${JSON.stringify(v)}`);

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
      const { first, last } = base.partnership.year;
      base.posts = base.posts.filter((p) => (p.start === null || p.start <= last) && (p.end === null || p.end >= first));
      const partnership = makePartnership(base.partnership.authorities, { year: base.partnership.year, levyRate: base.partnership.levyRate, rechargePeriods: [12, 4, 1][seed % 3] });
      const t = templateWorkbookPlan(partnership, { posts: base.posts.map(plannedPost) });
      assert.deepEqual(formulasOutsideExcel2016(t.workbook), []);
      const hf = planInHyperFormula(t.workbook);
      const l = t.layout;
      const at = (column: number, row: number) => valueAt(hf, t.sheet.name, `${columnLetter(column)}${row}`);
      const expect = (got: unknown, want: number | boolean | string, what: string) => {
        const same = typeof want === "number" ? pence(got) === want && (got as number) === want / 100 : got === want;
        if (!same) problems.push(`seed ${seed} ${what}: engine ${JSON.stringify(got)}, core ${typeof want === "number" ? want / 100 : want}`);
      };
      const totals = partnership.authorities.map(() => ({ joint: 0, single: 0, baseline: 0, saving: 0 }));
      base.posts.forEach((post, i) => {
        const row = l.firstPostRow + i;
        rows++;
        const c = costPost(post, partnership);
        expect(at(l.check, row), "OK", `row ${row} check`);
        expect(at(l.annualCost, row), c.annualCost, `row ${row} annual cost`);
        expect(at(l.costThisYear, row), c.costThisYear, `row ${row} cost this year`);
        c.parts.forEach((p, k) => expect(at(l.part[k], row), p, `row ${row} part ${k + 1}`));
        (c.baselines ?? c.parts.map(() => 0)).forEach((b, k) => expect(at(l.baselineThisYear[k], row), b, `row ${row} baseline ${k + 1}`));
        (c.savings ?? c.parts.map(() => 0)).forEach((s, k) => expect(at(l.saving[k], row), s, `row ${row} saving ${k + 1}`));
        expect(at(l.payVote, row), c.payVote, `row ${row} pay vote`);
        const periods = partnership.rechargePeriods;
        for (let m = 0; m < periods; m++) {
          const paid = post.joint ? c.parts.reduce((sum, p, k) => sum + (k === post.homeIndex ? 0 : periodsPence(p, periods)[m]), 0) : 0;
          expect(at(l.recharge[m], row), paid, `row ${row} recharge ${m + 1}`);
        }
        c.parts.forEach((p, k) => {
          if (c.savings) {
            totals[k].joint += p;
            totals[k].baseline += c.baselines![k];
            totals[k].saving += c.savings[k];
          } else if (k === post.homeIndex) totals[k].single += p;
        });
      });
      totals.forEach((x, k) => {
        const row = l.firstTotalsRow + k;
        expect(at(3, row), x.joint, `${partnership.authorities[k].code} share of joint posts`);
        expect(at(4, row), x.single, `${partnership.authorities[k].code} single posts`);
        expect(at(5, row), x.baseline, `${partnership.authorities[k].code} baseline`);
        expect(at(6, row), x.saving, `${partnership.authorities[k].code} saving`);
      });
      expect(at(2, l.noWorseRow), totals.every((x) => x.saving >= 0), "no council worse off");
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
