import assert from "node:assert/strict";
import { differences, formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { randomCase } from "../support/randomPosts";
import { OCC_CDC, sample } from "../support/samples";
import { benefitDifferences, buildWithBenefits, randomBenefits } from "../support/benefitsWorkbook";
import { importPostList } from "../../src/postlist/index";
import { validateBenefits } from "../../src/benefits/index";
import { SHEET } from "../../src/workbook/index";

/**
 * Rule 12 written as built-in formulas (src/formulas/benefits.ts) equals the core
 * (src/core/benefits.ts) to the penny, in HyperFormula; the LibreOffice run is in
 * test/engine/reportLibreOffice.test.ts.
 */
describe("native formulas: the benefits register and the Summary's benefits section equal the core", () => {
  it("the seeds: £20k cost avoidance to CDC in its other benefits, not cashable; total benefit; the posts' cells unchanged", () => {
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts;
    const benefits = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC).benefits;
    const built = buildWithBenefits(OCC_CDC, posts, benefits);
    assert.deepEqual(formulasOutsideExcel2016(built.plan), []);
    const hf = planInHyperFormula(built.plan);
    const read = (sheet: string, a1: string) => valueAt(hf, sheet, a1);
    assert.deepEqual(benefitDifferences(read, built).lines, []);
    assert.deepEqual(differences(read, built).lines, []);
    const s = built.summary.benefits!;
    assert.equal(read(SHEET.summary, `F${s.firstAuthorityRow + 1}`), 20000);
    assert.equal(read(SHEET.summary, `E${s.firstAuthorityRow + 1}`), 20000);
    assert.equal(read(SHEET.summary, `F${s.firstAuthorityRow}`), 0);
    // The posts' section keeps its cells: the no-worse-off check is where it was.
    assert.equal(built.summary.noWorseCell, "B9");
  });

  it("random registers over 2 to 5 councils, every kind, part years and awkward shares: 0 differences", function () {
    this.timeout(120_000);
    const all: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { partnership, posts } = randomCase(seed * 4099, 20);
      const built = buildWithBenefits(partnership, posts, randomBenefits(seed, partnership, 60));
      const hf = planInHyperFormula(built.plan);
      const result = benefitDifferences((sheet, a1) => valueAt(hf, sheet, a1), built);
      compared += result.compared;
      all.push(...result.lines.slice(0, 5).map((l) => `seed ${seed}: ${l}`));
      hf.destroy();
    }
    assert.deepEqual(all, []);
    assert.ok(compared > 12 * 60 * 3, `compared ${compared}`);
  });

  it("an empty register still computes: every council's other benefits 0, total benefit = post saving", () => {
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts;
    const built = buildWithBenefits(OCC_CDC, posts, []);
    const hf = planInHyperFormula(built.plan);
    assert.deepEqual(benefitDifferences((sheet, a1) => valueAt(hf, sheet, a1), built).lines, []);
  });
});
