import assert from "node:assert/strict";
import { BENEFIT_SHEET, NOTHING_KEPT, SHEET, importPlanKeeping, plannedBenefit, plannedPost } from "../../../src/workbook/index";
import { dependentsText, keptLines } from "../../../src/taskpane/import/keptText";
import { randomCase } from "../../support/randomPosts";
import { randomBenefits } from "../../support/benefitsWorkbook";

describe("task pane: what an import says it kept", () => {
  const { partnership, posts } = randomCase(5, 6);
  const input = { partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: false };

  it("lists the true-up, the register and the Method figures written again; nothing for a first import", () => {
    assert.deepEqual(keptLines(NOTHING_KEPT, importPlanKeeping(input, NOTHING_KEPT)), []);
    const keeps = {
      ...NOTHING_KEPT,
      benefits: randomBenefits(5, partnership, 3).map(plannedBenefit),
      outturns: [{ postId: "P1", actual: 10, notes: null, sourceRow: 2 }],
      method: { payVoteThreshold: 90000 },
    };
    const lines = keptLines(keeps, importPlanKeeping(input, keeps));
    assert.deepEqual(lines, [
      `${SHEET.trueUp}: written again over the new posts, with the 1 outturn row of ${SHEET.outturn}`,
      `${BENEFIT_SHEET.benefits}: the register's 3 rows kept, counted in ${SHEET.summary}`,
      `${SHEET.method}: the pay-vote threshold and tolerances as they were`,
    ]);
  });

  it("tells the officer before replacing that the true-up and report are written again, not left at #REF!", () => {
    const text = dependentsText([SHEET.trueUp, BENEFIT_SHEET.report]);
    assert.match(text, /^JW True-up and JW Report read the sheets being replaced, so they are written again with the import/);
    assert.doesNotMatch(text, /#REF!/);
  });
});
