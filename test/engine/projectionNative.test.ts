import assert from "node:assert/strict";
import { formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { buildProjection, projectionDifferences } from "../support/projectionDifferences";
import { randomCase } from "../support/randomPosts";
import { OCC_CDC, sample } from "../support/samples";
import { importPostList } from "../../src/postlist/index";
import { columnLetter } from "../../src/workbook/index";

/** The Projection sheets (rule 14) in HyperFormula: built-in formulas only, equal to the core to the penny. */
describe("native formulas: the Projection sheets equal the core, in HyperFormula", function () {
  this.timeout(240_000);

  it("no formula calls a JW function or anything Excel 2016 or LibreOffice 7.4 lacks", () => {
    const { posts, partnership } = randomCase(5, 20, { councils: 5 });
    assert.deepEqual(formulasOutsideExcel2016(buildProjection(partnership, posts, { years: 10, awards: [0.02, 0.035] }).plan), []);
  });

  it("the OCC/CDC sample over 4 years with awards, every cell, the first year equal to the Summary", () => {
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts;
    const built = buildProjection(OCC_CDC, posts, { years: 4, awards: [0.02, 0.025, 0.03] });
    const hf = planInHyperFormula(built.plan);
    const { lines, compared } = projectionDifferences((sheet, a1) => valueAt(hf, sheet, a1), built);
    assert.deepEqual(lines, []);
    assert.ok(compared > 300, `compared ${compared}`);
    // The first projected year is the Summary, cell for cell.
    const c = built.projection!.columns;
    const s = built.summary;
    for (let a = 0; a < 2; a++) {
      const row = built.projection!.firstYearRow;
      const p = (column: number) => valueAt(hf, "JW Projection", `${columnLetter(column)}${row}`);
      const summary = (col: string) => valueAt(hf, "JW Summary", `${col}${s.firstAuthorityRow + a}`);
      assert.deepEqual([p(c.jointCostShare[a]), p(c.singlePostCost[a]), p(c.baseline[a]), p(c.saving[a])], [summary("C"), summary("D"), summary("E"), summary("F")]);
      assert.equal(typeof summary("C"), "number");
    }
    assert.equal(valueAt(hf, "JW Projection", `A${built.projection!.firstYearRow + 3}`), "2022/23");
    hf.destroy();
  });

  it("random partnerships of 2 to 5 councils, dated posts, years past the NI table: 0 differences", () => {
    const all: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const { posts, partnership } = randomCase(seed * 3571, 40);
      const awards = [[], [0.02], [0.01, 0.0275, 0], [0.033333]][seed % 4];
      const built = buildProjection(partnership, posts, { years: 2 + (seed % 9), awards });
      const hf = planInHyperFormula(built.plan);
      const result = projectionDifferences((sheet, a1) => valueAt(hf, sheet, a1), built);
      all.push(...result.lines.slice(0, 5).map((l) => `seed ${seed * 3571}: ${l}`));
      compared += result.compared;
      hf.destroy();
    }
    assert.deepEqual(all, []);
    assert.ok(compared > 5000, `compared ${compared}`);
  });
});
