import assert from "node:assert/strict";
import fc from "fast-check";
import { splitCost, splitPence } from "../../../src/core/split";
import { toPence } from "../../../src/core/money";
import { allFinite, assertRuleError, commonNumerators, pennyMoves, referenceSplit } from "./helpers";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Whole-pence amounts up to £1e13 (15 significant digits, Excel's precision). */
const pence = fc.integer({ min: -1e15, max: 1e15 });
/** Up to £1e11: doubles still resolve each part's share to well within a penny. */
const largePence = fc.integer({ min: -1e13, max: 1e13 });
const realisticPence = fc.integer({ min: -1e11, max: 1e11 }); // up to £1bn
/**
 * Up to £10m a part: remainders are compared at a millionth of a penny, which 15 significant
 * digits resolve up to here; beyond it, remainders closer than the 15th digit count as a tie
 * (the rule as the core and the written formulas both apply it).
 */
const postPence = fc.integer({ min: -1e9, max: 1e9 });
const intWeights = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 8 }).filter((w) => w.some((x) => x > 0));
/** Any weights rule 2 allows: finite, non-negative, positive finite sum. */
const anyWeights = fc
  .array(fc.double({ min: 0, max: 1e300, noNaN: true }), { minLength: 2, maxLength: 8 })
  .filter((w) => w.some((x) => x > 0) && Number.isFinite(sum(w)));
const smallishWeights = fc
  .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 8 })
  .filter((w) => w.some((x) => x > 0));

