import assert from "node:assert/strict";
import { awardFor, checkAwards, checkProjectionYears, financialYear, grow, niForProjectedYear, projectedAmounts, projectionYears } from "../../../src/core/index";

describe("core: the projection's rules (rule 14)", () => {
  it("grows an amount by each year's award, rounded to the penny every year", () => {
    assert.equal(grow(100000, 0.02), 102000);
    // 117,912 × 1.025 = 120,859.80; × 1.025 = 123,881.295, which rounds half up to 123,881.30.
    assert.deepEqual(projectedAmounts(117912, [0.025], 3), [117912, 120859.8, 123881.3]);
    assert.deepEqual(projectedAmounts(50000, [0.02, 0.03, 0], 4), [50000, 51000, 52530, 52530]);
    assert.deepEqual(projectedAmounts(1234.5, [], 3), [1234.5, 1234.5, 1234.5]);
  });

  it("the first year's award is never applied; the last award given repeats", () => {
    assert.equal(awardFor([0.02, 0.03], 0), 0);
    assert.equal(awardFor([0.02, 0.03], 1), 0.02);
    assert.equal(awardFor([0.02, 0.03], 2), 0.03);
    assert.equal(awardFor([0.02, 0.03], 5), 0.03);
    assert.equal(awardFor([], 3), 0);
  });

  it("NI by each year's tax year; past the table the latest known figures, marked", () => {
    assert.deepEqual(niForProjectedYear(financialYear(2022)), { figures: { threshold: 9100, rate: 0.1453 }, assumedFrom: null });
    assert.deepEqual(niForProjectedYear(financialYear(2029)), { figures: { threshold: 5000, rate: 0.15 }, assumedFrom: "2026/27" });
    assert.throws(() => niForProjectedYear(financialYear(2010)), /years known are 2017\/18 to 2026\/27/);
    assert.deepEqual(projectionYears(financialYear(2019), 3).map((y) => y.label), ["2019/20", "2020/21", "2021/22"]);
  });

  it("refuses a negative award, an award given as a percentage number, and more than 10 years", () => {
    assert.throws(() => checkAwards([0.02, -0.01]), /value 2\) is -0.01: a pay award cannot be negative/);
    assert.throws(() => checkAwards([2]), /2% is 0.02, not 2/);
    assert.throws(() => checkProjectionYears(11), /years 11 is above 10/);
    assert.throws(() => checkProjectionYears(0), /whole number from 1 to 10/);
    assert.equal(checkProjectionYears(10), 10);
  });
});
