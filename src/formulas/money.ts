/**
 * Rule 3's rounding, written as Excel formulas (computed in src/core/money.ts). Excel's and
 * LibreOffice's ROUND judge halves at 15 significant digits, as toPence does, so ROUND(x, 2)
 * here and toPence there agree. Every money cell the add-in writes ends in one of these, which
 * makes the cell the double nearest its whole pence over 100: the core's pence ÷ 100 exactly.
 */

/** Pounds to the penny: ROUND(x, 2). */
export function roundMoney(pounds: string): string {
  return `ROUND(${pounds},2)`;
}

/** Whole pence of an amount in pounds (toPence): ROUND(x*100, 0). */
export function pence(pounds: string): string {
  return `ROUND(${pounds}*100,0)`;
}

/** Whole pence of the absolute amount: the split and the recharge work on |amount|. */
export function absolutePence(pounds: string): string {
  return `ROUND(ABS(${pounds})*100,0)`;
}

/** A sum of several references, left to right as the core's loops add (not SUM, which LibreOffice compensates). */
export function plainSum(terms: readonly string[]): string {
  return terms.length === 1 ? terms[0] : `(${terms.join("+")})`;
}
