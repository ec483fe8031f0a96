import assert from "node:assert/strict";
import fc from "fast-check";
import { daysCovered, proRataPence, yearFraction } from "../../../src/core/proRata";
import { financialYear, parseFinancialYear } from "../../../src/core/financialYear";
import { daysInMonth, serialFromDate } from "../../../src/core/dates";
import { assertRuleError, roundHalfAway } from "./helpers";

const fy = (y: string | number) => parseFinancialYear(y);
const d = serialFromDate;

describe("core/proRata: part years (rule 5)", () => {
  describe("the spec's examples", () => {
    it("100,000 for 2019/20 from 1 Oct 2019 is 50,000.00 (183 of 366 days)", () => {
      const period = { start: 43739 };
      assert.equal(proRataPence(10_000_000, fy("2019/20"), period), 5_000_000);
      assert.equal(daysCovered(fy("2019/20"), period), 183);
      assert.equal(fy("2019/20").days, 366);
    });
    it("100,000 for 2018/19 from 1 Oct 2018 is 49,863.01 (182 of 365 days)", () => {
      const period = { start: 43374 };
      assert.equal(proRataPence(10_000_000, fy("2018/19"), period), 4_986_301);
      assert.equal(daysCovered(fy("2018/19"), period), 182);
    });
    it("100,000 for 2018/19 from 1 Oct 2018, months basis, is 50,000.00", () => {
      assert.equal(proRataPence(10_000_000, fy("2018/19"), { start: 43374 }, "months"), 5_000_000);
      assert.equal(yearFraction(fy("2018/19"), { start: 43374 }, "months"), 0.5);
    });
    it("1 October to 31 March is exactly 6/12 on the months basis in any year", () => {
      for (let y = 2015; y <= 2030; y++) {
        assert.equal(yearFraction(financialYear(y), { start: d(y, 10, 1), end: d(y + 1, 3, 31) }, "months"), 0.5);
      }
    });
  });

  describe("days basis", () => {
    it("counts both ends inclusive", () => {
      const year = fy(2019);
      assert.equal(daysCovered(year, { start: d(2019, 4, 1), end: d(2019, 4, 1) }), 1);
      assert.equal(daysCovered(year, { start: d(2019, 4, 1), end: d(2019, 4, 30) }), 30);
      assert.equal(proRataPence(36_600, year, { start: d(2019, 4, 1), end: d(2019, 4, 1) }), 100); // £366 for one day of 366
    });

    it("counts 29 February in a leap financial year", () => {
      assert.equal(daysCovered(fy("2019/20"), { start: d(2020, 2, 1), end: d(2020, 2, 29) }), 29);
      assert.equal(daysCovered(fy("2023/24"), { start: d(2024, 2, 1), end: d(2024, 2, 29) }), 29);
      assert.equal(proRataPence(10_000_000, fy("2019/20"), { start: d(2020, 2, 29), end: d(2020, 2, 29) }), 27_322); // 273.2240… → 273.22
      assert.equal(proRataPence(10_000_000, fy("2018/19"), { start: d(2019, 3, 1), end: d(2019, 3, 31) }), 849_315); // 31/365 → 8,493.15
      assert.equal(proRataPence(10_000_000, fy("2019/20"), { start: d(2020, 3, 1), end: d(2020, 3, 31) }), 846_995); // 31/366 → 8,469.95
    });

    it("rounds an exact half penny up: £1.83 for one day of 366 is 0.5p → 1p", () => {
      assert.equal(proRataPence(183, fy(2019), { start: d(2019, 7, 1), end: d(2019, 7, 1) }), 1);
      assert.equal(proRataPence(-183, fy(2019), { start: d(2019, 7, 1), end: d(2019, 7, 1) }), -1);
    });

    it("clamps dates outside the year to it", () => {
      const year = fy(2019);
      assert.equal(proRataPence(10_000_000, year, { start: d(2015, 1, 1) }), 10_000_000);
      assert.equal(proRataPence(10_000_000, year, { start: d(2015, 1, 1), end: d(2030, 1, 1) }), 10_000_000);
      assert.equal(proRataPence(10_000_000, year, { start: d(2019, 10, 1), end: d(2030, 1, 1) }), 5_000_000);
      assert.equal(proRataPence(10_000_000, year, { start: d(2018, 10, 1), end: d(2019, 9, 30) }), 10_000_000 - 5_000_000);
      assert.equal(daysCovered(year, { end: d(2019, 4, 30) }), 30);
    });

    it("counts zero for a period that misses the year", () => {
      const year = fy(2019);
      assert.equal(proRataPence(10_000_000, year, { start: d(2018, 4, 1), end: d(2019, 3, 31) }), 0);
      assert.equal(proRataPence(10_000_000, year, { start: d(2020, 4, 1) }), 0);
      assert.equal(proRataPence(10_000_000, year, { end: d(2019, 3, 31) }), 0);
      assert.equal(proRataPence(10_000_000, year, { start: d(2021, 1, 1), end: d(2021, 12, 31) }), 0);
      assert.equal(yearFraction(year, { start: d(2020, 4, 1) }), 0);
      assert.equal(daysCovered(year, { start: d(2020, 4, 1) }), 0);
    });

    it("gives the whole amount, exactly, for the whole year (no dates, or the year's own)", () => {
      for (const p of [10_000_000, 1, 99, 12_345_678_901, 19_000_001, -2_502_878]) {
        assert.equal(proRataPence(p, fy(2019), {}), p);
        assert.equal(proRataPence(p, fy(2018), { start: d(2018, 4, 1), end: d(2019, 3, 31) }), p);
      }
    });

    it("ignores a time of day in the dates", () => {
      assert.equal(proRataPence(10_000_000, fy(2019), { start: 43739.5, end: d(2020, 3, 31) + 0.99 }), 5_000_000);
    });

    it("refuses an end before the start", () => {
      assertRuleError(() => proRataPence(10_000_000, fy(2019), { start: d(2019, 10, 1), end: d(2019, 9, 30) }), "invalid", /end/, /before/);
      assertRuleError(() => proRataPence(10_000_000, fy(2019), { start: d(2019, 10, 1), end: d(2019, 9, 30) }, "months"), "invalid", /before/);
      assertRuleError(() => yearFraction(fy(2019), { start: d(2030, 1, 1), end: d(2010, 1, 1) }), "invalid");
      // Even when both are outside the year: the period is wrong, not merely absent.
      assertRuleError(() => proRataPence(100, fy(2019), { start: d(2025, 1, 1), end: d(2024, 1, 1) }), "invalid");
      // The start alone after the year's end is a period that misses the year, not an error.
      assert.equal(proRataPence(100, fy(2019), { start: d(2025, 1, 1) }), 0);
    });

    it("matches exact arithmetic: round(amount × days ÷ days in year) (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -1e11, max: 1e11 }),
          fc.integer({ min: 2017, max: 2030 }),
          fc.integer({ min: -400, max: 800 }),
          fc.integer({ min: 0, max: 800 }),
          (amount, y, offset, length) => {
            const year = financialYear(y);
            const start = year.first + offset;
            const end = start + length;
            const days = Math.max(0, Math.min(end, year.last) - Math.max(start, year.first) + 1);
            const expected = Number(roundHalfAway(BigInt(amount) * BigInt(days), BigInt(year.days)));
            assert.equal(proRataPence(amount, year, { start, end }) + 0, expected + 0);
            assert.equal(daysCovered(year, { start, end }), days);
          },
        ),
        { numRuns: 3000 },
      );
    });

    it("lies between 0 and the amount, and grows with the period (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1e12 }),
          fc.integer({ min: 1990, max: 2100 }),
          fc.integer({ min: -400, max: 800 }),
          fc.integer({ min: 0, max: 800 }),
          fc.integer({ min: 0, max: 50 }),
          (amount, y, offset, length, more) => {
            const year = financialYear(y);
            const start = year.first + offset;
            const a = proRataPence(amount, year, { start, end: start + length });
            const b = proRataPence(amount, year, { start, end: start + length + more });
            assert.ok(a >= 0 && a <= amount);
            assert.ok(b >= a);
            assert.ok(Number.isInteger(a));
          },
        ),
        { numRuns: 3000 },
      );
    });

    it("adds up over consecutive periods to within a penny per period (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 2017, max: 2030 }), fc.integer({ min: 0, max: 364 }), (amount, y, cut) => {
          const year = financialYear(y);
          const a = proRataPence(amount, year, { end: year.first + cut });
          const b = proRataPence(amount, year, { start: year.first + cut + 1 });
          assert.ok(Math.abs(a + b - amount) <= 1);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe("months basis", () => {
    it("counts each calendar month by the fraction of its days covered, over 12", () => {
      const year = fy("2019/20");
      // 16 October: 16 of October's 31 days, then five whole months.
      assert.equal(proRataPence(10_000_000, year, { start: d(2019, 10, 16) }, "months"), 4_596_774); // 45,967.74
      // February 2020 alone is 1/12, leap or not.
      assert.equal(proRataPence(10_000_000, year, { start: d(2020, 2, 1), end: d(2020, 2, 29) }, "months"), 833_333);
      assert.equal(proRataPence(10_000_000, fy("2018/19"), { start: d(2019, 2, 1), end: d(2019, 2, 28) }, "months"), 833_333);
      // One day of February 2020 is 1/29 of a month.
      assert.equal(yearFraction(year, { start: d(2020, 2, 29), end: d(2020, 2, 29) }, "months"), 1 / 29 / 12);
      // Whole months from April: 3/12.
      assert.equal(proRataPence(10_000_000, year, { end: d(2019, 6, 30) }, "months"), 2_500_000);
      // The whole year.
      assert.equal(proRataPence(10_000_000, year, {}, "months"), 10_000_000);
      assert.equal(yearFraction(year, {}, "months"), 1);
    });

    it("clamps and counts a missed year as zero, as the days basis does", () => {
      const year = fy(2019);
      assert.equal(proRataPence(10_000_000, year, { start: d(2010, 1, 1), end: d(2040, 1, 1) }, "months"), 10_000_000);
      assert.equal(proRataPence(10_000_000, year, { start: d(2020, 4, 1) }, "months"), 0);
      assert.equal(proRataPence(10_000_000, year, { end: d(2019, 3, 31) }, "months"), 0);
    });

    it("whole calendar months from 1 April give exactly k/12 (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1e10 }), (y, k, amount) => {
          const year = financialYear(y);
          const lastMonth = ((3 + k - 1) % 12) + 1;
          const lastYear = k <= 9 ? y : y + 1;
          const end = d(lastYear, lastMonth, daysInMonth(lastYear, lastMonth));
          const expected = Number(roundHalfAway(BigInt(amount) * BigInt(k), 12n));
          assert.equal(proRataPence(amount, year, { end }, "months"), expected);
        }),
        { numRuns: 2000 },
      );
    });

    it("is within a penny of the exact month fractions, and between 0 and the amount (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1e10 }),
          fc.integer({ min: 2017, max: 2030 }),
          fc.integer({ min: -40, max: 400 }),
          fc.integer({ min: 0, max: 400 }),
          (amount, y, offset, length) => {
            const year = financialYear(y);
            const start = year.first + offset;
            const end = start + length;
            // Exact: Σ covered/dim over the year's months, as a rational with denominator 12 × Π dims.
            let num = 0n;
            let den = 1n;
            for (let i = 0; i < 12; i++) {
              const my = i < 9 ? y : y + 1;
              const m = ((i + 3) % 12) + 1;
              const dim = daysInMonth(my, m);
              const first = d(my, m, 1);
              const covered = Math.max(0, Math.min(end, first + dim - 1) - Math.max(start, first) + 1);
              num = num * BigInt(dim) + BigInt(covered) * den;
              den *= BigInt(dim);
            }
            const exact = roundHalfAway(BigInt(amount) * num, den * 12n);
            const got = proRataPence(amount, year, { start, end }, "months");
            assert.ok(Math.abs(got - Number(exact)) <= 1, `${got} vs ${exact}`);
            assert.ok(got >= 0 && got <= amount);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});
