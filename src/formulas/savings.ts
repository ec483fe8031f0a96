import { roundMoney } from "./money";
import { proRataDaysFormula, type YearRefs } from "./proRata";

/**
 * Rule 6 (savings and the default baseline), written as Excel formulas; computed in
 * src/core/savings.ts and src/postlist/costPost.ts.
 */

/** Saving: baseline − part, to the penny. */
export function savingFormula(baseline: string, part: string): string {
  return roundMoney(`${baseline}-${part}`);
}

/**
 * An authority's baseline over the post's days: the annual baseline it gave, pro rata; or, where
 * it gave none, the post's cost this year if it takes a share and 0 if not (the assumption).
 */
export function baselineThisYearFormula(given: string, share: string, costThisYear: string, days: string, year: YearRefs): string {
  return `IF(${given}="",IF(${share}>0,${costThisYear},0),${proRataDaysFormula(given, days, year)})`;
}

/** TRUE where the assumption gave at least one of a joint post's baselines. */
export function baselineAssumedFormula(baselines: string, authorities: number): string {
  return `COUNT(${baselines})<${authorities}`;
}
