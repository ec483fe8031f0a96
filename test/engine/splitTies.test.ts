import assert from "node:assert/strict";
import fc from "fast-check";
import { splitPence } from "../../src/core/split";
import { splitFloorFormula, splitPartFormula, splitRemainderFormula, type SplitRefs } from "../../src/formulas/index";
import { columnLetter } from "../../src/workbook/index";
import { buildWorkbook } from "../support/jwHyperFormula";
import { valueAt } from "../support/planInHyperFormula";
import { referenceSplit } from "../unit/core/helpers";

/**
 * The split's formula and the core on the hardest ties: parts of hundreds of thousands of pounds
 * whose exact remainders repeat (5/11 of a penny against 5/11), where rounding the remainder from
 * the share already rounded to 15 digits broke true ties at random. Each case is one row: the
 * amount, the weights, then the written floors, remainders and parts.
 */
function evaluate(cases: readonly { pence: number; weights: number[] }[]): number[][] {
  const n = Math.max(...cases.map((c) => c.weights.length));
  const rows = cases.map((c, i) => {
    const r = i + 1;
    const at = (column: number) => `$${columnLetter(column)}${r}`;
    const weights = Array.from({ length: n }, (_, k) => 2 + k);
    const floors = weights.map((_, k) => 2 + n + k);
    const remainders = weights.map((_, k) => 2 + 2 * n + k);
    const refs: SplitRefs = {
      amount: at(1),
      weights: weights.map(at),
      floors: floors.map(at),
      remainders: remainders.map(at),
      floorsRange: `${at(floors[0])}:${at(floors[n - 1])}`,
      remaindersRange: `${at(remainders[0])}:${at(remainders[n - 1])}`,
    };
    return [
      c.pence / 100,
      ...weights.map((_, k) => c.weights[k] ?? 0),
      ...weights.map((_, k) => `=${splitFloorFormula(refs, k)}`),
      ...weights.map((_, k) => `=${splitRemainderFormula(refs, k)}`),
      ...weights.map((_, k) => `=${splitPartFormula(refs, k)}`),
    ];
  });
  const hf = buildWorkbook({ Ties: rows });
  const out = cases.map((c, i) => c.weights.map((_, k) => Math.round((valueAt(hf, "Ties", `${columnLetter(2 + 3 * n + k)}${i + 1}`) as number) * 100)));
  hf.destroy();
  return out;
}

describe("the split's ties, written and computed, on parts of hundreds of thousands of pounds", () => {
  it("the formula and the core give a true tie to the earlier part, as exact arithmetic does", () => {
    const tie = { pence: -382777806, weights: [231, 496, 10, 585, 714, 450, 846, 23] };
    const [written] = evaluate([tie]);
    const exact = referenceSplit(BigInt(tie.pence), tie.weights).map(Number);
    assert.deepEqual(written, exact);
    assert.deepEqual(splitPence(tie.pence, tie.weights), exact);
  });

  it("the formula equals the core on 400 large splits whose weights add up to multiples of 7, 11 and 13 (repeating remainders)", () => {
    const cases = fc.sample(
      fc.record({
        pence: fc.integer({ min: 10_000_000, max: 1_000_000_000 }).map((p) => (p % 2 ? -p : p)),
        weights: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        factor: fc.constantFrom(7, 11, 13, 77, 143),
      }).map(({ pence, weights, factor }) => {
        // Nudge the last weight so the sum is a multiple of the factor: remainders then repeat.
        const sum = weights.reduce((a, b) => a + b, 0);
        const w = [...weights];
        w[w.length - 1] += (factor - (sum % factor)) % factor;
        return { pence, weights: w };
      }),
      { numRuns: 400, seed: 20191001 },
    );
    const written = evaluate(cases);
    const differ = cases.flatMap((c, i) => {
      const core = splitPence(c.pence, c.weights);
      return core.every((x, k) => x === written[i][k]) ? [] : [`${c.pence} by ${c.weights}: formula ${written[i]}, core ${core}`];
    });
    assert.deepEqual(differ.slice(0, 5), []);
  });
});
