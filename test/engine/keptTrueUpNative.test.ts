import assert from "node:assert/strict";
import { DetailedCellError } from "hyperformula";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";
import { buildTrueUp, randomTrueUpCase, trueUpDifferences, type BuiltTrueUp } from "../support/trueUpWorkbook";
import { keptFromPlan } from "../support/keptFromPlan";
import { danglingReferences } from "../support/danglingReferences";
import { random } from "../support/generatedPostList";
import { costPosts } from "../../src/postlist/costPost";
import { trueUpPosts } from "../../src/outturn/index";
import type { Post } from "../../src/postlist/post";
import { BENEFIT_SHEET, SHEET, importPlanKeeping, plannedPost } from "../../src/workbook/index";
import type { HyperFormula } from "../support/jwHyperFormula";

/**
 * A re-import over a workbook with a true-up (JW Outturn kept, JW True-up written again over the
 * new JW Posts in the same write) gives the same true-up as src/core/trueUp.ts for the new posts
 * and the kept outturn (as `jw-summary --outturn` would), with no #REF! anywhere.
 */

/** The post list as imported again: some posts gone, some salaries changed, the order shuffled. */
function reimported(posts: readonly Post[], seed: number): Post[] {
  const rnd = random(seed);
  const out = posts.filter(() => rnd() > 0.2).map((p) => (rnd() < 0.3 ? { ...p, salary: Math.round(p.salary * (0.9 + rnd() * 0.3)) } : p));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function errorsIn(hf: HyperFormula, sheets: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of sheets) {
    const id = hf.getSheetId(name)!;
    hf.getSheetValues(id).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v instanceof DetailedCellError && v.type === "REF") out.push(`${name} row ${r + 1} column ${c + 1}: ${v.value}`);
      }),
    );
  }
  return out;
}

describe("native formulas: the true-up kept by a re-import equals the core, in HyperFormula", () => {
  it("random partnerships, posts dropped, re-costed and reordered: 0 differences, no #REF!", function () {
    this.timeout(240_000);
    const all: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const c = randomTrueUpCase(seed * 7919, 50);
      const before = buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance);
      const codes = c.partnership.authorities.map((a) => a.code);
      const keeps = keptFromPlan(before.plan, codes);
      assert.equal(keeps.method.trueUpTolerance, c.tolerance, "the tolerance is read back from JW Method");
      const posts = reimported(c.posts, seed);
      const built = importPlanKeeping({ partnership: c.partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true }, keeps);
      assert.deepEqual(danglingReferences(before.plan, built.plan), []);
      const outturns = keeps.outturns!.map((o) => ({ row: o.sourceRow, postId: o.postId, actual: o.actual, notes: o.notes }));
      const costs = costPosts(posts, c.partnership);
      const expected: BuiltTrueUp = {
        plan: built.plan,
        layout: built.trueUp!.layout,
        outturnLayout: built.trueUp!.outturn,
        costs,
        result: trueUpPosts(costs, outturns, c.partnership, c.tolerance),
        outturns,
      };
      const hf = planInHyperFormula(built.plan);
      const r = trueUpDifferences((sheet, a1) => valueAt(hf, sheet, a1), expected);
      all.push(...r.lines.slice(0, 5).map((l) => `seed ${seed * 7919}: ${l}`));
      all.push(...errorsIn(hf, [SHEET.trueUp, SHEET.outturn, SHEET.summary, SHEET.posts]).slice(0, 5));
      compared += r.compared;
      hf.destroy();
    }
    assert.deepEqual(all, []);
    assert.ok(compared > 2000, `compared ${compared}`);
  });

  it("the register kept alongside: JW Benefits and the Summary read no deleted sheet", () => {
    const c = randomTrueUpCase(3, 20);
    const before = buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance);
    const keeps = { ...keptFromPlan(before.plan, c.partnership.authorities.map((a) => a.code)), benefits: [] };
    const built = importPlanKeeping({ partnership: c.partnership, posts: c.posts.slice(0, 12).map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true }, keeps);
    const hf = planInHyperFormula(built.plan);
    assert.deepEqual(errorsIn(hf, [SHEET.trueUp, SHEET.outturn, SHEET.summary, BENEFIT_SHEET.benefits]), []);
    hf.destroy();
  });
});
