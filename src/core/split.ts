import { roundScaled, toPence, toPounds } from "./money";
import { shareWeights } from "./shares";

/**
 * The largest-remainder split (cost-split-rules.md, rule 3): each part gets its exact share
 * rounded down in pence; the pence left over go one each to the parts with the largest
 * remainders, ties to the earlier part. A negative amount is split as its absolute value, then
 * negated.
 *
 * "Exact share" is total × weight ÷ sum of weights in doubles, rounded to a millionth of a
 * penny (Excel's ROUND(x, 6), judged at 15 significant digits) for its whole pence; its
 * remainder is the exact share less those whole pence, rounded to a millionth in the same way.
 * The remainder is rounded on its own (a number below 1) rather than taken from the rounded share:
 * a share of 8 or more whole pence has too few of its 15 digits left for six decimals, and
 * rounding it twice (to 15 digits, then to six places) would break a true tie such as 5/11 of a
 * penny against 5/11 at random.
 * That one rounding is what makes the rule the same in every engine: a tie in exact arithmetic
 * (33.3…p three ways, 0.3 and 0.3 of a penny) computed a few units in the last place apart
 * becomes the same whole number of millionths, so ties are decided by equality of integers, and
 * the written formula (src/formulas/split.ts: ROUND(…, 6), ROUNDDOWN and COUNTIF ranks) makes
 * exactly the same decisions as this code. Two remainders closer than a millionth of a penny
 * count as equal.
 */
export const SPLIT_DIGITS = 6;
const SCALE = 1e6;
/** A council with no share: a remainder of −1 penny (in millionths), as the written formula's −1. */
const NO_SHARE = -SCALE;

/** ROUND(d, 6) in millionths for the (small) remainder d: half away from zero, as Excel. */
function remainderMillionths(d: number): number {
  return d < 0 ? -roundScaled(-d * SCALE) : roundScaled(d * SCALE);
}

/**
 * Splits whole pence by weights (non-negative, positive sum). Parts in pence, adding back to
 * `pence` exactly.
 */
export function splitPence(pence: number, weights: readonly number[]): number[] {
  if (weights.length === 2) return splitTwo(pence, weights[0], weights[1]);
  return splitAny(pence, weights);
}

/** Past this, a share in millionths of a penny is no longer a whole number in a double. */
const EXACT_UNITS = 2 ** 53;

/**
 * splitAny for two weights (a single fraction, the common case), without arrays or loops: this
 * runs once per cell on every recalculation. The same steps: units = ROUND(exact, 6) in
 * millionths, whole pence, remainder in millionths (exactly units − whole × 10^6 while units is
 * a whole number in a double), the leftover penny (0 or 1 here) to the larger remainder, the
 * earlier on a tie, never to a zero share. Anything else goes to splitAny.
 */
function splitTwo(pence: number, w0: number, w1: number, unit = 1): number[] {
  const sum = w0 + w1;
  const total = Math.abs(pence);
  // x ÷ 1 is x exactly: a fraction and its complement usually add up to 1, so skip the division.
  const e0 = sum === 1 ? total * w0 : (total * w0) / sum;
  const e1 = sum === 1 ? total * w1 : (total * w1) / sum;
  const x0 = e0 * SCALE;
  const x1 = e1 * SCALE;
  // ROUND(x, 0) at 15 digits: roundScaled's own test, inlined; only near one half does it need more.
  const f0 = x0 - Math.floor(x0);
  const f1 = x1 - Math.floor(x1);
  const b0 = 1e-7 + x0 * 1e-15;
  const b1 = 1e-7 + x1 * 1e-15;
  const u0 = f0 < 0.5 - b0 || f0 > 0.5 + b0 ? Math.round(x0) : roundScaled(x0);
  const u1 = f1 < 0.5 - b1 || f1 > 0.5 + b1 ? Math.round(x1) : roundScaled(x1);
  if (!(u0 < EXACT_UNITS && u1 < EXACT_UNITS)) return byAny(pence, w0, w1, unit);
  let p0 = Math.floor(u0 / SCALE);
  let p1 = Math.floor(u1 / SCALE);
  const left = total - p0 - p1;
  if (left === 1) {
    // The penny to the larger remainder in millionths, the earlier on a tie, never to a zero share.
    const q0 = w0 > 0 ? remainderTwo(e0 - p0) : NO_SHARE;
    const q1 = w1 > 0 ? remainderTwo(e1 - p1) : NO_SHARE;
    if (q1 > q0) p1 += 1;
    else if (w0 > 0) p0 += 1;
    else return byAny(pence, w0, w1, unit);
  } else if (left !== 0) return byAny(pence, w0, w1, unit);
  // 0 − p is −p, and p + 0 is p, both 0 rather than −0 for a zero part.
  return pence < 0 ? [(0 - p0) / unit, (0 - p1) / unit] : [(p0 + 0) / unit, (p1 + 0) / unit];
}

/** remainderMillionths for the two-way path, with roundScaled's own test inlined: only near one half does it need more. */
function remainderTwo(d: number): number {
  const y = d * SCALE;
  const g = y - Math.floor(y);
  return g < 0.5 - 2e-7 || g > 0.5 + 2e-7 ? Math.round(y) : remainderMillionths(d);
}

function byAny(pence: number, w0: number, w1: number, unit: number): number[] {
  const parts = splitAny(pence, [w0, w1]);
  return unit === 1 ? parts : [parts[0] / unit, parts[1] / unit];
}

/** The rule for any number of weights, step for step as the written formula. */
function splitAny(pence: number, weights: readonly number[]): number[] {
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
    // As the written formula does it: F = ROUNDDOWN(ROUND(exact, 6), 0), R = ROUND(exact − F, 6).
    const rounded = roundScaled(exact * SCALE) / SCALE;
    const floor = rounded < 1e9 ? Math.floor(rounded) : Math.floor(Number(rounded.toPrecision(15)));
    floors[i] = floor;
    // A council with no share ranks below every other, so it never takes a leftover penny.
    millionths[i] = weights[i] > 0 ? remainderMillionths(exact - floor) : NO_SHARE;
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
    parts[i] = floors[i] + (rank < left && weights[i] > 0 ? 1 : 0);
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
  const s = shares.length === 1 ? shares[0] : NaN;
  // A single fraction shareWeights accepts (0 to 1): straight to the two-way split, in pounds.
  if (s >= 0 && s <= 1) return splitTwo(toPence(amount), s, 1 - s, 100);
  const parts = splitPence(toPence(amount), shareWeights(shares, name));
  const pounds = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) pounds[i] = toPounds(parts[i]);
  return pounds;
}
