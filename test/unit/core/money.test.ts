import assert from "node:assert/strict";
import fc from "fast-check";
import { roundMoney, sumPence, toPence, toPounds } from "../../../src/core/money";
import { roundHalfAway } from "./helpers";

describe("core/money: Excel-like rounding to the penny (rule 3)", () => {
  it("rounds halves away from zero as Excel's ROUND(x, 2) does, despite binary error", () => {
    // Each of these doubles lies just below the half: a naive Math.round(x * 100) gets them wrong.
    assert.equal(roundMoney(1.005), 1.01);
    assert.equal(roundMoney(-1.005), -1.01);
    assert.equal(roundMoney(0.285), 0.29);
    assert.equal(roundMoney(-0.285), -0.29);
    assert.equal(roundMoney(2.675), 2.68);
    assert.equal(roundMoney(1.015), 1.02);
    assert.equal(roundMoney(8.345), 8.35);
    assert.equal(roundMoney(0.005), 0.01);
    assert.equal(roundMoney(-0.005), -0.01);
    assert.equal(roundMoney(0.125), 0.13);
    assert.equal(roundMoney(-2.5), -2.5);
    assert.equal(toPence(1.005), 101);
    assert.equal(toPence(-1.005), -101);
  });

  it("rounds ordinary values to the nearest penny", () => {
    assert.equal(roundMoney(25028.784), 25028.78);
    assert.equal(roundMoney(49863.0137), 49863.01);
    assert.equal(roundMoney(1.004), 1);
    assert.equal(roundMoney(1.0049999999), 1);
    assert.equal(roundMoney(1.006), 1.01);
    assert.equal(roundMoney(-1.006), -1.01);
    assert.equal(roundMoney(0.004), 0);
    assert.equal(roundMoney(1 / 3), 0.33);
    assert.equal(roundMoney(2 / 3), 0.67);
  });

  it("gives zero, never minus zero, for amounts that round to nothing", () => {
    assert.ok(Object.is(toPence(-0.004), 0));
    assert.ok(Object.is(toPence(-0), 0));
    assert.ok(Object.is(toPence(0), 0));
  });

  it("rounds large amounts half away from zero too", () => {
    assert.equal(toPence(123456789.125), 12345678913);
    assert.equal(toPence(-123456789.125), -12345678913);
    assert.equal(toPence(99999999.995), 10000000000);
    assert.equal(toPence(1234567.895), 123456790);
    assert.equal(toPence(3000000.005), 300000001);
    // 10000001.075 × 100 is 1000000107.4999999 in binary: still a half to Excel.
    assert.equal(toPence(10000001.075), 1000000108);
    assert.equal(toPence(-10000001.075), -1000000108);
    assert.equal(toPence(10000000001.005), 1000000000101);
    assert.equal(toPence(1e12), 1e14);
    assert.equal(toPence(190000), 19000000);
  });

  it("leaves values already in pence unchanged (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (pence) => {
        assert.equal(toPence(pence / 100), pence === 0 ? 0 : pence);
        assert.equal(roundMoney(pence / 100), pence / 100);
      }),
      { numRuns: 2000 },
    );
  });

  it("matches exact decimal rounding of a 3-decimal amount written as text (property)", () => {
    // Any amount with up to 15 significant digits, as Excel holds it: round its decimal value.
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (mills) => {
        const neg = mills < 0n;
        const a = neg ? -mills : mills;
        const text = `${neg ? "-" : ""}${a / 1000n}.${String(a % 1000n).padStart(3, "0")}`;
        const expected = Number(roundHalfAway(mills, 10n));
        assert.equal(toPence(Number(text)), expected === 0 ? 0 : expected, text);
      }),
      { numRuns: 5000 },
    );
  });

  it("rounds every half-penny amount away from zero (property, up to £1e11)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.boolean(), (pence, negative) => {
        const text = `${negative ? "-" : ""}${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}5`;
        const expected = pence + 1;
        assert.equal(toPence(Number(text)), negative ? -expected : expected, text);
      }),
      { numRuns: 5000 },
    );
  });

  it("is odd: toPence(-x) is -toPence(x) (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (x) => {
        const a = toPence(x);
        const b = toPence(-x);
        assert.equal(a + b, 0);
        assert.ok(Number.isInteger(a));
        // Within half a penny, give or take what Excel's 15 significant digits hide.
        assert.ok(Math.abs(a - x * 100) <= 0.5 + 1e-6 + Math.abs(x) * 1e-12, `${x} → ${a}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("converts and sums pence exactly", () => {
    assert.equal(toPounds(101), 1.01);
    assert.equal(toPounds(-3334), -33.34);
    assert.equal(sumPence([3334, 3333, 3333]), 10000);
    assert.equal(sumPence([]), 0);
    // The same sum in pounds drifts in binary; in pence it does not.
    assert.notEqual(0.1 + 0.2, 0.3);
    assert.equal(sumPence([10, 20]), 30);
  });
});
