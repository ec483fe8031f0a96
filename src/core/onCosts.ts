import { RuleError, invalid } from "./errors";
import { toPence } from "./money";
import type { FinancialYear } from "./financialYear";

/**
 * Employer on-costs (cost-split-rules.md, rule 4). The council's financial year uses the tax
 * year that starts in the same calendar year.
 */
export interface NiFigures {
  /** Annual secondary threshold, pounds. */
  threshold: number;
  rate: number;
}

const EMPLOYER_NI: Readonly<Record<number, NiFigures>> = {
  2017: { threshold: 8164, rate: 0.138 },
  2018: { threshold: 8424, rate: 0.138 },
  2019: { threshold: 8632, rate: 0.138 },
  2020: { threshold: 8788, rate: 0.138 },
  2021: { threshold: 8840, rate: 0.138 },
  // The annual rate for the year in which 15.05% became 13.8% on 6 November 2022.
  2022: { threshold: 9100, rate: 0.1453 },
  2023: { threshold: 9100, rate: 0.138 },
  2024: { threshold: 9100, rate: 0.138 },
  2025: { threshold: 5000, rate: 0.15 },
  2026: { threshold: 5000, rate: 0.15 },
};

export const DEFAULT_LEVY_RATE = 0.005;

export function knownTaxYears(): string[] {
  return Object.keys(EMPLOYER_NI).map((y) => `${y}/${String((+y + 1) % 100).padStart(2, "0")}`);
}

/** The whole NI table, oldest year first, for the Method sheet. */
export function niTable(): { startYear: number; label: string; threshold: number; rate: number }[] {
  return Object.entries(EMPLOYER_NI).map(([year, f]) => ({
    startYear: +year,
    label: `${year}/${String((+year + 1) % 100).padStart(2, "0")}`,
    threshold: f.threshold,
    rate: f.rate,
  }));
}

export function niFigures(year: FinancialYear): NiFigures {
  const figures = EMPLOYER_NI[year.startYear];
  if (!figures) {
    const known = knownTaxYears();
    throw new RuleError("unknownYear", `No employer National Insurance figures for ${year.label}: the years known are ${known[0]} to ${known[known.length - 1]}.`);
  }
  return figures;
}

/** Employer NI in pence on an annual pay in pence; `figures` replaces the table's (a projection past it). */
export function employerNiPence(payPence: number, year: FinancialYear, figures?: NiFigures): number {
  const { threshold, rate } = figures ?? niFigures(year);
  // Subtract in whole pence: in pounds, 5162.90 − 5000 is 162.89999999999964, which turned an
  // exact 24.435 of NI into 24.43.
  return toPence((Math.max(0, payPence - threshold * 100) * rate) / 100);
}

export interface EmploymentCost {
  pay: number;
  ni: number;
  pension: number;
  levy: number;
  total: number;
}

export interface EmploymentCostInput {
  salary: number;
  year: FinancialYear;
  pensionRate: number;
  fte?: number;
  levyRate?: number;
  /** NI figures to use instead of the table's for `year` (rule 14: a year past the table). */
  ni?: NiFigures;
}

/** Checks a rate given as a fraction: 20% is 0.2. */
export function checkRate(rate: number, name: string): number {
  if (!Number.isFinite(rate) || rate < 0) throw invalid(`${name} must be a fraction of pay, 0 or more (20% is 0.2).`);
  if (rate > 1) throw invalid(`${name} is ${rate}: give it as a fraction of pay (20% is 0.2, not 20).`);
  return rate;
}

/** Salary × FTE plus employer NI, pension and levy, each rounded to the penny; all in pence. */
export function employmentCostPence(input: EmploymentCostInput): EmploymentCost {
  const { salary, year } = input;
  const fte = input.fte ?? 1;
  if (!Number.isFinite(salary) || salary < 0) throw invalid("salary must be an annual amount of 0 or more.");
  if (!Number.isFinite(fte) || fte <= 0) throw invalid("fte must be above 0 (1 is full time; leave vacant posts out).");
  const pensionRate = checkRate(input.pensionRate, "pensionRate");
  const levyRate = checkRate(input.levyRate ?? DEFAULT_LEVY_RATE, "levyRate");
  const pay = toPence(salary * fte);
  const ni = employerNiPence(pay, year, input.ni);
  const pension = toPence((pay / 100) * pensionRate);
  const levy = toPence((pay / 100) * levyRate);
  return { pay, ni, pension, levy, total: pay + ni + pension + levy };
}
