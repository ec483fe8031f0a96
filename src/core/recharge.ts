import { invalid } from "./errors";
import { toPence } from "./money";
import { shareWeights } from "./shares";
import { splitPence } from "./split";

/**
 * Recharges (cost-split-rules.md, rule 8): the home authority pays the post holder and invoices
 * each partner its share over the periods (12 monthly, 4 quarterly, 1 annual). Each period is
 * the share over the periods rounded down to the penny; the last takes what is left.
 */
export function periodsPence(sharePence: number, periods: number): number[] {
  const magnitude = Math.abs(sharePence);
  const each = Math.floor(magnitude / periods);
  const out = new Array<number>(periods).fill(each);
  out[periods - 1] = magnitude - each * (periods - 1);
  if (sharePence < 0) for (let i = 0; i < periods; i++) out[i] = out[i] === 0 ? 0 : -out[i];
  return out;
}

export function checkPeriods(periods: number): number {
  if (!Number.isInteger(periods) || periods < 1) {
    throw invalid(`periods is ${periods}: give a whole number of 1 or more (12 monthly, 4 quarterly, 1 annual).`);
  }
  return periods;
}

/**
 * The schedule in pence: one row per period, one column per authority, what each pays the home
 * authority (0-based index) in that period; the home column is zero.
 */
export function rechargeSchedulePence(amountPence: number, weights: readonly number[], home: number, periods = 12): number[][] {
  checkPeriods(periods);
  if (!Number.isInteger(home) || home < 0 || home >= weights.length) {
    throw invalid(`home is ${home + 1}: give the home authority's position in shares, 1 to ${weights.length}.`);
  }
  const parts = splitPence(amountPence, weights);
  const rows: number[][] = [];
  for (let p = 0; p < periods; p++) rows.push(new Array<number>(weights.length).fill(0));
  for (let a = 0; a < weights.length; a++) {
    if (a === home) continue;
    const schedule = periodsPence(parts[a], periods);
    for (let p = 0; p < periods; p++) rows[p][a] = schedule[p];
  }
  return rows;
}

/** The schedule in pounds; `home` is 1-based as in the worksheet function. */
export function rechargeSchedule(amount: number, shares: readonly number[], home: number, periods = 12): number[][] {
  const rows = rechargeSchedulePence(toPence(amount), shareWeights(shares), home - 1, periods);
  return rows.map((row) => row.map((p) => p / 100));
}
