import assert from "node:assert/strict";
import fc from "fast-check";
import { assumedBaselinesPence, jointSavings, savingsPence } from "../../../src/core/savings";
import { splitPence } from "../../../src/core/split";
import { shareWeights } from "../../../src/core/shares";
import { assertRuleError } from "./helpers";

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("core/savings: baseline minus share (rule 6)", () => {
  it("baselines 200,000 and 150,000, joint cost 250,000 by 0.5 → 75,000.00 · 25,000.00", () => {
    assert.deepEqual(jointSavings([200000, 150000], 250000, [0.5]), [75000, 25000]);
    assert.deepEqual(jointSavings([200000, 150000], 250000, [1, 1]), [75000, 25000]);
  });

  it("subtracts each authority's split part, to the penny", () => {
    // 100 by 1, 1, 1 is 33.34 · 33.33 · 33.33.
    assert.deepEqual(jointSavings([50, 50, 50], 100, [1, 1, 1]), [16.66, 16.67, 16.67]);
    assert.deepEqual(jointSavings([0, 0], 253978.78, [61, 39]), [-154927.06, -99051.72]);
    // Baselines are rounded to pence (Excel-like) before subtracting.
    assert.deepEqual(jointSavings([1.005, 0], 0, [0.5]), [1.01, 0]);
  });

  it("can be negative: an authority paying more than it would alone is worse off", () => {
    assert.deepEqual(jointSavings([50000, 200000], 200000, [0.6]), [-70000, 120000]);
  });

  describe("default baselines (no baseline given)", () => {
    it("takes each authority with a share to have needed its own post at the joint cost", () => {
      assert.deepEqual(assumedBaselinesPence(25_397_878, shareWeights([0.5])), [25_397_878, 25_397_878]);
      assert.deepEqual(assumedBaselinesPence(10_000, [1, 1, 1]), [10_000, 10_000, 10_000]);
    });

    it("gives an authority with a zero share a baseline of 0", () => {
      assert.deepEqual(assumedBaselinesPence(10_000, [0, 1, 1]), [0, 10_000, 10_000]);
      assert.deepEqual(assumedBaselinesPence(10_000, shareWeights([1])), [10_000, 0]);
      assert.deepEqual(assumedBaselinesPence(10_000, shareWeights([0])), [0, 10_000]);
    });

    it("so partners sharing one post save one post fewer than they are", () => {
      const cost = 25_397_878; // the Chief Executive, 2019/20
      const two = shareWeights([0.5]);
      assert.deepEqual(savingsPence(assumedBaselinesPence(cost, two), cost, two), [12_698_939, 12_698_939]);
      const three = [1, 1, 1];
      const s3 = savingsPence(assumedBaselinesPence(10_000, three), 10_000, three);
      assert.deepEqual(s3, [6_666, 6_667, 6_667]);
      assert.equal(sum(s3), 2 * 10_000);
      // A zero-share authority neither pays nor saves.
      const s = savingsPence(assumedBaselinesPence(10_000, [0, 61, 39]), 10_000, [0, 61, 39]);
      assert.deepEqual(s, [0, 3_900, 6_100]);
    });

    it("a single post (one authority 100%) saves nothing (rules 1 and 6)", () => {
      const w = shareWeights([1]);
      assert.deepEqual(savingsPence(assumedBaselinesPence(19_000_000, w), 19_000_000, w), [0, 0]);
      assert.deepEqual(savingsPence(assumedBaselinesPence(19_000_000, [0, 0, 5]), 19_000_000, [0, 0, 5]), [0, 0, 0]);
    });

    it("total saving is (authorities with a share − 1) × the joint cost, and none is negative (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1e11 }),
          fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
          (cost, w) => {
            const s = savingsPence(assumedBaselinesPence(cost, w), cost, w);
            const sharing = w.filter((x) => x > 0).length;
            assert.equal(sum(s), (sharing - 1) * cost);
            for (let i = 0; i < w.length; i++) {
              assert.ok(s[i] >= 0);
              if (w[i] === 0) assert.equal(s[i], 0);
            }
          },
        ),
        { numRuns: 2000 },
      );
    });
  });

  it("saving + part = baseline for every authority (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e10, max: 1e10 }), { minLength: 2, maxLength: 6 }),
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 6, maxLength: 6 }),
        (baselines, cost, raw) => {
          const w = raw.slice(0, baselines.length);
          fc.pre(w.some((x) => x > 0));
          const s = savingsPence(baselines, cost, w);
          const parts = splitPence(cost, w);
          for (let i = 0; i < w.length; i++) assert.equal(s[i] + parts[i], baselines[i]);
          assert.equal(sum(baselines) - sum(s), cost);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("refuses baselines that do not match the authorities, one to one", () => {
    assertRuleError(() => jointSavings([200000], 250000, [0.5]), "invalid", /baselines has 1/, /shares has 2/);
    assertRuleError(() => jointSavings([1, 2, 3], 250000, [0.5]), "invalid", /3 values/);
    assertRuleError(() => savingsPence([1, 2], 100, [1, 1, 1]), "invalid", /one baseline per authority/);
    assertRuleError(() => jointSavings([], 250000, [1, 1]), "invalid");
  });

  it("refuses a baseline that is not a number, naming which", () => {
    assertRuleError(() => jointSavings([200000, NaN], 250000, [0.5]), "invalid", /value 2/);
    assertRuleError(() => jointSavings([Infinity, 1], 250000, [0.5]), "invalid", /value 1/);
  });

  it("refuses bad shares as the split does", () => {
    assertRuleError(() => jointSavings([1, 1], 100, [50]), "invalid", /0\.5/);
    assertRuleError(() => jointSavings([1, 1], 100, [0, 0]), "invalid");
  });
});
