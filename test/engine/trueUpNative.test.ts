import assert from "node:assert/strict";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { formulasOutsideExcel2016 } from "../support/nativeWorkbook";
import { buildTrueUp, randomTrueUpCase, trueUpDifferences } from "../support/trueUpWorkbook";
import { issueCases } from "../support/trueUpCases";
import { SHEET, columnLetter } from "../../src/workbook/index";

/**
 * The JW True-up and JW Outturn sheets compute rule 15 with built-in formulas alone, equal to
 * src/core/trueUp.ts to the penny, in HyperFormula (with Excel's ROUND). LibreOffice:
 * test/engine/libreOfficeTrueUp.test.ts.
 */
describe("native formulas: the true-up sheet equals the core, in HyperFormula", () => {
  it("no formula calls a JW function or anything Excel 2016 or LibreOffice 7.4 lacks", () => {
    const c = randomTrueUpCase(3, 40, { councils: 4 });
    assert.deepEqual(formulasOutsideExcel2016(buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance).plan), []);
  });

  for (const c of issueCases()) {
    it(c.name, () => {
      const b = buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance);
      const hf = planInHyperFormula(b.plan);
      const read = (sheet: string, a1: string) => valueAt(hf, sheet, a1);
      assert.deepEqual(trueUpDifferences(read, b).lines, []);
      c.check(b, read);
      hf.destroy();
    });
  }

  it("the tolerance is read from the Method sheet: change it and the adjustments follow", () => {
    const c = issueCases()[1];
    const b = buildTrueUp(c.partnership, c.posts, c.outturns, 0.03);
    const hf = planInHyperFormula(b.plan);
    const status = `${columnLetter(b.layout.status)}${b.layout.firstDataRow}`;
    assert.equal(valueAt(hf, SHEET.trueUp, status), "Adjust");
    const at = hf.getNamedExpressionValue("JW_TrueUpTolerance");
    assert.equal(at, 0.03);
    const method = hf.getSheetId(SHEET.method)!;
    const address = hf.simpleCellAddressFromString(String(hf.getNamedExpression("JW_TrueUpTolerance")!.expression).replace(/^=.*!/, "").replace(/\$/g, ""), method)!;
    hf.setCellContents(address, [[0.06]]);
    assert.equal(valueAt(hf, SHEET.trueUp, status), "Within tolerance");
    hf.destroy();
  });

  it("random partnerships with re-based posts, outturns at and around the tolerance, unmatched rows: 0 differences", function () {
    this.timeout(240_000);
    const all: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const c = randomTrueUpCase(seed * 104729, 60);
      const b = buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance);
      const hf = planInHyperFormula(b.plan);
      const r = trueUpDifferences((sheet, a1) => valueAt(hf, sheet, a1), b);
      compared += r.compared;
      all.push(...r.lines.slice(0, 5).map((l) => `seed ${seed * 104729}: ${l}`));
      hf.destroy();
    }
    assert.deepEqual(all, []);
    assert.ok(compared > 5000, `compared ${compared}`);
  });
});
