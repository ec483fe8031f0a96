import { toPence, toPounds } from "./money";
import { shareWeights } from "./shares";

/**
 * The largest-remainder split (cost-split-rules.md, rule 3): each part gets its exact share
 * rounded down in pence; the pence left over go one each to the parts with the largest
 * remainders, ties to the earlier part. A negative amount is split as its absolute value, then
 * negated. Written with plain loops: this runs once per cell on every recalculation.
 */
export function splitPence(pence: number, weights: readonly number[]): number[] {
  if (weights.length === 2) return splitTwo(pence, weights[0], weights[1], 1);
  return splitAny(pence, weights);
}

/** The rule for any number of weights. */
function splitAny(pence: number, weights: readonly number[]): number[] {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const total = Math.abs(pence);
  const parts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let allocated = 0;
  for (let i = 0; i < n; i++) {
    let exact = (total * weights[i]) / sum;
    // Huge weights (each finite, sum finite) can overflow the product: normalise first instead.
    if (!Number.isFinite(exact)) exact = total * (weights[i] / sum);
    // Binary error can put an exact whole number a hair either side of it; snap it back.
    // Capped: near 15 digits the relative term would otherwise reach a whole penny.
    const tolerance = Math.min(1e-9 + exact * 1e-14, 0.25);
    let floor = Math.floor(exact);
    let remainder = exact - floor;
    if (remainder > 1 - tolerance) {
      floor += 1;
      remainder = 0;
    } else if (remainder < tolerance) {
      remainder = 0;
    }
    parts[i] = floor;
    remainders[i] = weights[i] > 0 ? remainder : -1;
    allocated += floor;
  }
  // At amounts in the trillions the snap tolerance (or the rounding of a share up to a whole
  // number) can push the floors past the total: take the extra pence back from the parts that
  // are furthest above their exact share, the later part on a tie.
  while (allocated > total) {
    let worst = -1;
    let worstExcess = 0;
    for (let i = 0; i < n; i++) {
      if (parts[i] <= 0) continue;
      const excess = parts[i] - total * (weights[i] / sum);
      if (worst < 0 || excess >= worstExcess) {
        worst = i;
        worstExcess = excess;
      }
    }
    parts[worst] -= 1;
    remainders[worst] = -1;
    allocated -= 1;
  }
  // Remainders equal in exact arithmetic can differ by a few units in the last place of the
  // amount (£609,712.88 by 57, 46, 42, 79, 12, 44 ties two parts at 0.4p, computed 2e-9 apart),
  // so the tie tolerance grows with the amount and such ties still go to the earlier part.
  const tie = 1e-9 + total * 1e-15;
  for (let left = total - allocated; left > 0; left--) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if (remainders[i] < 0) continue;
      if (best < 0 || remainders[i] > remainders[best] + tie) best = i;
    }
    if (best < 0) best = 0; // unreachable with a positive weight sum; keeps the total exact regardless
    parts[best] += 1;
    remainders[best] = -1;
  }
  if (pence < 0) for (let i = 0; i < n; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i];
  return parts;
}

/**
 * splitPence for two weights (a single fraction, the common case) in pence (`unit` 1) or pounds
 * (`unit` 100), without the arrays: this runs once per cell on every recalculation. It is the
 * same rule step for step, for the usual case only: the floors, snapped as splitAny snaps them,
 * leave no penny or one over (and none when a weight is 0). Anything else (overflow, floors past
 * the total, a penny over with a zero weight) goes to splitAny, so the result is always
 * splitAny's. Small, so that it is inlined; test/unit/core checks the rule, and the two were
 * compared on millions of inputs when this was written.
 */
function splitTwo(pence: number, w0: number, w1: number, unit: number): number[] {
  const sum = w0 + w1;
  const total = Math.abs(pence);
  // A fraction and its complement usually add up to exactly 1, and x / 1 is x: skip the division.
  const exact0 = sum === 1 ? total * w0 : (total * w0) / sum;
  const exact1 = sum === 1 ? total * w1 : (total * w1) / sum;
  let p0 = Math.floor(exact0);
  let r0 = exact0 - p0;
  const tol0 = Math.min(1e-9 + exact0 * 1e-14, 0.25);
  if (r0 > 1 - tol0) {
    p0 += 1;
    r0 = 0;
  } else if (r0 < tol0) r0 = 0;
  let p1 = Math.floor(exact1);
  let r1 = exact1 - p1;
  const tol1 = Math.min(1e-9 + exact1 * 1e-14, 0.25);
  if (r1 > 1 - tol1) {
    p1 += 1;
    r1 = 0;
  } else if (r1 < tol1) r1 = 0;
  // Pence over: 0 or 1 here (NaN or ±Infinity when an exact share overflowed). Tested as
  // over × (1 − over) = 0, which holds for 0 and 1 only, in one predictable branch: `over === 0
  // || over === 1` would branch on which, and that is as good as random. A penny over can go
  // only to a positive weight, so with a zero weight (0 and 1 are common fractions) only none
  // over stays here, and only for +0 (a −0 weight gives a −0 part, which the sums below would
  // turn into 0).
  const over = total - (p0 + p1);
  if (!(over * (1 - over) === 0 && ((w0 > 0 && w1 > 0) || (over === 0 && 1 / w0 > 0 && 1 / w1 > 0)))) {
    return splitTwoByAny(pence, w0, w1, unit);
  }
  // The penny over, if any, to the larger remainder, the earlier on a tie: by arithmetic, not a
  // branch, since which part gets it is as good as random.
  const to1 = +(r1 > r0 + (1e-9 + total * 1e-15));
  p1 += over * to1;
  p0 += over - over * to1;
  if (pence < 0) {
    // 0 − p is −p, and 0 rather than −0 for a zero part (the parts here are never −0).
    p0 = 0 - p0;
    p1 = 0 - p1;
  }
  return [p0 / unit, p1 / unit];
}

function splitTwoByAny(pence: number, w0: number, w1: number, unit: number): number[] {
  const parts = splitAny(pence, [w0, w1]);
  return unit === 1 ? parts : [parts[0] / unit, parts[1] / unit];
}

/** Splits an amount in pounds by shares (a fraction or weights); parts in pounds, to the penny. */
export function splitCost(amount: number, shares: readonly number[], name = "shares"): number[] {
  const s = shares.length === 1 ? shares[0] : NaN;
  // A single fraction shareWeights accepts (0 to 1): straight to the two-way split, in pounds.
  // Anything else takes the long way (kept out of line, so this stays small enough to inline).
  if (s >= 0 && s <= 1) return splitTwo(toPence(amount), s, 1 - s, 100);
  return splitCostAny(amount, shares, name);
}

function splitCostAny(amount: number, shares: readonly number[], name: string): number[] {
  const parts = splitPence(toPence(amount), shareWeights(shares, name));
  // A new array: writing pounds (fractions) over whole pence in place changes the array's
  // element kind, and V8 copies it.
  const pounds = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) pounds[i] = toPounds(parts[i]);
  return pounds;
}
