import { type Cell, isBlank, shown } from "./cells";
import { type Reading, moneyFromCell, readSalary } from "./values";

/**
 * A salary that may be a grade range (cost-split-rules.md, rule 13): the Salary cell holds the
 * salary or the bottom of the range, or the whole range as text (`117912-144228`,
 * `£117,912 to £144,228`, `£117,912 – £144,228`); a Salary max column, when mapped, holds the top.
 */
export interface SalaryRange {
  salary: number;
  /** The top of the range, or null for a post on one salary. */
  salaryMax: number | null;
}

/** "a-b", "a to b", "a – b": the first piece must not be empty, so "-5" stays a (negative) amount. */
const RANGE = /^(.+?)\s*(?:\bto\b|[-\u2013\u2014])\s*(.+)$/i;

type RangeText = { bottom: number; top: number } | "unreadable" | null;

/** A range written in one cell; null when the text is not written as a range at all. */
function rangeFromText(cell: Cell): RangeText {
  if (typeof cell !== "string") return null;
  const text = cell.trim();
  if (moneyFromCell(text) !== null) return null;
  const m = RANGE.exec(text);
  if (!m) return null;
  const bottom = moneyFromCell(m[1]);
  const top = moneyFromCell(m[2]);
  if (bottom === null || top === null) return "unreadable";
  return { bottom, top };
}

const HOW = "write the salary (85000 or £85,000), or a grade range as its bottom and top (117912-144228 or £117,912 to £144,228)";

/**
 * Reads the Salary cell and, when mapped, the Salary max cell. Problems name the column they
 * belong to: `salary` for the Salary cell, `salaryMax` for the Salary max cell.
 */
export function readSalaryRange(
  salaryCell: Cell,
  salaryLabel: string,
  maxCell: Cell,
  maxLabel: string,
): { ok: true; value: SalaryRange } | { ok: false; problems: { column: "salary" | "salaryMax"; message: string }[] } {
  const range = rangeFromText(salaryCell);
  if (range === "unreadable") {
    return { ok: false, problems: [{ column: "salary", message: `${salaryLabel} ${shown(salaryCell)} is not a salary or a grade range: ${HOW}.` }] };
  }
  if (range !== null) {
    const problems: { column: "salary" | "salaryMax"; message: string }[] = [];
    if (!(range.bottom > 0)) problems.push({ column: "salary", message: `${salaryLabel} ${shown(salaryCell)} starts at ${range.bottom}: the bottom of a grade range must be above 0.` });
    else if (range.top < range.bottom) {
      problems.push({ column: "salary", message: `${salaryLabel} ${shown(salaryCell)} has its top below its bottom: write the bottom first and the top second (for example 117912-144228).` });
    }
    if (!isBlank(maxCell)) {
      problems.push({ column: "salaryMax", message: `${maxLabel} ${shown(maxCell)} is given as well as the range ${shown(salaryCell)} in ${salaryLabel}: give the range once, either in ${salaryLabel} or as the bottom in ${salaryLabel} and the top in ${maxLabel}.` });
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { salary: range.bottom, salaryMax: range.top } };
  }
  const salary = readSalary(salaryCell, salaryLabel);
  const max = readSalaryMax(maxCell, maxLabel);
  const problems: { column: "salary" | "salaryMax"; message: string }[] = [];
  if (!salary.ok) problems.push({ column: "salary", message: salary.problem });
  if (!max.ok) problems.push({ column: "salaryMax", message: max.problem });
  if (salary.ok && max.ok && max.value !== null && max.value < salary.value) {
    problems.push({ column: "salaryMax", message: `${maxLabel} ${max.value} is below ${salaryLabel} ${salary.value}: the top of a grade range must be at or above its bottom. Swap them, or leave ${maxLabel} blank for a post on one salary.` });
  }
  if (problems.length > 0 || !salary.ok || !max.ok) return { ok: false, problems };
  return { ok: true, value: { salary: salary.value, salaryMax: max.value } };
}

/** Salary max: optional; when given an amount above 0. */
export function readSalaryMax(cell: Cell, label: string): Reading<number | null> {
  if (isBlank(cell)) return { ok: true, value: null };
  const value = moneyFromCell(cell);
  if (value === null) return { ok: false, problem: `${label} ${shown(cell)} is not an amount: write the top of the grade range as a number, for example 144228 or £144,228, or leave it blank for a post on one salary.` };
  if (!(value > 0)) return { ok: false, problem: `${label} is ${value}: the top of a grade range must be above 0.` };
  return { ok: true, value };
}
