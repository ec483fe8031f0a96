import assert from "node:assert/strict";
import { DetailedCellError } from "hyperformula";
import { buildWorkbook } from "../support/jwHyperFormula";

/** A small costing workbook: the JW functions in a real spreadsheet engine, spilling and by part. */
describe("JW functions in a real spreadsheet engine (HyperFormula)", () => {
  const sheet = [
    // A: labels, B: values, C..E: shares / spills
    ["Salary", 190000, 0.5],                                            // row 1; C1 fraction
    ["Year", "2019/20", 60, 40],                                         // row 2; C2:D2 weights
    ["Pension", 0.2],                                                    // row 3
    ["Annual cost", "=JW.EMPLOYMENTCOST(B1,B2,B3)"],                     // row 4
    ["Start", 43739],                                                    // row 5 (1 Oct 2019)
    ["This year", "=JW.PRORATA(B4,B2,B5)"],                              // row 6
    ["Split", "=JW.SPLITCOST(B6,C1)"],                                   // row 7: spills into B7:C7
    ["Split 60:40", "=JW.SPLITCOST(B6,C2:D2)"],                          // row 8: spills into B8:C8
    ["Part 2", "=JW.SPLITCOST(B6,C2:D2,2)"],                             // row 9
    ["Baselines", 150000, 100000],                                       // row 10
    ["Savings", "=JW.JOINTSAVING(B10:C10,B6,C2:D2)"],                    // row 11: spills B11:C11
    ["No worse", "=JW.NOWORSE(B11:C11)"],                                // row 12
    ["Pay vote", "=JW.PAYVOTE(B1)"],                                     // row 13
    ["Payback", "=JW.PAYBACK(10000,B11)"],                               // row 14
    ["Bad share", "=JW.SPLITCOST(100,50)"],                              // row 15
    ["Bad year", "=JW.EMPLOYMENTCOST(B1,\"2031/32\",B3)"],              // row 16
    ["Recharge", "=JW.RECHARGE(100000,C1,1,4)"],                         // rows 17-20, B:C
    [],
    [],
    [],
    ["Total of split", "=SUM(B7:C7)"],                                   // row 21
    ["Shares col", "=JW.SHARES(F1:F3)"],                                 // rows 22-24 in B
  ];
  sheet[0][5] = 1; // F1:F3 weights 1,2,1
  sheet[1][5] = 2;
  sheet[2][5] = 1;

  const hf = buildWorkbook({ Costing: sheet });
  const id = hf.getSheetId("Costing")!;
  const at = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, id)!);

  it("costs a post and pro-rates it", () => {
    assert.equal(at("B4"), 253978.78);
    // 253,978.78 × 183 / 366
    assert.equal(at("B6"), 126989.39);
  });

  it("spills a split across the row and adds back to the penny", () => {
    assert.equal(at("B7"), 63494.70);
    assert.equal(at("C7"), 63494.69);
    assert.equal(at("B21"), 126989.39);
    assert.equal(at("B8"), 76193.63);
    assert.equal(at("C8"), 50795.76);
    assert.equal(at("B9"), 50795.76);
  });

  it("spills savings and checks no partner is worse off", () => {
    assert.equal(at("B11"), 150000 - 76193.63);
    assert.equal(at("C11"), 100000 - 50795.76);
    assert.equal(at("B12"), true);
    assert.equal(at("B13"), true);
    assert.ok(Math.abs((at("B14") as number) - 10000 / (150000 - 76193.63)) < 1e-12);
  });

  it("spills a recharge schedule down and a column of shares down", () => {
    for (const row of [17, 18, 19, 20]) {
      assert.equal(at(`B${row}`), 0);
      assert.equal(at(`C${row}`), 12500);
    }
    assert.equal(at("B22"), 0.25);
    assert.equal(at("B23"), 0.5);
    assert.equal(at("B24"), 0.25);
  });

  it("shows errors with their messages", () => {
    const bad = at("B15");
    assert.ok(bad instanceof DetailedCellError);
    assert.equal(bad.value, "#VALUE!");
    assert.match(bad.message, /shares.*0\.5/);
    const year = at("B16");
    assert.ok(year instanceof DetailedCellError);
    assert.equal(year.value, "#N/A");
    assert.match(year.message, /2017\/18 to 2026\/27/);
  });

  it("recalculates when an input changes", () => {
    hf.setCellContents(hf.simpleCellAddressFromString("B1", id)!, [[100000]]);
    assert.equal(at("B13"), true);
    hf.setCellContents(hf.simpleCellAddressFromString("B1", id)!, [[90000]]);
    assert.equal(at("B13"), false);
    assert.equal((at("B7") as number) + (at("C7") as number), at("B6"));
  });
});
