import assert from "node:assert/strict";
import { buildImport, differences, formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { randomCase } from "../support/randomPosts";
import { OCC_CDC, sample } from "../support/samples";
import { importPostList } from "../../src/postlist/index";

/**
 * The workbook the add-in writes computes with Excel's built-in formulas alone, and those give
 * the core's figures to the penny, in a real spreadsheet engine (HyperFormula, with Excel's
 * ROUND). LibreOffice, the stand-in for an Excel without the add-in, is test/engine/libreOffice*.
 */
describe("native formulas: the written workbook equals the core, in HyperFormula", () => {
  it("no formula calls a JW function or anything Excel 2016 or LibreOffice 7.4 lacks", () => {
    const { posts, partnership } = randomCase(7, 50, { councils: 5 });
    const built = buildImport(partnership, posts);
    assert.deepEqual(formulasOutsideExcel2016(built.plan), []);
  });

  it("the shared OCC/CDC sample, every computed cell", () => {
    const result = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC, { source: "posts.csv" });
    const built = buildImport(OCC_CDC, result.validation.posts);
    const hf = planInHyperFormula(built.plan);
    const { lines, compared } = differences((sheet, a1) => valueAt(hf, sheet, a1), built);
    assert.deepEqual(lines, []);
    assert.ok(compared > 100);
  });

  it("2,000 random posts over 2 to 5 councils, every tax year, leap years and awkward shares: 0 differences", function () {
    this.timeout(240_000);
    let compared = 0;
    const all: string[] = [];
    // 20 partnerships of 100 posts: every council count and most tax years come up.
    for (let seed = 1; seed <= 20; seed++) {
      const { posts, partnership } = randomCase(seed * 7919, 100);
      const built = buildImport(partnership, posts);
      const hf = planInHyperFormula(built.plan);
      const result = differences((sheet, a1) => valueAt(hf, sheet, a1), built);
      compared += result.compared;
      all.push(...result.lines.slice(0, 5).map((l) => `seed ${seed * 7919}: ${l}`));
      hf.destroy();
    }
    assert.deepEqual(all, []);
    assert.ok(compared > 2000 * 10, `compared ${compared}`);
  });
});
