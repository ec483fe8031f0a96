import { invalid } from "./errors";

/**
 * How a joint post's cost is divided (cost-split-rules.md, rule 2): one fraction for a two-way
 * split, or weights, one per authority, normalised by their sum.
 */

/**
 * Turns what the user gave into weights, one per authority: a single value is a fraction `s`
 * meaning `s, 1 − s`; several values are weights. Throws a RuleError naming what is wrong.
 */
export function shareWeights(shares: readonly number[], name = "shares"): number[] {
  if (shares.length === 0) throw invalid(`${name} is empty: give one fraction (0.5) or one weight per authority (60, 40).`);
  if (shares.length === 1) {
    const s = shares[0];
    if (!Number.isFinite(s)) throw invalid(`${name} must be a number between 0 and 1.`);
    if (s < 0 || s > 1) {
      throw invalid(`${name} is ${s}: a single share is a fraction between 0 and 1 (50% is 0.5, not 50). For weights, give one per authority (50, 50).`);
    }
    return [s, 1 - s];
  }
  let sum = 0;
  for (let i = 0; i < shares.length; i++) {
    const w = shares[i];
    if (!Number.isFinite(w)) throw invalid(`${name}: weight ${i + 1} is not a finite number.`);
    if (w < 0) throw invalid(`${name}: weight ${i + 1} is ${w}; weights cannot be negative.`);
    sum += w;
  }
  if (!(sum > 0) || !Number.isFinite(sum)) throw invalid(`${name}: the weights add up to ${sum}; they must add up to more than 0.`);
  return shares.slice();
}

/** The normalised fractions of `shares`, adding up to 1 (no rounding). */
export function shareFractions(shares: readonly number[], name = "shares"): number[] {
  const weights = shareWeights(shares, name);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  const out = new Array<number>(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = weights[i] / sum;
  return out;
}
