import { roundMoney } from "./money";
import { niForYear, type NiRefs } from "./onCosts";

/**
 * Rule 14 (projection), written as Excel formulas; computed in src/core/projection.ts.
 */

/** One year's growth: ROUND(amount × (1 + award), 2), as the core's grow(). */
export function growFormula(previous: string, award: string): string {
  return roundMoney(`${previous}*(1+${award})`);
}

/** A given amount grown, or "" where none was given (a blank baseline stays blank: rule 6 applies). */
export function growGivenFormula(previous: string, award: string): string {
  return `IF(${previous}="","",${growFormula(previous, award)})`;
}

/** A projected year's NI figures: its tax year's, or past the table the latest year's (marked elsewhere as assumed). */
export function niForProjectedYearFormula(startYear: string, table: { years: string; thresholds: string; rates: string }): NiRefs {
  return niForYear(`MIN(${startYear},MAX(${table.years}))`, table);
}

/** TRUE where the year is past the NI table, so its figures are an assumption. */
export function niAssumedFormula(startYear: string, years: string): string {
  return `${startYear}>MAX(${years})`;
}
