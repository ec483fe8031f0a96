/**
 * Section 2: the exact-penny split against a naive floating-point split.
 *
 * Ours is src/core/split.ts's splitCost for a single fraction, the rule SPLITCOST applies: the
 * amount to pence as ROUND(x, 2) does (Excel's half pennies), the largest-remainder split of
 * s, 1 − s, back to pounds. The naive split is
 * `[Math.round(a*s*100)/100, Math.round(a*(1-s)*100)/100]`, which does not always add back
 * (0.05 by 0.5 gives 0.03 + 0.03). Both run over the same 65,536 inputs, cycled: amounts and
 * shares as a post list has them (see inputs()).
 */
import { splitCost } from "../../src/core/split";
import { random } from "../../test/support/generatedPostList";
import { comparePair, formatNumber, ratioResult, type Result, type RunOptions, type Section } from "../harness";

const INPUTS = 1 << 16;

function inputs(): { amounts: Float64Array; fractions: Float64Array; shares: number[][] } {
  const next = random(20190401);
  const amounts = new Float64Array(INPUTS);
  const fractions = new Float64Array(INPUTS);
  const shares: number[][] = [];
  for (let i = 0; i < INPUTS; i++) {
    // Half are costs in pence (what PRORATA or EMPLOYMENTCOST give), a quarter whole-pound
    // salaries, a quarter unrounded products such as cost × FTE (some land on a half penny).
    const kind = i % 4;
    amounts[i] =
      kind === 0 ? 20_000 + Math.floor(next() * 180_000)
      : kind === 3 ? (20_000 + next() * 180_000) * [1, 0.8, 0.6, 0.5][i % 3]
      : Math.floor(next() * 30_000_000) / 100;
    // A third the usual splits (50:50, 61:39, 60:40...), a third whole percentages, a third
    // fractions from weights (such as population 141,868 to 54,000).
    const f = i % 3;
    fractions[i] = f === 0 ? [0.5, 0.61, 0.6, 0.74, 0.82][i % 5] : f === 1 ? Math.floor(next() * 101) / 100 : next();
    shares.push([fractions[i]]); // what readVector hands the core: the shares' values
  }
  return { amounts, fractions, shares };
}

/** Where results go, so the work cannot be optimised away. */
export let sink = 0;

export const splitSection: Section = {
  id: "2",
  name: "split",
  title: "Exact-penny split vs a naive floating-point split",
  run(options: RunOptions): Result[] {
    const calls = options.quick ? 100_000 : 1_000_000;
    const { amounts, fractions, shares } = inputs();
    const mask = INPUTS - 1;
    const exact = () => {
      let s = 0;
      for (let i = 0; i < calls; i++) {
        const parts = splitCost(amounts[i & mask], shares[i & mask]);
        s += parts[0] + parts[1];
      }
      sink += s;
    };
    const naive = () => {
      let s = 0;
      for (let i = 0; i < calls; i++) {
        const a = amounts[i & mask];
        const f = fractions[i & mask];
        const parts = [Math.round(a * f * 100) / 100, Math.round(a * (1 - f) * 100) / 100];
        s += parts[0] + parts[1];
      }
      sink += s;
    };
    const t = comparePair(exact, naive, { warmup: options.quick ? 2 : 5, reps: options.quick ? 5 : 15 });
    return [
      ratioResult("2 split", "splitCost (exact pence) vs naive Math.round split", `${formatNumber(calls)} two-way calls`, t, 2),
    ];
  },
};
