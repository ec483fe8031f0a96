import assert from "node:assert/strict";
import fc from "fast-check";
import { DEFAULT_LEVY_RATE, checkRate, employerNiPence, employmentCostPence, knownTaxYears, niFigures } from "../../../src/core/onCosts";
import { financialYear, parseFinancialYear } from "../../../src/core/financialYear";
import { RuleError } from "../../../src/core/errors";
import { assertRuleError, roundHalfAway } from "./helpers";

/** Rule 4's table, written out again: threshold in pounds, rate in hundredths of a percent. */
const TABLE: Record<string, { threshold: number; basisPoints: number }> = {
  "2017/18": { threshold: 8164, basisPoints: 1380 },
  "2018/19": { threshold: 8424, basisPoints: 1380 },
  "2019/20": { threshold: 8632, basisPoints: 1380 },
  "2020/21": { threshold: 8788, basisPoints: 1380 },
  "2021/22": { threshold: 8840, basisPoints: 1380 },
  "2022/23": { threshold: 9100, basisPoints: 1453 },
  "2023/24": { threshold: 9100, basisPoints: 1380 },
  "2024/25": { threshold: 9100, basisPoints: 1380 },
  "2025/26": { threshold: 5000, basisPoints: 1500 },
  "2026/27": { threshold: 5000, basisPoints: 1500 },
};

/** Employer NI in pence, exactly: round(max(0, pay − threshold) × rate), half away from zero. */
function exactNiPence(payPence: number, label: string): number {
  const { threshold, basisPoints } = TABLE[label];
  const above = BigInt(payPence) - BigInt(threshold * 100);
  if (above <= 0n) return 0;
  return Number(roundHalfAway(above * BigInt(basisPoints), 10000n));
}

const ni = (pounds: number, year: string) => employerNiPence(Math.round(pounds * 100), parseFinancialYear(year)) / 100;

