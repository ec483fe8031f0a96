import assert from "node:assert/strict";
import fc from "fast-check";
import { shareFractions, shareWeights } from "../../../src/core/shares";
import { assertRuleError } from "./helpers";

describe("core/shares: fractions and weights (rule 2)", () => {
  it("reads a single fraction s as the two-way split s, 1 − s", () => {
    assert.deepEqual(shareWeights([0.5]), [0.5, 0.5]);
    assert.deepEqual(shareWeights([0.61]), [0.61, 1 - 0.61]);
    assert.deepEqual(shareWeights([0]), [0, 1]);
    assert.deepEqual(shareWeights([1]), [1, 0]);
  });

  it("keeps several values as weights, one per authority", () => {
    assert.deepEqual(shareWeights([60, 40]), [60, 40]);
    assert.deepEqual(shareWeights([1, 1, 1]), [1, 1, 1]);
    assert.deepEqual(shareWeights([0, 5]), [0, 5]);
    assert.deepEqual(shareWeights([0.6, 0.4]), [0.6, 0.4]);
  });

  it("does not alter the caller's array", () => {
    const given = [60, 40];
    const w = shareWeights(given);
    w[0] = 1;
    assert.deepEqual(given, [60, 40]);
  });

  it("normalises weights by their sum, without rounding", () => {
    assert.deepEqual(shareFractions([60, 40]), [0.6, 0.4]);
    assert.deepEqual(shareFractions([61, 39]), [0.61, 0.39]);
    assert.deepEqual(shareFractions([0.5]), [0.5, 0.5]);
    assert.deepEqual(shareFractions([1, 1, 1, 1]), [0.25, 0.25, 0.25, 0.25]);
    assert.deepEqual(shareFractions([1, 1, 1]), [1 / 3, 1 / 3, 1 / 3]);
    assert.deepEqual(shareFractions([74, 26]), [0.74, 0.26]);
    assert.deepEqual(shareFractions([0, 3]), [0, 1]);
  });

  it("normalised fractions add up to 1 and keep the weights' proportions (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 12 }).filter((w) => w.some((x) => x > 0)), (w) => {
        const f = shareFractions(w);
        assert.equal(f.length, w.length);
        const sum = f.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - 1) < 1e-12, `sum ${sum}`);
        const total = w.reduce((a, b) => a + b, 0);
        for (let i = 0; i < w.length; i++) {
          assert.ok(f[i] >= 0 && f[i] <= 1);
          assert.ok(Math.abs(f[i] - w[i] / total) < 1e-15);
          if (w[i] === 0) assert.equal(f[i], 0);
        }
      }),
    );
  });

  it("a single fraction in [0, 1] is accepted and gives two weights adding to 1 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (s) => {
        const w = shareWeights([s]);
        assert.equal(w.length, 2);
        assert.equal(w[0], s);
        assert.equal(w[1], 1 - s);
      }),
    );
  });

  describe("refuses what rule 2 forbids, naming the argument", () => {
    it("a single fraction above 1, such as 50 for 50%", () => {
      assertRuleError(() => shareWeights([50]), "invalid", /shares/, /50/, /0\.5/);
      assertRuleError(() => shareWeights([1.0000001]), "invalid", /between 0 and 1/);
      assertRuleError(() => shareFractions([100]), "invalid");
    });

    it("a negative single fraction", () => {
      assertRuleError(() => shareWeights([-0.5]), "invalid", /between 0 and 1/);
    });

    it("a negative weight, naming which", () => {
      assertRuleError(() => shareWeights([60, -40]), "invalid", /weight 2/, /negative/);
      assertRuleError(() => shareWeights([-1, 1, 1]), "invalid", /weight 1/);
    });

    it("weights that add up to zero", () => {
      assertRuleError(() => shareWeights([0, 0]), "invalid", /add up to 0/);
      assertRuleError(() => shareWeights([0, 0, 0]), "invalid", /more than 0/);
    });

    it("NaN and Infinity, as a fraction or a weight", () => {
      assertRuleError(() => shareWeights([NaN]), "invalid", /shares/);
      assertRuleError(() => shareWeights([Infinity]), "invalid");
      assertRuleError(() => shareWeights([-Infinity]), "invalid");
      assertRuleError(() => shareWeights([1, NaN]), "invalid", /weight 2/, /finite/);
      assertRuleError(() => shareWeights([Infinity, 1]), "invalid", /weight 1/);
      assertRuleError(() => shareWeights([1, -Infinity]), "invalid", /weight 2/);
    });

    it("weights whose sum overflows", () => {
      assertRuleError(() => shareWeights([1e308, 1e308]), "invalid");
    });

    it("an empty list", () => {
      assertRuleError(() => shareWeights([]), "invalid", /empty/);
      assertRuleError(() => shareFractions([]), "invalid", /empty/);
    });

    it("uses the name it is given in the message", () => {
      assertRuleError(() => shareWeights([50], "split basis"), "invalid", /^split basis/);
    });

    it("any negative weight, whatever the others (property)", () => {
      fc.assert(
        fc.property(
          fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }),
          fc.double({ min: -1e6, max: -Number.MIN_VALUE, noNaN: true }),
          fc.nat(),
          (rest, negative, at) => {
            const w = rest.slice();
            w.splice(at % (rest.length + 1), 0, negative);
            assertRuleError(() => shareWeights(w), "invalid");
          },
        ),
      );
    });
  });
});
