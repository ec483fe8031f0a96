import assert from "node:assert/strict";
import fc from "fast-check";
import {
  BENEFIT_KINDS,
  benefitPartsPence,
  benefitThisYearPence,
  benefitTotals,
  noPartnerWorseOffWithBenefits,
  totalBenefitPence,
  type BenefitTerms,
} from "../../../src/core/benefits";
import { parseFinancialYear } from "../../../src/core/financialYear";
import { serialFromDate } from "../../../src/core/dates";
import { proRataPence } from "../../../src/core/proRata";
import { splitPence } from "../../../src/core/split";

const y1920 = parseFinancialYear("2019/20");

describe("core/benefits: other benefits (rule 12)", () => {
  it("the seeds' £20k emergency-planning cost avoidance falls 100% to CDC", () => {
    const b: BenefitTerms = { annualPence: 2_000_000, weights: [0, 1], cashable: false };
    assert.deepEqual(benefitPartsPence(b, y1920), [0, 2_000_000]);
    const totals = benefitTotals([b], y1920, 2);
    assert.deepEqual(totals.otherBenefits, [0, 2_000_000]);
    assert.deepEqual(totals.cashableBenefits, [0, 0]);
  });

  it("a joint procurement saving split 60/40 to the penny", () => {
    const b: BenefitTerms = { annualPence: 3_333_333, weights: [0.6, 0.4], cashable: true };
    const parts = benefitPartsPence(b, y1920);
    assert.deepEqual(parts, [2_000_000, 1_333_333]);
    assert.equal(parts[0] + parts[1], 3_333_333);
    // Odd pence go to the largest remainder: 10.01 at 60/40 is 6.006 and 4.004 → 6.01, 4.00.
    assert.deepEqual(benefitPartsPence({ annualPence: 1001, weights: [0.6, 0.4], cashable: true }, y1920), [601, 400]);
  });

  it("a benefit starting mid-year counts pro rata by days: £100,000 from 1 Oct 2019 is £50,000 (183 of 366 days)", () => {
    const b: BenefitTerms = { annualPence: 10_000_000, weights: [0.5, 0.5], start: serialFromDate(2019, 10, 1), cashable: true };
    assert.equal(benefitThisYearPence(b, y1920), 5_000_000);
    assert.deepEqual(benefitPartsPence(b, y1920), [2_500_000, 2_500_000]);
    // An end date too: 1 Oct to 31 Dec 2019 is 92 days.
    assert.equal(benefitThisYearPence({ ...b, end: serialFromDate(2019, 12, 31) }, y1920), Math.round((10_000_000 * 92) / 366));
  });

  it("a benefit that misses the year counts zero; an end before the start is an error", () => {
    assert.equal(benefitThisYearPence({ annualPence: 100_000, weights: [1, 0], start: serialFromDate(2021, 1, 1), cashable: true }, y1920), 0);
    assert.throws(() => benefitThisYearPence({ annualPence: 100_000, weights: [1, 0], start: serialFromDate(2019, 10, 1), end: serialFromDate(2019, 9, 1), cashable: true }, y1920), /end is before start/);
  });

  it("total benefit is the post saving plus other benefits; Principle 3 counts only cashable benefits", () => {
    assert.equal(totalBenefitPence(31_400_000, 2_000_000), 33_400_000);
    // CDC's post saving is −£1,000; £20k of non-cashable avoidance does not rescue it, £1,000 cashable does.
    assert.equal(noPartnerWorseOffWithBenefits([5_000_000, -100_000], [0, 0]), false);
    assert.equal(noPartnerWorseOffWithBenefits([5_000_000, -100_000], [0, 100_000]), true);
    const totals = benefitTotals(
      [
        { annualPence: 2_000_000, weights: [0, 1], cashable: false },
        { annualPence: 100_000, weights: [0, 1], cashable: true },
      ],
      y1920,
      2,
    );
    assert.deepEqual(totals, { otherBenefits: [0, 2_100_000], cashableBenefits: [0, 100_000] });
  });

  it("the kinds are the review's seven", () => {
    assert.deepEqual([...BENEFIT_KINDS], ["service provision", "cost avoidance", "joint procurement", "process efficiency", "property", "income", "other"]);
  });

  it("property: each council's part is the split of the pro-rated amount, adding back to it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (pence, weights, from, length) => {
          const start = y1920.first - 20 + from;
          const b: BenefitTerms = { annualPence: pence, weights, start, end: start + length, cashable: true };
          const thisYear = proRataPence(pence, y1920, { start, end: start + length });
          const parts = benefitPartsPence(b, y1920);
          assert.deepEqual(parts, splitPence(thisYear, weights));
          assert.equal(parts.reduce((a, x) => a + x, 0), thisYear);
        },
      ),
    );
  });
});
