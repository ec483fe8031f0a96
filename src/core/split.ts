import { toPence, toPounds } from "./money";
import { shareWeights } from "./shares";

/**
 * The largest-remainder split (cost-split-rules.md, rule 3): each part gets its exact share
 * rounded down in pence; the pence left over go one each to the parts with the largest
 * remainders, ties to the earlier part. A negative amount is split as its absolute value, then
 * negated. Written with plain loops: this runs once per cell on every recalculation.
 */
export function splitPence(pence: number, weights: readonly number[]): number[] {
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

/** Splits an amount in pounds by shares (a fraction or weights); parts in pounds, to the penny. */
export function splitCost(amount: number, shares: readonly number[], name = "shares"): number[] {
  const parts = splitPence(toPence(amount), shareWeights(shares, name));
  for (let i = 0; i < parts.length; i++) parts[i] = toPounds(parts[i]);
  return parts;
}
