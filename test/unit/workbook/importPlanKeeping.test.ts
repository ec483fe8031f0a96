import assert from "node:assert/strict";
import {
  BENEFIT_SHEET,
  NAME,
  NOTHING_KEPT,
  SHEET,
  importPlan,
  importPlanKeeping,
  outturnsFromTable,
  plannedBenefit,
  plannedPost,
  type ImportPlanInput,
  type WorkbookKeeps,
} from "../../../src/workbook/index";
import type { Partnership } from "../../../src/postlist/partnership";
import type { Post } from "../../../src/postlist/post";
import { planInHyperFormula, planSheetValues, valueAt } from "../../support/planInHyperFormula";
import { danglingReferences } from "../../support/danglingReferences";
import { benefitDifferences, buildWithBenefits, randomBenefits } from "../../support/benefitsWorkbook";
import { buildTrueUp, randomTrueUpCase } from "../../support/trueUpWorkbook";
import { randomCase } from "../../support/randomPosts";

function input(partnership: Partnership, posts: readonly Post[]): ImportPlanInput {
  // With the partnership sheet, so the plan evaluates on its own in HyperFormula.
  return { partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true };
}

const names = (plan: { sheets: { name: string }[] }) => plan.sheets.map((s) => s.name);

describe("importPlanKeeping: a re-import keeps what the workbook had beside the posts", () => {
  it("with nothing kept, writes exactly what importPlan writes", () => {
    const { partnership, posts } = randomCase(3, 12);
    assert.deepEqual(importPlanKeeping(input(partnership, posts), NOTHING_KEPT), importPlan(input(partnership, posts)));
  });

  it("keeps the register without a new one: JW Benefits and the Summary's benefits section, to the penny; its issues sheet untouched", () => {
    const { partnership, posts } = randomCase(11, 30, { councils: 3 });
    const benefits = randomBenefits(11, partnership, 12);
    const before = buildWithBenefits(partnership, posts, benefits);
    const keeps: WorkbookKeeps = { ...NOTHING_KEPT, benefits: benefits.map(plannedBenefit) };
    // The re-import has fewer posts: the Summary's benefits section follows the new posts' figures.
    const fewer = posts.slice(0, 20);
    const built = importPlanKeeping(input(partnership, fewer), keeps);
    assert.equal(importPlan(input(partnership, fewer)).summary.benefits, undefined, "a plain import drops the section");
    assert.ok(built.summary.benefits, "the Summary has its benefits section");
    assert.equal(built.benefitCount, benefits.length);
    assert.ok(names(built.plan).includes(BENEFIT_SHEET.benefits));
    assert.ok(!names(built.plan).includes(BENEFIT_SHEET.issues), "the register's rejected rows stay as its import wrote them");
    const expected = buildWithBenefits(partnership, fewer, benefits);
    const hf = planInHyperFormula(built.plan);
    const r = benefitDifferences((sheet, a1) => valueAt(hf, sheet, a1), { ...expected, ...built });
    hf.destroy();
    assert.deepEqual(r.lines, []);
    assert.ok(r.compared > 50, `compared ${r.compared}`);
    assert.deepEqual(danglingReferences(before.plan, built.plan), []);
  });

  it("a register given with the import wins over the one kept, and its issues sheet is written", () => {
    const { partnership, posts } = randomCase(5, 8);
    const kept = randomBenefits(5, partnership, 4).map(plannedBenefit);
    const given = randomBenefits(6, partnership, 2).map(plannedBenefit);
    const built = importPlanKeeping({ ...input(partnership, posts), benefits: { benefits: given, rejected: [], sourceHeaders: [] } }, { ...NOTHING_KEPT, benefits: kept });
    assert.equal(built.benefitCount, 2);
    assert.deepEqual(planSheetValues(built.plan, BENEFIT_SHEET.benefits).length, 3);
    assert.ok(names(built.plan).includes(BENEFIT_SHEET.issues));
  });

  it("writes the true-up again over the new post count with the outturn kept, so nothing reads a deleted sheet", () => {
    const c = randomTrueUpCase(17, 30);
    const before = buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance);
    const outturns = outturnsFromTable(planSheetValues(before.plan, SHEET.outturn));
    const more = [...c.posts, ...randomCase(18, 7, { councils: c.partnership.authorities.length }).posts.map((p) => ({ ...p, home: c.partnership.authorities[0].code }))];
    const keeps: WorkbookKeeps = { ...NOTHING_KEPT, outturns, method: { trueUpTolerance: c.tolerance } };
    const built = importPlanKeeping(input(c.partnership, more), keeps);
    assert.equal(built.trueUp?.layout.count, more.length);
    assert.equal(built.trueUp?.outturn.count, c.outturns.length);
    assert.deepEqual(planSheetValues(built.plan, SHEET.outturn), planSheetValues(before.plan, SHEET.outturn), "the outturn as it was");
    assert.deepEqual(danglingReferences(before.plan, built.plan), []);
    assert.deepEqual(danglingReferences(before.plan, importPlan(input(c.partnership, more)).plan), [`${SHEET.trueUp} reads ${SHEET.posts}`], "a plain import leaves the true-up at #REF!");
  });

  it("writes the Method sheet with the figures officers typed, and the formulas use them", () => {
    const { partnership, posts } = randomCase(23, 40);
    const keeps: WorkbookKeeps = { ...NOTHING_KEPT, method: { payVoteThreshold: 40000, noWorseTolerance: 125.5, trueUpTolerance: 0.07 } };
    const plain = importPlan(input(partnership, posts));
    const built = importPlanKeeping(input(partnership, posts), keeps);
    const hf = planInHyperFormula(built.plan);
    const hfPlain = planInHyperFormula(plain.plan);
    assert.equal(hf.getNamedExpressionValue(NAME.payVoteThreshold), 40000);
    assert.equal(hf.getNamedExpressionValue(NAME.noWorseTolerance), 125.5);
    assert.equal(hf.getNamedExpressionValue(NAME.trueUpTolerance), 0.07);
    const votes = valueAt(hf, SHEET.summary, built.summary.payVoteCell) as number;
    const votesPlain = valueAt(hfPlain, SHEET.summary, plain.summary.payVoteCell) as number;
    assert.ok(votes > votesPlain, `a lower threshold: more posts need a vote (${votesPlain} → ${votes})`);
    hf.destroy();
    hfPlain.destroy();
    // A figure given with the import wins over the one kept.
    const given = planInHyperFormula(importPlanKeeping({ ...input(partnership, posts), trueUpTolerance: 0.02 }, keeps).plan);
    assert.equal(given.getNamedExpressionValue(NAME.trueUpTolerance), 0.02);
    assert.equal(given.getNamedExpressionValue(NAME.payVoteThreshold), 40000);
    given.destroy();
  });

  it("a report kept without its JW Benefits gets an empty register to read, as a refresh of the report writes", () => {
    const { partnership, posts } = randomCase(29, 5);
    const built = importPlanKeeping(input(partnership, posts), { ...NOTHING_KEPT, report: true });
    assert.equal(built.benefitCount, 0);
    assert.ok(built.summary.benefits);
    assert.ok(names(built.plan).includes(BENEFIT_SHEET.benefits));
  });
});
