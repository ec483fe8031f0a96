import assert from "node:assert/strict";
import fc from "fast-check";
import { checkPeriods, periodsPence, rechargeSchedule, rechargeSchedulePence } from "../../../src/core/recharge";
import { splitPence } from "../../../src/core/split";
import { assertRuleError } from "./helpers";

const column = (rows: number[][], a: number) => rows.map((r) => r[a]);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("core/recharge: the home authority invoices its partners (rule 8)", () => {
  it("100,000 by 0.5, home OCC, quarterly: CDC pays 12,500.00 a quarter", () => {
    assert.deepEqual(rechargeSchedule(100000, [0.5], 1, 4), [
      [0, 12500],
      [0, 12500],
      [0, 12500],
      [0, 12500],
    ]);
  });

  it("100,000 by 0.5, home OCC, monthly (the default): 4,166.66 a month, 4,166.74 in the twelfth", () => {
    const rows = rechargeSchedule(100000, [0.5], 1);
    assert.equal(rows.length, 12);
    for (let m = 0; m < 11; m++) assert.deepEqual(rows[m], [0, 4166.66]);
    assert.deepEqual(rows[11], [0, 4166.74]);
    assert.equal(sum(column(rows, 1).map((x) => Math.round(x * 100))), 5_000_000);
    assert.deepEqual(rechargeSchedule(100000, [0.5], 1, 12), rows);
  });

  it("annual: one period holding each partner's whole share", () => {
    assert.deepEqual(rechargeSchedule(100000, [0.5], 1, 1), [[0, 50000]]);
    assert.deepEqual(rechargeSchedule(190000, [61, 39], 2, 1), [[115900, 0]]);
  });

  it("keeps the home authority's own column at zero, wherever home is", () => {
    assert.deepEqual(rechargeSchedule(100000, [0.5], 2, 4), [
      [12500, 0],
      [12500, 0],
      [12500, 0],
      [12500, 0],
    ]);
    const rows = rechargeSchedulePence(1_000_000, [1, 1, 1], 1, 12);
    for (const r of rows) assert.equal(r[1], 0);
  });

  it("schedules three authorities: 100 by 1, 1, 1 with home 1, monthly", () => {
    // Parts 33.34 · 33.33 · 33.33; 3333p over 12 is 277p × 11 and 286p in the twelfth.
    const rows = rechargeSchedulePence(10_000, [1, 1, 1], 0, 12);
    for (let m = 0; m < 11; m++) assert.deepEqual(rows[m], [0, 277, 277]);
    assert.deepEqual(rows[11], [0, 286, 286]);
    // Home 3, quarterly: 33.34 → 8.33 × 3 + 8.35; 33.33 → 8.33 × 3 + 8.34.
    assert.deepEqual(rechargeSchedule(100, [1, 1, 1], 3, 4), [
      [8.33, 8.33, 0],
      [8.33, 8.33, 0],
      [8.33, 8.33, 0],
      [8.35, 8.34, 0],
    ]);
  });

  it("spreads a share smaller than the periods: pennies only in the last period", () => {
    assert.deepEqual(periodsPence(5, 12), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
    assert.deepEqual(periodsPence(0, 4), [0, 0, 0, 0]);
    assert.deepEqual(periodsPence(12, 12), new Array(12).fill(1));
  });

  it("mirrors a negative share (a credit), with no minus zeros", () => {
    assert.deepEqual(periodsPence(-5_000_000, 12), [...new Array(11).fill(-416_666), -416_674]);
    assert.deepEqual(periodsPence(-5, 4), [-1, -1, -1, -2]);
    const p = periodsPence(-5, 12);
    assert.deepEqual(p, [...new Array(11).fill(0), -5]);
    assert.ok(p.slice(0, 11).every((x) => Object.is(x, 0)));
    assert.deepEqual(rechargeSchedule(-100000, [0.5], 1, 4), new Array(4).fill([0, -12500]));
  });

  it("rounds the amount to pence first, as Excel's ROUND would", () => {
    assert.deepEqual(rechargeSchedule(1.005, [0], 1, 1), [[0, 1.01]]);
  });

  describe("properties", () => {
    const amounts = fc.integer({ min: -1e11, max: 1e11 });
    const weights = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 6 }).filter((w) => w.some((x) => x > 0));
    const periods = fc.oneof(fc.constantFrom(1, 4, 12), fc.integer({ min: 1, max: 60 }));

    it("each partner's periods add up to its share exactly; the home column is zero", () => {
      fc.assert(
        fc.property(amounts, weights, fc.nat(), periods, (amount, w, h, n) => {
          const home = h % w.length;
          const rows = rechargeSchedulePence(amount, w, home, n);
          const parts = splitPence(amount, w);
          assert.equal(rows.length, n);
          for (const r of rows) assert.equal(r.length, w.length);
          for (let a = 0; a < w.length; a++) {
            const col = column(rows, a);
            if (a === home) assert.ok(col.every((x) => x === 0));
            else assert.equal(sum(col), parts[a]);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it("every period but the last is the share over the periods rounded down to the penny; the last takes the rest", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e12 }), periods, (share, n) => {
          const p = periodsPence(share, n);
          const each = Math.floor(share / n);
          for (let i = 0; i < n - 1; i++) assert.equal(p[i], each);
          assert.equal(p[n - 1], share - each * (n - 1));
          assert.ok(p[n - 1] >= each && p[n - 1] - each < n);
          assert.equal(sum(p), share);
          assert.deepEqual(periodsPence(-share, n).map((x) => -x + 0), p);
        }),
        { numRuns: 2000 },
      );
    });

    it("in pounds, matches the schedule in pence", () => {
      fc.assert(
        fc.property(amounts, weights, fc.nat(), periods, (amount, w, h, n) => {
          const home = h % w.length;
          const pounds = rechargeSchedule(amount / 100, w, home + 1, n);
          const pence = rechargeSchedulePence(amount, w, home, n);
          assert.deepEqual(pounds, pence.map((r) => r.map((x) => x / 100)));
        }),
        { numRuns: 500 },
      );
    });
  });

  describe("refuses", () => {
    it("home out of range (1-based), naming the range", () => {
      assertRuleError(() => rechargeSchedule(100000, [0.5], 0), "invalid", /home is 0/, /1 to 2/);
      assertRuleError(() => rechargeSchedule(100000, [0.5], 3), "invalid", /home is 3/, /1 to 2/);
      assertRuleError(() => rechargeSchedule(100000, [1, 1, 1], 4), "invalid", /1 to 3/);
      assertRuleError(() => rechargeSchedule(100000, [0.5], 1.5), "invalid", /home/);
      assertRuleError(() => rechargeSchedule(100000, [0.5], NaN), "invalid", /home/);
      assertRuleError(() => rechargeSchedulePence(100, [1, 1], -1), "invalid", /home/);
    });

    it("periods that are not a whole number of 1 or more", () => {
      for (const n of [0, 2.5, -1, -12, NaN, Infinity]) {
        assertRuleError(() => rechargeSchedule(100000, [0.5], 1, n), "invalid", /periods/, /whole number of 1 or more/);
        assertRuleError(() => checkPeriods(n), "invalid", /periods/);
      }
      assert.equal(checkPeriods(1), 1);
      assert.equal(checkPeriods(12), 12);
    });

    it("bad shares, as the split does", () => {
      assertRuleError(() => rechargeSchedule(100000, [50], 1), "invalid", /0\.5/);
      assertRuleError(() => rechargeSchedule(100000, [], 1), "invalid", /empty/);
    });
  });
});
