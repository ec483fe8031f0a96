import assert from "node:assert/strict";
import { overlaps } from "../../support/blockOverlaps";
import { randomCase } from "../../support/randomPosts";
import { randomBenefits } from "../../support/benefitsWorkbook";
import { randomTrueUpCase, buildTrueUp } from "../../support/trueUpWorkbook";
import { plannedBenefit, plannedPost } from "../../../src/workbook/index";
import { reportPlan } from "../../../src/workbook/report";

/**
 * Every sheet the add-in writes: no block writes over another (a later block would silently
 * replace an earlier one's cells, as a tenth guidance line once replaced the template's details
 * header). Import with a register and a projection, the annual report, the true-up.
 */
describe("workbook plans: no block writes over another", () => {
  for (const councils of [2, 3, 5]) {
    it(`the import (register, projection) and the annual report, ${councils} councils`, () => {
      const { partnership, posts } = randomCase(councils * 911, 12, { councils, startYear: 2019 });
      const benefits = randomBenefits(councils, partnership, 6).map(plannedBenefit);
      const built = reportPlan({
        partnership,
        posts: posts.map(plannedPost),
        rejected: [],
        sourceHeaders: ["Post"],
        includePartnership: true,
        benefits: { benefits, rejected: [], sourceHeaders: [] },
        projection: { years: 4, awards: [0.02] },
      });
      const found = built.plan.sheets.flatMap((s) => overlaps(s).map((o) => `${s.name}: ${o}`));
      assert.deepEqual(found.slice(0, 5), []);
      assert.ok(built.plan.sheets.length >= 6, built.plan.sheets.map((s) => s.name).join());
    });
  }

  it("the true-up sheets", () => {
    const r = randomTrueUpCase(4242, 30);
    const b = buildTrueUp(r.partnership, r.posts, r.outturns, r.tolerance);
    assert.deepEqual(b.plan.sheets.flatMap((s) => overlaps(s).map((o) => `${s.name}: ${o}`)).slice(0, 5), []);
  });
});
