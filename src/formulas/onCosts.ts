import { roundMoney } from "./money";

/**
 * Rule 4 (employment cost), written as Excel formulas; computed in src/core/onCosts.ts. Each
 * step is rounded to the penny and in the same order of operations as the core, so the two give
 * the same doubles: pay P = ROUND(salary × FTE, 2); employer NI = ROUND(MAX(0, pence(P) −
 * threshold × 100) × rate / 100, 2) (in pence, as the core subtracts); pension and levy =
 * ROUND(P × rate, 2); the cost is their sum, rounded so it is exactly whole pence.
 */

/** The year's employer NI figures, as cell references or names (from the Method sheet). */
export interface NiRefs {
  threshold: string;
  rate: string;
}

/** Pay: salary × FTE to the penny. `fte` may be an expression (a blank FTE meaning 1 is the sheet's business). */
export function payFormula(salary: string, fte: string): string {
  return roundMoney(`${salary}*${fte}`);
}

export function employerNiFormula(pay: string, ni: NiRefs): string {
  return roundMoney(`MAX(0,ROUND(${pay}*100,0)-${ni.threshold}*100)*${ni.rate}/100`);
}

/** Employer pension or apprenticeship levy on the pay. */
export function onCostFormula(pay: string, rate: string): string {
  return roundMoney(`${pay}*${rate}`);
}

/** The employment cost from its four rounded pieces. */
export function employmentCostFromPieces(pay: string, ni: string, pension: string, levy: string): string {
  return roundMoney(`${pay}+${ni}+${pension}+${levy}`);
}

/** The employment cost in one formula (where a sheet has no columns for the pieces). */
export function employmentCostFormula(salary: string, fte: string, pensionRate: string, levyRate: string, ni: NiRefs): string {
  const pay = payFormula(salary, fte);
  return employmentCostFromPieces(pay, employerNiFormula(pay, ni), onCostFormula(pay, pensionRate), onCostFormula(pay, levyRate));
}

/** The NI threshold and rate of a tax year (its start year), looked up in the Method sheet's table. */
export function niForYear(startYear: string, table: { years: string; thresholds: string; rates: string }): NiRefs {
  return {
    threshold: `INDEX(${table.thresholds},MATCH(${startYear},${table.years},0))`,
    rate: `INDEX(${table.rates},MATCH(${startYear},${table.years},0))`,
  };
}