describe("core/split: the largest-remainder split (rule 3)", () => {
  describe("the spec's examples", () => {
    it("190,000 by 0.5 is 95,000.00 · 95,000.00", () => {
      assert.deepEqual(splitCost(190000, [0.5]), [95000, 95000]);
    });
    it("100 by 1, 1, 1 is 33.34 · 33.33 · 33.33", () => {
      assert.deepEqual(splitCost(100, [1, 1, 1]), [33.34, 33.33, 33.33]);
    });
    it("0.05 by 1, 1 is 0.03 · 0.02", () => {
      assert.deepEqual(splitCost(0.05, [1, 1]), [0.03, 0.02]);
    });
    it("−100 by 1, 1, 1 is −33.34 · −33.33 · −33.33", () => {
      assert.deepEqual(splitCost(-100, [1, 1, 1]), [-33.34, -33.33, -33.33]);
    });
  });

  describe("largest remainder specifics", () => {
    it("gives the leftover pence to the largest remainders, not the earliest", () => {
      // 100 by 1, 2: exact 33.333… and 66.666…; the penny goes to the second (remainder 2/3).
      assert.deepEqual(splitCost(100, [1, 2]), [33.33, 66.67]);
      // 1.00 by 1, 1, 4: exact 16.67p, 16.67p, 66.67p → floors 16, 16, 66; two pence left.
      assert.deepEqual(splitPence(100, [1, 1, 4]), [17, 17, 66]);
      // 10p by 3, 3, 4 → 3, 3, 4 exactly (no remainders at all).
      assert.deepEqual(splitPence(10, [3, 3, 4]), [3, 3, 4]);
      // 10p by 1, 1, 1, 1, 1, 1, 1 (7 ways): 1.428…p each → floors 1 each, 3 left to the first three.
      assert.deepEqual(splitPence(10, [1, 1, 1, 1, 1, 1, 1]), [2, 2, 2, 1, 1, 1, 1]);
    });

    it("breaks ties in favour of the earlier part", () => {
      assert.deepEqual(splitPence(1, [1, 1]), [1, 0]);
      assert.deepEqual(splitPence(2, [1, 1, 1]), [1, 1, 0]);
      assert.deepEqual(splitPence(5, [1, 1, 1, 1]), [2, 1, 1, 1]);
      assert.deepEqual(splitPence(1, [0, 1, 1]), [0, 1, 0]);
      // A tie reached through fractions with binary error: 0.1, 0.1 of 1p (0.1 + 0.1 sums cleanly, 0.3 does not).
      assert.deepEqual(splitPence(1, [0.3, 0.3]), [1, 0]);
      assert.deepEqual(splitPence(3, [0.1, 0.1, 0.1, 0.7]), [1, 0, 0, 2]);
      // 0.05 by 1, 1 is 0.03 · 0.02 (the spec's example): the earlier part takes the odd penny.
      assert.deepEqual(splitPence(5, [1, 1]), [3, 2]);
    });

    it("breaks exact ties to the earlier part even when binary error separates them", () => {
      // £609,712.88 by 57, 46, 42, 79, 12, 44: exact shares end in .2, .6, .2, .4, .2, .4 pence, so
      // two pence are left over: one to the .6, one to the first .4 (the fourth part), not the sixth.
      assert.deepEqual(splitPence(60971288, [57, 46, 42, 79, 12, 44]), [12412012, 10016712, 9145693, 17202614, 2613055, 9581202]);
      // £3,615,122.21 by 17, 18, 11, 17, 77: the first and fourth tie; the first takes the penny.
      assert.deepEqual(splitPence(361512221, [17, 18, 11, 17, 77]), [43897913, 46480143, 28404532, 43897912, 198831721]);
    });

    it("gives nothing to a zero weight, even when pence are left over", () => {
      assert.deepEqual(splitPence(1, [0, 1, 1]), [0, 1, 0]);
      assert.deepEqual(splitPence(100, [0, 1, 1, 1]), [0, 34, 33, 33]);
      assert.deepEqual(splitPence(7, [0, 0, 1]), [0, 0, 7]);
      assert.deepEqual(splitCost(100, [1, 0]), [100, 0]);
      assert.deepEqual(splitCost(100, [0]), [0, 100]);
      assert.deepEqual(splitCost(100, [1]), [100, 0]);
    });

    it("splits a negative amount as its absolute value, then negates (mirrored)", () => {
      assert.deepEqual(splitPence(-5, [1, 1]), [-3, -2]);
      assert.deepEqual(splitPence(-1, [0, 1, 1]), [0, -1, 0]);
      assert.deepEqual(splitCost(-0.05, [1, 1]), [-0.03, -0.02]);
      assert.deepEqual(splitCost(-190000, [0.5]), [-95000, -95000]);
      // No minus zero for the parts that get nothing.
      const parts = splitPence(-1, [1, 1, 1]);
      assert.ok(Object.is(parts[1], 0) && Object.is(parts[2], 0), String(parts));
    });

    it("splits zero into zeros", () => {
      assert.deepEqual(splitCost(0, [60, 40]), [0, 0]);
      assert.deepEqual(splitCost(0, [0.5]), [0, 0]);
    });

    it("rounds the amount to pence first (Excel-like), then splits", () => {
      assert.deepEqual(splitCost(1.005, [1]), [1.01, 0]);
      assert.deepEqual(splitCost(100.004, [1, 1, 1]), [33.34, 33.33, 33.33]);
      assert.deepEqual(splitCost(0.005, [1, 1]), [0.01, 0]);
    });

    it("handles the real splits: 61/39, 60/40, 74/26 and 82/18", () => {
      assert.deepEqual(splitCost(190000, [61, 39]), [115900, 74100]);
      assert.deepEqual(splitCost(190000, [0.61]), [115900, 74100]);
      assert.deepEqual(splitCost(253978.78, [60, 40]), [152387.27, 101591.51]);
      assert.deepEqual(splitCost(100000, [74, 26]), [74000, 26000]);
      assert.deepEqual(splitCost(100000, [0.82]), [82000, 18000]);
      assert.deepEqual(splitCost(1234.57, [0.82]), [1012.35, 222.22]);
    });

    it("accepts fractions that are not exact in binary as weights", () => {
      assert.deepEqual(splitCost(100, [0.1, 0.2, 0.7]), [10, 20, 70]);
      assert.deepEqual(splitCost(1, [0.1, 0.2, 0.7]), [0.1, 0.2, 0.7]);
      assert.deepEqual(splitCost(300, [0.1, 0.2]), [100, 200]);
    });

    it("stays finite with huge and tiny weights", () => {
      assert.deepEqual(splitPence(1e10, [1e299, 1e299]), [5e9, 5e9]);
      assert.deepEqual(splitPence(100, [1e300, 3e300]), [25, 75]);
      assert.deepEqual(splitPence(1000, [5e-324, 5e-324]), [500, 500]);
      assert.deepEqual(splitPence(1000, [1e-320, 3e-320]), [250, 750]);
    });

    it("adds back exactly at amounts up to Excel's 15 digits (£1e13)", () => {
      assert.deepEqual(splitPence(2e14 + 1, [1, 1]), [1e14 + 1, 1e14]);
      assert.equal(sum(splitPence(999_999_999_999_999, [1, 1, 1])), 999_999_999_999_999);
      assert.equal(sum(splitPence(1e15 - 1, [1, 2, 3, 4, 5, 6, 7])), 1e15 - 1);
    });

    it("refuses bad shares through splitCost", () => {
      assertRuleError(() => splitCost(100, [50]), "invalid", /0\.5/);
      assertRuleError(() => splitCost(100, []), "invalid", /empty/);
      assertRuleError(() => splitCost(100, [0, 0]), "invalid");
      assertRuleError(() => splitCost(100, [1, -1]), "invalid");
      assertRuleError(() => splitCost(100, [NaN, 1]), "invalid");
      assertRuleError(() => splitCost(100, [50], "basis"), "invalid", /^basis/);
    });
  });

  describe("properties", () => {
    it("a split always adds back exactly to the amount rounded to pence", () => {
      fc.assert(
        fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), smallishWeights, (amount, w) => {
          const parts = splitCost(amount, w);
          assert.equal(Math.round(sum(parts) * 100), toPence(amount));
          assert.equal(sum(splitPence(toPence(amount), w)), toPence(amount));
        }),
        { numRuns: 2000 },
      );
    });

    it("adds back exactly in pence for any weights and amounts up to £1e13", () => {
      fc.assert(
        fc.property(pence, anyWeights, (p, w) => {
          const parts = splitPence(p, w);
          assert.ok(allFinite(parts), String(parts));
          assert.ok(parts.every(Number.isInteger));
          assert.equal(sum(parts), p);
        }),
        { numRuns: 3000 },
      );
    });

    it("equals the exact largest-remainder split (BigInt) for whole-number weights, up to £10m, but where remainders are within a millionth of a penny", () => {
      // The rule compares remainders rounded to a millionth of a penny in doubles, as the written
      // formula does: parts of 8 or more whole pence carry errors of about 1e-8 pence, so two
      // remainders within a millionth (a true tie among them: about 3 splits in a million of
      // these) can be ordered by those errors. Any other difference from exact arithmetic fails.
      fc.assert(
        fc.property(postPence, intWeights, (p, w) => {
          const parts = splitPence(p, w);
          const moves = pennyMoves(p, w, parts);
          assert.ok(moves !== null, `not a penny moved between near ties: ${parts} vs ${referenceSplit(BigInt(p), w)}`);
          for (const m of moves) assert.ok(m.millionthsApart <= 1, `a penny moved from part ${m.from} to part ${m.to}, whose exact remainders are ${m.millionthsApart} millionths apart`);
        }),
        { numRuns: 5000 },
      );
    });

    it("gives a true tie between parts of hundreds of thousands of pounds to the earlier part (5/11 of a penny each)", () => {
      // Rounding the remainder from the share rounded to 15 digits broke this tie the wrong way.
      assert.deepEqual(splitPence(-382777806, [231, 496, 10, 585, 714, 450, 846, 23]), referenceSplit(-382777806n, [231, 496, 10, 585, 714, 450, 846, 23]).map(Number));
    });

    it("equals the exact largest-remainder split for small amounts and many tied weights", () => {
      fc.assert(
        fc.property(fc.integer({ min: -1000, max: 1000 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 12 }), (p, w) => {
          fc.pre(w.some((x) => x > 0));
          assert.deepEqual(
            splitPence(p, w).map((x) => x + 0),
            referenceSplit(BigInt(p), w).map((x) => Number(x) + 0),
          );
        }),
        { numRuns: 3000 },
      );
    });

    it("no part is more than a penny from its exact share (exact rational arithmetic)", () => {
      fc.assert(
        fc.property(largePence, fc.oneof(anyWeights, smallishWeights), (p, w) => {
          const parts = splitPence(p, w);
          const num = commonNumerators(w);
          const total = num.reduce((a, b) => a + b, 0n);
          for (let i = 0; i < w.length; i++) {
            // |part − p × w / Σw| ≤ 1  ⇔  |part × Σw − p × w| ≤ Σw
            const diff = BigInt(parts[i]) * total - BigInt(p) * num[i];
            assert.ok((diff < 0n ? -diff : diff) <= total, `part ${i + 1} of ${p} by ${w}: ${parts[i]}`);
            if (w[i] === 0) assert.equal(parts[i], 0);
            // The part lies between the exact share's floor and ceiling, on the amount's side of zero.
            assert.ok(p >= 0 ? parts[i] >= 0 : parts[i] <= 0);
          }
        }),
        { numRuns: 3000 },
      );
    });

    it("parts follow the weights: a larger weight never gets less, equal weights differ by at most a penny, earlier first", () => {
      fc.assert(
        fc.property(realisticPence, intWeights, (p, w) => {
          const parts = splitPence(Math.abs(p), w);
          for (let i = 0; i < w.length; i++) {
            for (let j = 0; j < w.length; j++) {
              if (w[i] > w[j]) assert.ok(parts[i] >= parts[j], `${w} → ${parts}`);
              if (w[i] === w[j] && i < j) {
                assert.ok(parts[i] - parts[j] === 0 || parts[i] - parts[j] === 1, `${w} → ${parts}`);
              }
            }
          }
        }),
        { numRuns: 3000 },
      );
    });

    it("equal weights give parts that differ by at most a penny, the extra pence to the earliest", () => {
      fc.assert(
        fc.property(realisticPence, fc.integer({ min: 1, max: 20 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (p, n, weight) => {
          const parts = splitPence(p, new Array<number>(n).fill(weight));
          const q = Math.trunc(p / n);
          const extra = Math.abs(p - q * n);
          const sign = p < 0 ? -1 : 1;
          for (let i = 0; i < n; i++) assert.equal(parts[i], q + (i < extra ? sign : 0));
        }),
        { numRuns: 2000 },
      );
    });

    it("a negative amount is the mirror of the positive one", () => {
      fc.assert(
        fc.property(pence, fc.oneof(anyWeights, smallishWeights), (p, w) => {
          const pos = splitPence(Math.abs(p), w);
          const neg = splitPence(-Math.abs(p), w);
          assert.deepEqual(neg.map((x) => -x + 0), pos.map((x) => x + 0));
        }),
        { numRuns: 2000 },
      );
    });

    it("never gives NaN or Infinity, and gives whole pence", () => {
      fc.assert(
        fc.property(fc.double({ min: -1e13, max: 1e13, noNaN: true }), fc.oneof(anyWeights, smallishWeights), (amount, w) => {
          const parts = splitCost(amount, w);
          assert.ok(allFinite(parts));
          for (const x of parts) assert.equal(x, Math.round(x * 100) / 100);
        }),
        { numRuns: 2000 },
      );
    });

    it("a fraction s splits exactly as the weights s, 1 − s", () => {
      fc.assert(
        fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (amount, s) => {
          assert.deepEqual(splitCost(amount, [s]), splitCost(amount, [s, 1 - s]));
        }),
        { numRuns: 2000 },
      );
    });

    it("a fraction s in hundredths splits as the whole-number weights 100s, 100 − 100s, up to £10m", () => {
      fc.assert(
        fc.property(postPence, fc.integer({ min: 0, max: 100 }), (p, percent) => {
          assert.deepEqual(
            splitCost(p / 100, [percent / 100]).map((x) => x + 0),
            splitCost(p / 100, [percent, 100 - percent]).map((x) => x + 0),
          );
        }),
        { numRuns: 2000 },
      );
    });

    it("scaling every weight by the same power of two changes nothing", () => {
      fc.assert(
        fc.property(realisticPence, intWeights, fc.integer({ min: -20, max: 20 }), (p, w, k) => {
          const scaled = w.map((x) => x * 2 ** k);
          assert.deepEqual(splitPence(p, scaled), splitPence(p, w));
        }),
      );
    });
  });
});
