/**
 * Rules 7, 9 and 10 written as Excel formulas; computed in src/core/checks.ts.
 */

/** Principle 3: no saving below −tolerance. */
export function noWorseFormula(savings: string, tolerance = "0"): string {
  return `MIN(${savings})>=-${tolerance}`;
}

/** Rule 9: the whole package (pay, to the penny) at or above the threshold needs a Full Council vote. */
export function payVoteFormula(pay: string, threshold: string): string {
  return `${pay}>=${threshold}`;
}

/** Rule 10: years for the annual saving to repay one-off costs; `none` where there is no positive saving. */
export function paybackFormula(oneOff: string, annualSaving: string, none = '"No saving"'): string {
  return `IF(${annualSaving}<=0,${none},${oneOff}/${annualSaving})`;
}
