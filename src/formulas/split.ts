import { absolutePence, plainSum } from "./money";

/**
 * Rule 3 (the largest-remainder split), written as Excel formulas; computed in
 * src/core/split.ts, whose comment gives the rule step by step. Per part k of an amount A split
 * by weights w:
 *
 * - exact share in pence X = pence(|A|) × w_k ÷ (w_1 + … + w_n), to a millionth E = ROUND(X, 6);
 * - floor F_k = ROUNDDOWN(E, 0) and remainder R_k = ROUND(X − F_k, 6), or −1 for a council
 *   with no share (helper cells). The remainder rounds X − F_k, a number below 1, not E − F_k:
 *   E of 8 or more whole pence keeps too few of its 15 digits for six decimals, and rounding
 *   twice would break true ties (5/11 of a penny against 5/11) at random;
 * - rank of R_k: the parts with a larger remainder, plus the earlier parts with an equal one;
 * - part = sign(A) × (F_k + 1 if rank < pence left over, else F_k) ÷ 100.
 *
 * Rounding E and R to six places is what makes ties exact: remainders equal in exact arithmetic
 * become the same double, so COUNTIF's "=" and ">" decide as the core's integer comparison does.
 * The helper cells live on the same row (grouped and hidden on the sheet), one floor and one
 * remainder per authority, so nothing scans beyond its own row.
 */

export interface SplitRefs {
  /** The amount in pounds. */
  amount: string;
  /** Each authority's weight (a share), in partnership order. */
  weights: readonly string[];
  /** The helper cells holding each floor (pence), same order. */
  floors: readonly string[];
  /** The helper cells holding each remainder (pence), same order. */
  remainders: readonly string[];
  /** The floors and the remainders as ranges (contiguous helper cells). */
  floorsRange: string;
  remaindersRange: string;
}

function unroundedShare(s: SplitRefs, k: number): string {
  return `${absolutePence(s.amount)}*${s.weights[k]}/${plainSum(s.weights)}`;
}

function exactShare(s: SplitRefs, k: number): string {
  return `ROUND(${unroundedShare(s, k)},6)`;
}

/** Helper: the part's whole pence before the leftover pence are shared out. */
export function splitFloorFormula(s: SplitRefs, k: number): string {
  return `ROUNDDOWN(${exactShare(s, k)},0)`;
}

/** Helper: the part's remainder in pence, to a millionth; −1 for no share, which never takes a leftover penny. */
export function splitRemainderFormula(s: SplitRefs, k: number): string {
  return `IF(${s.weights[k]}>0,ROUND(${unroundedShare(s, k)}-${s.floors[k]},6),-1)`;
}

/** Helper for the rank: where the earlier remainders are (none for the first part). */
function earlierEqual(s: SplitRefs, k: number): string {
  if (k === 0) return "0";
  const first = s.remainders[0];
  const previous = s.remainders[k - 1];
  return `COUNTIF(${first === previous ? first : `${first}:${stripSheet(previous)}`},${s.remainders[k]})`;
}

/** `'Sheet'!$A$1` → `$A$1`, for the second half of a range on the same sheet. */
function stripSheet(ref: string): string {
  const bang = ref.lastIndexOf("!");
  return bang < 0 ? ref : ref.slice(bang + 1);
}

/** The part, in pounds, to the penny; the parts add back to the amount exactly. */
export function splitPartFormula(s: SplitRefs, k: number): string {
  const rank = `COUNTIF(${s.remaindersRange},">"&${s.remainders[k]})+${earlierEqual(s, k)}`;
  const left = `${absolutePence(s.amount)}-SUM(${s.floorsRange})`;
  return `SIGN(${s.amount})*(${s.floors[k]}+(${rank}<${left}))/100`;
}
