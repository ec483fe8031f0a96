/**
 * Rule 13 (grade ranges), written as an Excel formula; computed in src/core/gradeRange.ts. The
 * top of a range is the Salary max cell, or the salary where the post has none.
 */
export function salaryHighFormula(salary: string, salaryMax: string): string {
  return `IF(${salaryMax}="",${salary},${salaryMax})`;
}
