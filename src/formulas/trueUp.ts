/**
 * Rule 15 (year-end true-up), written as Excel formulas; computed in src/core/trueUp.ts. Money
 * is compared and split in whole pence, as the core does:
 *
 * - within tolerance: ABS(A − E) ≤ ROUND(tolerance × E, 6), A and E in pence; the band is
 *   rounded to a millionth of a penny so an outturn exactly at the tolerance is inside it in every
 *   engine (the core rounds the same way);
 * - a post on several rows (re-based) takes its outturn split across its rows by their estimates:
 *   the largest-remainder split of src/formulas/split.ts, but over the post's rows instead of
 *   across a row, so the floors, remainders and ranks are summed over the rows whose match key
 *   equals this row's (SUMPRODUCT, which compares exactly: no wildcards, no criteria text);
 * - each partner's adjustment is its part of the row's outturn minus its part of the estimate
 *   (both split by the row's shares), and 0 for the home council.
 *
 * Post IDs are matched on a key, UPPER(ID), in both tables, so Excel and LibreOffice (whose text
 * comparison can be case-sensitive) match alike, as the core does (case ignored).
 */

/** The key a Post ID is matched on. */
export function matchKeyFormula(postId: string): string {
  return `UPPER(${postId})`;
}

/** How many rows of `keys` hold `key`. */
export function matchCountFormula(keys: string, key: string): string {
  return `SUMPRODUCT((${keys}=${key})*1)`;
}

/** The sum of `values` over the rows of `keys` that hold `key` (values must all be numbers). */
export function matchSumFormula(keys: string, key: string, values: string): string {
  return `SUMPRODUCT((${keys}=${key})*${values})`;
}

/** TRUE when the outturn is within the tolerance of the estimate; both in whole pence. */
export function withinToleranceFormula(estimatePence: string, outturnPence: string, tolerance: string): string {
  return `ABS(${outturnPence}-${estimatePence})<=ROUND(${tolerance}*${estimatePence},6)`;
}

/** Where one row's share of its post's outturn is worked out (all in pence). */
export interface RowOutturnRefs {
  /** The post's outturn, whole pence. */
  outturn: string;
  /** This row's estimate, whole pence (its weight). */
  estimate: string;
  /** The post's estimate (the sum of its rows'), whole pence, above 0. */
  postEstimate: string;
  /** This row's helper cells. */
  floor: string;
  remainder: string;
  /** This row's match key, and the key, floor and remainder columns of every row. */
  key: string;
  keys: string;
  floors: string;
  remainders: string;
  /** The key and remainder columns from the first row down to this one (inclusive). */
  keysThrough: string;
  remaindersThrough: string;
}

function unroundedShare(r: RowOutturnRefs): string {
  return `${r.outturn}*${r.estimate}/${r.postEstimate}`;
}

function exactShare(r: RowOutturnRefs): string {
  return `ROUND(${unroundedShare(r)},6)`;
}

/** Helper: the row's whole pence of the post's outturn before the leftover pence are shared. */
export function rowOutturnFloorFormula(r: RowOutturnRefs): string {
  return `ROUNDDOWN(${exactShare(r)},0)`;
}

/** Helper: the row's remainder in pence, to a millionth; −1 for a row with no estimate. */
export function rowOutturnRemainderFormula(r: RowOutturnRefs): string {
  // As the split's remainder (src/formulas/split.ts): the unrounded share less the floor, rounded once.
  return `IF(${r.estimate}>0,ROUND(${unroundedShare(r)}-${r.floor},6),-1)`;
}

/**
 * The row's part of the post's outturn, whole pence: its floor, plus a leftover penny when its
 * rank (rows of the post with a larger remainder, then earlier rows with an equal one) is below
 * the pence left over. The rows' parts add back to the outturn exactly.
 */
export function rowOutturnPenceFormula(r: RowOutturnRefs): string {
  const larger = `SUMPRODUCT((${r.keys}=${r.key})*(${r.remainders}>${r.remainder}))`;
  // This row is among those through it with an equal remainder: take it off again.
  const earlierEqual = `SUMPRODUCT((${r.keysThrough}=${r.key})*(${r.remaindersThrough}=${r.remainder}))-1`;
  const left = `${r.outturn}-${matchSumFormula(r.keys, r.key, r.floors)}`;
  return `${r.floor}+((${larger}+${earlierEqual})<(${left}))`;
}

/** A partner's adjustment: its part of the outturn minus its part of the estimate; 0 for the home council or when nothing moves. */
export function adjustmentFormula(active: string, isHome: string, outturnPart: string, estimatePart: string): string {
  return `IF(${active},IF(${isHome},0,ROUND(${outturnPart}-${estimatePart},2)),0)`;
}
