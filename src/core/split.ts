import { roundScaled, toPence, toPounds } from "./money";
import { shareWeights } from "./shares";

/**
 * The largest-remainder split (cost-split-rules.md, rule 3): each part gets its exact share
 * rounded down in pence; the pence left over go one each to the parts with the largest
 * remainders, ties to the earlier part. A negative amount is split as its absolute value, then
 * negated.
 *
 * "Exact share" is total × weight ÷ sum of weights in doubles, rounded to a millionth of a
 * penny (Excel's ROUND(x, 6), judged at 15 significant digits) before anything is compared.
 * That one rounding is what makes the rule the same in every engine: a tie in exact arithmetic
 * (33.3…p three ways, 0.3 and 0.3 of a penny) computed a few units in the last place apart
 * becomes the same whole number of millionths, so ties are decided by equality of integers, and
 * the written formula (src/formulas/split.ts: ROUND(…, 6), ROUNDDOWN and COUNTIF ranks) makes
 * exactly the same decisions as this code. Two remainders closer than a millionth of a penny
 * count as equal.
 */
export const SPLIT_DIGITS = 6;
const SCALE = 1e6;

/**
 * Splits whole pence by weights (non-negative, positive sum). Parts in pence, adding back to
 * `pence` exactly.
 */
export function splitPence(pence: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const total = Math.abs(pence);
  const floors = new Array<number>(n);
  const millionths = new Array<number>(n);
  let allocated = 0;
  for (let i = 0; i < n; i++) {
    let exact = (total * weights[i]) / sum;
    // Huge weights (each finite, sum finite) can overflow the product: normalise first instead.
    if (!Number.isFinite(exact)) exact = total * (weights[i] / sum);
    // As the written formula does it: E = ROUND(exact, 6), F = ROUNDDOWN(E, 0), R = ROUND(E − F, 6).
    const rounded = roundScaled(exact * SCALE) / SCALE;
    const floor = rounded < 1e9 ? Math.floor(rounded) : Math.floor(Number(rounded.toPrecision(15)));
    floors[i] = floor;
    // A council with no share ranks below every other, so it never takes a leftover penny.
    millionths[i] = weights[i] > 0 ? roundScaled((rounded - floor) * SCALE) : -1;
    allocated += floor;
  }
  const left = total - allocated;
  const parts = new Array<number>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    // The rank of this part's remainder: larger remainders first, the earlier part on a tie.
    let rank = 0;
    const mine = millionths[i];
    for (let j = 0; j < n; j++) if (millionths[j] > mine || (j < i && millionths[j] === mine)) rank++;
    parts[i] = floors[i] + (rank < left && mine >= 0 ? 1 : 0);
    given += parts[i];
  }
  if (given !== total) settle(parts, weights, total);
  if (pence < 0) for (let i = 0; i < n; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i];
  return parts;
}

/**
 * Only amounts far beyond any post (past about 10^14 pence, where a double no longer resolves a
 * millionth of a penny) can leave the floors more than a penny a part from the total: settle
 * the difference on the last parts so the split still adds back.
 */
function settle(parts: number[], weights: readonly number[], total: number): void {
  // Never reached by an amount a sheet holds: the written formula has no such step.
  let diff = total;
  for (let i = 0; i < parts.length; i++) diff -= parts[i];
  for (let i = parts.length - 1; diff !== 0 && i >= 0; i--) {
    if (!(weights[i] > 0)) continue;
    const step = diff > 0 ? diff : Math.max(diff, -parts[i]);
    parts[i] += step;
    diff -= step;
  }
}

/** Splits an amount in pounds by shares (a fraction or weights); parts in pounds, to the penny. */
export function splitCost(amount: number, shares: readonly number[], name = "shares"): number[] {
  const parts = splitPence(toPence(amount), shareWeights(shares, name));
  const pounds = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) pounds[i] = toPounds(parts[i]);
  return pounds;
}
