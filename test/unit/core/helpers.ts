/**
 * Test helpers for src/core: error matching and exact reference computations done a different
 * way from the engine (BigInt rationals), so the properties compare against the rule itself,
 * not against a copy of the engine's floating-point code.
 */
import assert from "node:assert/strict";
import { RuleError, type RuleErrorKind } from "../../../src/core/errors";

/** Asserts that `fn` throws a RuleError of `kind` whose message matches every pattern. */
export function assertRuleError(fn: () => unknown, kind: RuleErrorKind, ...patterns: RegExp[]): RuleError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, "expected a RuleError, nothing was thrown");
  assert.ok(caught instanceof RuleError, `expected a RuleError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, `kind of "${caught.message}"`);
  for (const p of patterns) assert.match(caught.message, p);
  return caught;
}

/** An exact rational num/den (den > 0). */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** The exact value of a finite double as a rational (its denominator a power of two). */
export function rationalOfDouble(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  let den = 1n;
  let v = x;
  // Doubling is exact; a finite double becomes whole after at most 1074 doublings.
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return { num: BigInt(v), den };
}

/** The weights over one common denominator (a power of two), as BigInt numerators. */
export function commonNumerators(weights: readonly number[]): bigint[] {
  const rs = weights.map(rationalOfDouble);
  let den = 1n;
  for (const r of rs) if (r.den > den) den = r.den; // powers of two: the largest is a multiple of all
  return rs.map((r) => r.num * (den / r.den));
}

/**
 * The largest-remainder split of rule 3 in exact integer arithmetic: floors, then one penny each
 * to the largest remainders, ties to the earlier part, zero weights never; negatives mirrored.
 */
export function referenceSplit(pence: bigint, weights: readonly number[]): bigint[] {
  const w = commonNumerators(weights);
  const total = pence < 0n ? -pence : pence;
  const sum = w.reduce((a, b) => a + b, 0n);
  const floors = w.map((wi) => (total * wi) / sum);
  const rems = w.map((wi) => (total * wi) % sum);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = w
    .map((wi, i) => ({ i, wi, r: rems[i] }))
    .filter((x) => x.wi > 0n)
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] += 1n;
    left -= 1n;
  }
  return pence < 0n ? floors.map((f) => -f) : floors;
}

/**
 * Where a split differs from the exact one (referenceSplit), the pence moved: each part that
 * gained a penny paired with one that lost it, and how far apart their exact remainders are, in
 * millionths of a penny. The rule rounds remainders to a millionth in doubles (src/core/split.ts),
 * so only remainders that close may be ordered otherwise than exact arithmetic orders them.
 * Null when the difference is not such moves (a part off by more than a penny, or unpaired).
 */
export function pennyMoves(pence: number, weights: readonly number[], parts: readonly number[]): { from: number; to: number; millionthsApart: number }[] | null {
  const exact = referenceSplit(BigInt(pence), weights).map(Number);
  const w = commonNumerators(weights);
  const total = BigInt(Math.abs(pence));
  const sum = w.reduce((a, b) => a + b, 0n);
  const rems = w.map((wi) => (total * wi) % sum);
  const gained: number[] = [];
  const lost: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const d = Math.abs(parts[i]) - Math.abs(exact[i]);
    if (d === 1) gained.push(i);
    else if (d === -1) lost.push(i);
    else if (d !== 0) return null;
  }
  if (gained.length !== lost.length) return null;
  return gained.map((to, k) => {
    const from = lost[k];
    const apart = rems[to] > rems[from] ? rems[to] - rems[from] : rems[from] - rems[to];
    return { from, to, millionthsApart: Number((apart * 1_000_000n * 1000n) / sum) / 1000 };
  });
}

/** Rounds num/den to a whole number, half away from zero (den > 0). */
export function roundHalfAway(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const a = neg ? -num : num;
  const q = (2n * a + den) / (2n * den);
  return neg ? -q : q;
}

/** Every value is a finite number (no NaN, no Infinity). */
export function allFinite(values: readonly number[]): boolean {
  return values.every((v) => typeof v === "number" && Number.isFinite(v));
}
