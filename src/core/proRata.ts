import { invalid } from "./errors";
import { toPence } from "./money";
import { daysInMonth, serialFromDate } from "./dates";
import type { FinancialYear } from "./financialYear";

/** Part years (cost-split-rules.md, rule 5). */
export type ProRataBasis = "days" | "months";

export interface Period {
  /** Excel serial of the first day, or undefined for the start of the year. */
  start?: number;
  /** Excel serial of the last day (inclusive), or undefined for the end of the year. */
  end?: number;
}

/**
 * An end before the start is an error only when both are given: a start after the year with no
 * end (or an end before it with no start) is a period that misses the year, and counts zero.
 */
function checkOrder(period: Period): void {
  if (period.start !== undefined && period.end !== undefined && Math.floor(period.end) < Math.floor(period.start)) {
    throw invalid("end is before start: the end date must be on or after the start date.");
  }
}

/** The fraction of the financial year that a period covers, on the given basis. */
export function yearFraction(year: FinancialYear, period: Period, basis: ProRataBasis = "days"): number {
  checkOrder(period);
  const start = period.start === undefined ? year.first : Math.floor(period.start);
  const end = period.end === undefined ? year.last : Math.floor(period.end);
  const from = Math.max(start, year.first);
  const to = Math.min(end, year.last);
  if (to < from) return 0;
  if (basis === "days") return (to - from + 1) / year.days;
  let months = 0;
  for (let i = 0; i < 12; i++) {
    const y = i < 9 ? year.startYear : year.startYear + 1;
    const m = ((i + 3) % 12) + 1;
    const dim = daysInMonth(y, m);
    const first = serialFromDate(y, m, 1);
    const last = first + dim - 1;
    const covered = Math.min(to, last) - Math.max(from, first) + 1;
    if (covered > 0) months += covered / dim;
  }
  return months / 12;
}

/** Days of the year a period covers (for messages and the summary). */
export function daysCovered(year: FinancialYear, period: Period): number {
  return Math.round(yearFraction(year, period, "days") * year.days);
}

/** The part of an annual amount (pence) that falls in the year for the period, in pence. */
export function proRataPence(annualPence: number, year: FinancialYear, period: Period, basis: ProRataBasis = "days"): number {
  if (basis === "days") {
    const start = period.start === undefined ? year.first : Math.floor(period.start);
    const end = period.end === undefined ? year.last : Math.floor(period.end);
    checkOrder(period);
    const days = Math.max(0, Math.min(end, year.last) - Math.max(start, year.first) + 1);
    // amount × days ÷ days-in-year in one step, so a whole year returns the amount exactly.
    return toPence((annualPence * days) / year.days / 100);
  }
  return toPence((annualPence * yearFraction(year, period, basis)) / 100);
}

