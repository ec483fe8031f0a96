import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { loadFunctionsBundle, requireBuild, type Bound } from "../support/bundle";
import { CustomFunctionsError } from "../support/customFunctionsStandIn";

interface Case {
  fn: string;
  args: unknown[];
  want?: unknown;
  error?: string;
}

const near = (a: unknown, b: unknown): boolean =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b)) : a === b;
function same(got: unknown, want: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => same(got[i], w));
  return near(got, want);
}

/** dist/functions.js loaded alone and called by id with Excel-shaped arguments. */
describe("the built functions bundle, bound by id as Excel binds it", () => {
  let bound: Bound;
  let ids: Set<string>;
  before(async () => {
    ids = new Set(JSON.parse(fs.readFileSync(requireBuild("functions.json"), "utf8")).functions.map((f: { id: string }) => f.id));
    bound = await loadFunctionsBundle();
  });

  it("associates every id in functions.json, and nothing else", () => {
    assert.deepEqual([...bound.keys()].sort(), [...ids].sort());
    assert.equal(ids.size, 11);
  });

  for (const file of ["spec-cases.json", "contract-cases.json"]) {
    const cases: Case[] = JSON.parse(fs.readFileSync(path.join(__dirname, "../cases", file), "utf8"));
    describe(file, () => {
      for (const c of cases) {
        it(`${c.fn}(${JSON.stringify(c.args)})`, async () => {
          const fn = bound.get(c.fn);
          assert.ok(fn, `${c.fn} is not associated`);
          let got: unknown;
          let err: unknown;
          try {
            got = await fn(...c.args);
          } catch (e) {
            err = e;
          }
          if (c.error) {
            assert.ok(err instanceof CustomFunctionsError, `want ${c.error}, got ${JSON.stringify(got) ?? String(err)}`);
            assert.equal(err.code, c.error);
            assert.ok(err.message.trim().length >= 8, "an Excel error carries a message");
          } else {
            assert.equal(err, undefined, `unexpected error ${String(err)}`);
            assert.ok(same(got, c.want), `want ${JSON.stringify(c.want)}, got ${JSON.stringify(got)}`);
          }
        });
      }
    });
  }
});
