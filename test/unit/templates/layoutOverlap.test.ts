import assert from "node:assert/strict";
import { makePartnership } from "../../../src/postlist";
import { templateWorkbookPlan } from "../../../src/templates";
import { overlaps } from "../../support/blockOverlaps";

describe("costing template layout: no block writes over another", () => {
  for (const councils of [2, 5, 20]) {
    for (const version of [2, 3, 4] as const) {
      it(`version ${version}, ${councils} councils: every cell is written by one block only (guidance, details, posts, totals, benefits)`, () => {
        const p = makePartnership(
          Array.from({ length: councils }, (_, i) => ({ code: `C${i + 1}`, name: `Council ${i + 1}`, pensionRate: 0.2 })),
          { year: "2019/20", rechargePeriods: 12 },
        );
        const t = templateWorkbookPlan(p, { version, postRows: 3, benefitRows: 2 });
        assert.deepEqual(overlaps(t.sheet).slice(0, 5), []);
      });
    }
  }
});
