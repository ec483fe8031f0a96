import { roundMoney } from "./money";

/**
 * Rule 5 (part years), written as Excel formulas; computed in src/core/proRata.ts. Dates are
 * date serials; a blank start or end means the year's own. Dates outside the year are clamped to
 * it, and a period that misses the year counts zero days. (An end before the start is for the
 * sheet's Check column and the import to refuse; the formula then counts zero.)
 */

/** The financial year as cell references or names: its first and last day and its length. */
export interface YearRefs {
  first: string;
  last: string;
  days: string;
}

function startOrYear(start: string, year: YearRefs): string {
  return `IF(${start}="",${year.first},INT(${start}))`;
}

function endOrYear(end: string, year: YearRefs): string {
  return `IF(${end}="",${year.last},INT(${end}))`;
}

/** Days of the year the period covers, 0 when it misses the year. */
export function daysCoveredFormula(start: string, end: string, year: YearRefs): string {
  return `MAX(0,MIN(${endOrYear(end, year)},${year.last})-MAX(${startOrYear(start, year)},${year.first})+1)`;
}

/** The part of an annual amount for `days` of the year: pence × days ÷ days in the year, to the penny. */
export function proRataDaysFormula(annual: string, days: string, year: YearRefs): string {
  return roundMoney(`ROUND(${annual}*100,0)*${days}/${year.days}/100`);
}

/**
 * The months basis: each calendar month of the year counts the fraction of its days covered,
 * over 12, added month by month in order as the core adds them. `startYear` is the year's first
 * calendar year (2019 for 2019/20).
 */
export function yearFractionMonthsFormula(start: string, end: string, year: YearRefs, startYear: string): string {
  const from = `MAX(${startOrYear(start, year)},${year.first})`;
  const to = `MIN(${endOrYear(end, year)},${year.last})`;
  const terms = Array.from({ length: 12 }, (_, i) => {
    const first = `DATE(${startYear},${4 + i},1)`;
    const last = `DATE(${startYear},${5 + i},0)`;
    return `MAX(0,MIN(${to},${last})-MAX(${from},${first})+1)/DAY(${last})`;
  });
  return `(${terms.join("+")})/12`;
}

export function proRataMonthsFormula(annual: string, fraction: string): string {
  return roundMoney(`ROUND(${annual}*100,0)*${fraction}/100`);
}
