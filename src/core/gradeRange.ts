import { invalid } from "./errors";

/**
 * Grade ranges (cost-split-rules.md, rule 13). A post decided before anyone is appointed is
 * costed on a range: rules 4 to 6 are worked at the bottom and again at the top, and the pay
 * vote (rule 9) is judged on the top, since that is what the package can reach.
 */

/** Which end of a range a figure is worked at. */
export type RangeEnd = "low" | "high";

/** The salary at one end: the top is `salaryMax`, or the salary itself where the post has no range. */
export function salaryAt(salary: number, salaryMax: number | null | undefined, end: RangeEnd): number {
  return end === "high" && salaryMax !== null && salaryMax !== undefined ? salaryMax : salary;
}

/** Checks a range: both ends above 0, the top at or above the bottom. */
export function checkRange(salary: number, salaryMax: number | null): void {
  if (!Number.isFinite(salary) || !(salary > 0)) throw invalid("salary must be an annual amount above 0 (the bottom of the range).");
  if (salaryMax === null) return;
  if (!Number.isFinite(salaryMax)) throw invalid("salaryMax must be an annual amount (the top of the range), or blank.");
  if (salaryMax < salary) throw invalid(`salaryMax ${salaryMax} is below salary ${salary}: the top of a range must be at or above its bottom.`);
}