describe("core/onCosts: employer NI, pension and levy (rule 4)", () => {
  describe("the NI table, every tax year 2017/18 to 2026/27", () => {
    it("knows exactly the ten years of the table, in order", () => {
      assert.deepEqual(knownTaxYears(), Object.keys(TABLE));
    });

    for (const [label, { threshold, basisPoints }] of Object.entries(TABLE)) {
      it(`${label}: threshold £${threshold.toLocaleString("en-GB")}, rate ${basisPoints / 100}%`, () => {
        const figures = niFigures(parseFinancialYear(label));
        assert.equal(figures.threshold, threshold);
        assert.equal(figures.rate, basisPoints / 10000);
        // Nothing at or below the threshold; the rate on every pound above it.
        assert.equal(ni(threshold, label), 0);
        assert.equal(ni(threshold - 1, label), 0);
        assert.equal(ni(0, label), 0);
        assert.equal(ni(threshold + 100, label), basisPoints / 100);
        for (const pay of [100000, 30000, 12345.67, 190000]) {
          const payPence = Math.round(pay * 100);
          assert.equal(employerNiPence(payPence, parseFinancialYear(label)), exactNiPence(payPence, label), `${pay} in ${label}`);
        }
      });
    }

    it("uses 14.53% for 2022/23 (the year 15.05% became 13.8% on 6 November 2022)", () => {
      assert.equal(niFigures(financialYear(2022)).rate, 0.1453);
      assert.equal(ni(100000, "2022/23"), 13207.77);
      assert.equal(ni(50000, "2022/23"), 5942.77);
      assert.equal(ni(30000, "2022/23"), 3036.77);
    });

    it("gives the hand-worked figures for £100,000", () => {
      const expected: Record<string, number> = {
        "2017/18": 12673.37,
        "2018/19": 12637.49,
        "2019/20": 12608.78,
        "2020/21": 12587.26,
        "2021/22": 12580.08,
        "2022/23": 13207.77,
        "2023/24": 12544.2,
        "2024/25": 12544.2,
        "2025/26": 14250,
        "2026/27": 14250,
      };
      for (const [label, value] of Object.entries(expected)) assert.equal(ni(100000, label), value, label);
      assert.equal(ni(12345.67, "2025/26"), 1101.85);
      assert.equal(ni(12345.67, "2022/23"), 471.6);
    });

    it("matches exact arithmetic for any pay in any known year (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(...Object.keys(TABLE)), (payPence, label) => {
          assert.equal(employerNiPence(payPence, parseFinancialYear(label)), exactNiPence(payPence, label));
        }),
        { numRuns: 5000 },
      );
    });

    it("refuses a year outside the table with kind unknownYear, naming the years known", () => {
      for (const y of [2016, 2027, 2010, 2050]) {
        const e = assertRuleError(() => niFigures(financialYear(y)), "unknownYear", new RegExp(financialYear(y).label), /2017\/18/, /2026\/27/);
        assert.ok(e instanceof RuleError);
        assert.equal(e.name, "RuleError");
      }
      assertRuleError(() => employerNiPence(5_000_000, financialYear(2016)), "unknownYear");
      assertRuleError(() => employmentCostPence({ salary: 190000, year: parseFinancialYear("2031/32"), pensionRate: 0.2 }), "unknownYear", /2031\/32/, /2017\/18/);
    });
  });

  describe("employment cost", () => {
    it("costs the spec's example: £190,000, 2019/20, pension 20% → £253,978.78", () => {
      const cost = employmentCostPence({ salary: 190000, year: parseFinancialYear("2019/20"), pensionRate: 0.2 });
      assert.deepEqual(cost, { pay: 19_000_000, ni: 2_502_878, pension: 3_800_000, levy: 95_000, total: 25_397_878 });
    });

    it("is the same whichever way the year is written", () => {
      for (const y of ["2019/20", "2019-20", "2019/2020", 2019, "2019"]) {
        assert.equal(employmentCostPence({ salary: 190000, year: parseFinancialYear(y), pensionRate: 0.2 }).total, 25_397_878);
      }
    });

    it("defaults the levy to 0.5% and FTE to 1", () => {
      assert.equal(DEFAULT_LEVY_RATE, 0.005);
      const a = employmentCostPence({ salary: 50000, year: financialYear(2023), pensionRate: 0.18 });
      const b = employmentCostPence({ salary: 50000, year: financialYear(2023), pensionRate: 0.18, fte: 1, levyRate: 0.005 });
      assert.deepEqual(a, b);
      assert.equal(a.levy, 25000);
    });

    it("applies FTE to the salary before on-costs: P = round(salary × FTE)", () => {
      const half = employmentCostPence({ salary: 190000, year: financialYear(2019), pensionRate: 0.2, fte: 0.5 });
      assert.equal(half.pay, 9_500_000);
      assert.equal(half.ni, Math.round((95000 - 8632) * 13.8)); // 11,918.78
      assert.equal(half.ni, 1_191_878);
      assert.equal(half.pension, 1_900_000);
      assert.equal(half.levy, 47_500);
      assert.equal(half.total, 9_500_000 + 1_191_878 + 1_900_000 + 47_500);
      // 0.6 FTE of £117,912 = £70,747.20
      const part = employmentCostPence({ salary: 117912, year: financialYear(2019), pensionRate: 0.195, fte: 0.6 });
      assert.equal(part.pay, 7_074_720);
      assert.equal(part.pension, 1_379_570); // 13,795.704 → 13,795.70
      assert.equal(part.levy, 35_374); // 353.736 → 353.74
      assert.equal(part.ni, 857_190); // (70,747.20 − 8,632) × 13.8% = 8,571.8976 → 8,571.90
      // Rounding P first: 33,333.33 × 0.3 FTE.
      assert.equal(employmentCostPence({ salary: 33333.33, year: financialYear(2019), pensionRate: 0, fte: 0.3 }).pay, 1_000_000);
    });

    it("rounds each on-cost to the penny and adds them", () => {
      const c = employmentCostPence({ salary: 12345.67, year: financialYear(2025), pensionRate: 0.2, levyRate: 0.005 });
      assert.equal(c.pay, 1_234_567);
      assert.equal(c.ni, 110_185);
      assert.equal(c.pension, 246_913); // 2,469.134
      assert.equal(c.levy, 6_173); // 61.72835
      assert.equal(c.total, c.pay + c.ni + c.pension + c.levy);
    });

    it("rounds an NI of exactly half a penny up, whatever binary error subtraction brings", () => {
      // £5,162.90 in 2026/27: (5,162.90 − 5,000) × 15% = 24.435 exactly → 24.44.
      assert.equal(employerNiPence(516290, financialYear(2026)), 2444);
      assert.equal(employmentCostPence({ salary: 258144.75, year: financialYear(2026), pensionRate: 0, fte: 0.02 }).ni, 2444);
    });

    it("costs a pay below the threshold with no NI, and a zero salary at zero", () => {
      const c = employmentCostPence({ salary: 5000, year: financialYear(2019), pensionRate: 0.2 });
      assert.equal(c.ni, 0);
      assert.deepEqual(employmentCostPence({ salary: 0, year: financialYear(2019), pensionRate: 0.2 }), { pay: 0, ni: 0, pension: 0, levy: 0, total: 0 });
    });

    it("always adds up, in whole pence, never NaN (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 50_000_000 }),
          fc.constantFrom(...Object.keys(TABLE)),
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 1, max: 100 }),
          (salaryPence, label, pensionTenths, ftePercent) => {
            const year = parseFinancialYear(label);
            const c = employmentCostPence({ salary: salaryPence / 100, year, pensionRate: pensionTenths / 1000, fte: ftePercent / 100 });
            for (const v of Object.values(c)) assert.ok(Number.isInteger(v) && v >= 0);
            assert.equal(c.total, c.pay + c.ni + c.pension + c.levy);
            assert.equal(c.pay, Number(roundHalfAway(BigInt(salaryPence) * BigInt(ftePercent), 100n)));
            assert.equal(c.ni, exactNiPence(c.pay, label));
            assert.equal(c.pension, Number(roundHalfAway(BigInt(c.pay) * BigInt(pensionTenths), 1000n)));
            assert.equal(c.levy, Number(roundHalfAway(BigInt(c.pay) * 5n, 1000n)));
          },
        ),
        { numRuns: 3000 },
      );
    });

    it("refuses zero or negative FTE (a vacant post is left out, not costed at 0)", () => {
      const year = financialYear(2019);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: 0.2, fte: 0 }), "invalid", /fte/, /above 0/);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: 0.2, fte: -0.5 }), "invalid", /fte/);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: 0.2, fte: NaN }), "invalid", /fte/);
    });

    it("refuses a negative or non-finite salary", () => {
      const year = financialYear(2019);
      assertRuleError(() => employmentCostPence({ salary: -1, year, pensionRate: 0.2 }), "invalid", /salary/);
      assertRuleError(() => employmentCostPence({ salary: NaN, year, pensionRate: 0.2 }), "invalid", /salary/);
      assertRuleError(() => employmentCostPence({ salary: Infinity, year, pensionRate: 0.2 }), "invalid", /salary/);
    });

    it("refuses rates given as percentages, negative or not numbers", () => {
      const year = financialYear(2019);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: 20 }), "invalid", /pensionRate/, /0\.2/);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: -0.1 }), "invalid", /pensionRate/);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: NaN }), "invalid", /pensionRate/);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: 0.2, levyRate: 0.5 + 1 }), "invalid", /levyRate/);
      assertRuleError(() => employmentCostPence({ salary: 50000, year, pensionRate: 0.2, levyRate: -0.005 }), "invalid", /levyRate/);
      assert.equal(checkRate(0, "r"), 0);
      assert.equal(checkRate(1, "r"), 1);
      assertRuleError(() => checkRate(1.01, "myRate"), "invalid", /^myRate is 1\.01/);
    });
  });
});
