import { invalid } from "./errors";
import { serialFromDate } from "./dates";

/** A council financial year, 1 April to 31 March, known by the year it starts in. */
export interface FinancialYear {
  startYear: number;
  /** `2019/20` */
  label: string;
  /** Excel serial of 1 April. */
  first: number;
  /** Excel serial of 31 March. */
  last: number;
  /** 365 or 366. */
  days: number;
}

export function financialYear(startYear: number): FinancialYear {
  const first = serialFromDate(startYear, 4, 1);
  const last = serialFromDate(startYear + 1, 3, 31);
  const next = String((startYear + 1) % 100).padStart(2, "0");
  return { startYear, label: `${startYear}/${next}`, first, last, days: last - first + 1 };
}

const HOW = 'write it as "2019/20", "2019-20", "2019/2020" or the start year 2019';

/** Reads `"2019/20"`, `"2019-20"`, `"2019/2020"`, `2019` or `"2019"`. */
export function parseFinancialYear(value: unknown, name = "year"): FinancialYear {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1900 && value <= 9998) return financialYear(value);
    throw invalid(`${name} ${value} is not a financial year: ${HOW}.`);
  }
  if (typeof value !== "string" || value.trim() === "") throw invalid(`${name} is missing: ${HOW}.`);
  const text = value.trim();
  const m = /^(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?$/.exec(text);
  if (!m) throw invalid(`${name} "${text}" is not a financial year: ${HOW}.`);
  const start = +m[1];
  if (m[2] !== undefined) {
    const end = +m[2];
    const expected = m[2].length === 2 ? (start + 1) % 100 : start + 1;
    if (end !== expected) throw invalid(`${name} "${text}" is not a financial year: the second year must follow the first (${financialYear(start).label}).`);
  }
  if (start < 1900 || start > 9998) throw invalid(`${name} "${text}" is not a financial year: ${HOW}.`);
  return financialYear(start);
}
