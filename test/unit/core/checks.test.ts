import assert from "node:assert/strict";
import fc from "fast-check";
import { PAY_VOTE_THRESHOLD, needsPayVote, noPartnerWorseOff, paybackYears } from "../../../src/core/checks";
import { splitCost } from "../../../src/core/split";
import { jointSavings } from "../../../src/core/savings";
import { assertRuleError } from "./helpers";

describe("core/checks: no partner worse off, pay vote, payback (rules 7, 9, 10)", () => {
  describe("no partner worse off (rule 7)", () => {
    it("passes savings or a neutral position", () => {
      assert.equal(noPartnerWorseOff([75000, 25000]), true);
      assert.equal(noPartnerWorseOff([0, 0]), true);
      assert.equal(noPartnerWorseOff([314000, 315000]), true);
      assert.equal(noPartnerWorseOff([-0, 5]), true);
    });

    it("fails when any saving is below zero, even by a penny", () => {
      assert.equal(noPartnerWorseOff([75000, -0.01]), false);
      assert.equal(noPartnerWorseOff([-70000, 120000]), false);
      assert.equal(noPartnerWorseOff(jointSavings([50000, 200000], 200000, [0.6])), false);
    });

    it("allows a shortfall up to the tolerance, not beyond", () => {
      assert.equal(noPartnerWorseOff([-100, 5000], 100), true);
      assert.equal(noPartnerWorseOff([-100.01, 5000], 100), false);
      assert.equal(noPartnerWorseOff([-0.01, 5], 0.01), true);
      assert.equal(noPartnerWorseOff([-0.02, 5], 0.01), false);
      assert.equal(noPartnerWorseOff([-0.01], 0), false);
    });

    it("passes an empty list (nothing is below zero)", () => {
      assert.equal(noPartnerWorseOff([]), true);
    });

    it("refuses a negative or non-finite tolerance", () => {
      assertRuleError(() => noPartnerWorseOff([1], -1), "invalid", /tolerance/);
      assertRuleError(() => noPartnerWorseOff([1], NaN), "invalid", /tolerance/);
      assertRuleError(() => noPartnerWorseOff([1], Infinity), "invalid", /tolerance/);
    });

    it("is true exactly when the smallest saving is at least −tolerance (property)", () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 1e6 }), (pence, tol) => {
          const savings = pence.map((p) => p / 100);
          assert.equal(noPartnerWorseOff(savings, tol / 100), Math.min(...pence) >= -tol);
        }),
      );
    });
  });

  describe("pay vote (rule 9)", () => {
    it("needs a vote at exactly £100,000 and above, not below", () => {
      assert.equal(PAY_VOTE_THRESHOLD, 100_000);
      assert.equal(needsPayVote(100000), true);
      assert.equal(needsPayVote(100000.01), true);
      assert.equal(needsPayVote(99999.99), false);
      assert.equal(needsPayVote(0), false);
      assert.equal(needsPayVote(190000), true);
    });

    it("tests the whole package of a £120,000 joint post, though neither council pays £100k", () => {
      const parts = splitCost(120000, [0.5]);
      assert.deepEqual(parts, [60000, 60000]);
      assert.ok(parts.every((p) => !needsPayVote(p)));
      assert.equal(needsPayVote(120000), true);
      // Corporate Director ranges from the seeds: the tops need the vote, the bottoms too.
      assert.equal(needsPayVote(117912), true);
      assert.equal(needsPayVote(144228), true);
    });

    it("takes another threshold", () => {
      assert.equal(needsPayVote(120000, 150000), false);
      assert.equal(needsPayVote(150000, 150000), true);
      assert.equal(needsPayVote(0, 0), true);
    });

    it("refuses a negative or non-finite salary or threshold", () => {
      assertRuleError(() => needsPayVote(-1), "invalid", /salary/);
      assertRuleError(() => needsPayVote(NaN), "invalid", /salary/);
      assertRuleError(() => needsPayVote(100000, -5), "invalid", /threshold/);
      assertRuleError(() => needsPayVote(100000, Infinity), "invalid", /threshold/);
    });
  });

  describe("payback (rule 10)", () => {
    it("is the one-off cost over the annual saving, in years", () => {
      assert.equal(paybackYears(30000, 20000), 1.5);
      assert.equal(paybackYears(0, 20000), 0);
      assert.equal(paybackYears(629000, 629000), 1);
      assert.equal(paybackYears(100, 3), 100 / 3);
    });

    it("refuses no positive saving: no payback", () => {
      assertRuleError(() => paybackYears(30000, 0), "invalid", /no positive saving/);
      assertRuleError(() => paybackYears(30000, -20000), "invalid", /no positive saving/);
      assertRuleError(() => paybackYears(30000, -0), "invalid", /no positive saving/);
      assertRuleError(() => paybackYears(30000, NaN), "invalid", /annualSaving/);
    });

    it("refuses a negative one-off cost and a payback too large to show", () => {
      assertRuleError(() => paybackYears(-1, 100), "invalid", /oneOffCost/);
      assertRuleError(() => paybackYears(Infinity, 100), "invalid", /oneOffCost/);
      assertRuleError(() => paybackYears(1e308, 1e-308), "invalid", /too large/);
    });

    it("is finite and non-negative, and saving × years gives back the cost (property)", () => {
      fc.assert(
        fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0.01, max: 1e12, noNaN: true }), (cost, saving) => {
          const years = paybackYears(cost, saving);
          assert.ok(Number.isFinite(years) && years >= 0);
          assert.ok(Math.abs(years * saving - cost) <= 1e-9 * Math.max(1, cost));
        }),
      );
    });
  });
});
