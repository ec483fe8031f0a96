import { invalid } from "./errors";
import { toPence } from "./money";
import { shareWeights } from "./shares";
import { splitPence } from "./split";

/**
 * Savings (cost-split-rules.md, rule 6): for each authority, its baseline minus its part of the
 * joint cost, over the same period.
 */

/**
 * Rule 6's assumption where no baseline is given: an authority that takes a share would have
 * needed its own post at the same cost; one with a zero share would have needed none.
 */
export function assumedBaselinesPence(jointCostPence: number, weights: readonly number[]): number[] {
  const out = new Array<number>(weights.length);
  for (let i = 0; i < weights.length; i++) out[i] = weights[i] > 0 ? jointCostPence : 0;
  return out;
}

/** Savings in pence: baselines (pence) minus the split of the joint cost (pence). */
export function savingsPence(baselinesPence: readonly number[], jointCostPence: number, weights: readonly number[]): number[] {
  if (baselinesPence.length !== weights.length) {
    throw invalid(`baselines has ${baselinesPence.length} values but shares has ${weights.length} authorities: give one baseline per authority.`);
  }
  const parts = splitPence(jointCostPence, weights);
  const out = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = baselinesPence[i] - parts[i];
  return out;
}

/** Each authority's saving in pounds: its baseline minus its part of `jointCost`. */
export function jointSavings(baselines: readonly number[], jointCost: number, shares: readonly number[]): number[] {
  const weights = shareWeights(shares);
  const baselinePence = new Array<number>(baselines.length);
  for (let i = 0; i < baselines.length; i++) {
    if (!Number.isFinite(baselines[i])) throw invalid(`baselines: value ${i + 1} is not a number.`);
    baselinePence[i] = toPence(baselines[i]);
  }
  return savingsPence(baselinePence, toPence(jointCost), weights).map((p) => p / 100);
}
