import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { requireBuild } from "../support/bundle";

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const ROOT = path.resolve(__dirname, "../..");

/** The contract each function's metadata must meet (custom-functions.md). */
const EXPECTED: Record<string, { params: [string, boolean, "matrix" | "scalar"][]; result: "matrix" | "scalar"; type: string }> = {
  SPLITCOST: { params: [["amount", false, "scalar"], ["shares", false, "matrix"], ["part", true, "scalar"]], result: "matrix", type: "number" },
  SHARES: { params: [["shares", false, "matrix"], ["part", true, "scalar"]], result: "matrix", type: "number" },
  JOINTSAVING: { params: [["baselines", false, "matrix"], ["jointCost", false, "scalar"], ["shares", false, "matrix"], ["part", true, "scalar"]], result: "matrix", type: "number" },
  EMPLOYMENTCOST: { params: [["salary", false, "scalar"], ["year", false, "scalar"], ["pensionRate", false, "scalar"], ["fte", true, "scalar"], ["levyRate", true, "scalar"]], result: "scalar", type: "number" },
  EMPLOYERNI: { params: [["pay", false, "scalar"], ["year", false, "scalar"]], result: "scalar", type: "number" },
  PRORATA: { params: [["amount", false, "scalar"], ["year", false, "scalar"], ["start", false, "scalar"], ["end", true, "scalar"], ["basis", true, "scalar"]], result: "scalar", type: "number" },
  RECHARGE: { params: [["amount", false, "scalar"], ["shares", false, "matrix"], ["home", false, "scalar"], ["periods", true, "scalar"]], result: "matrix", type: "number" },
  NOWORSE: { params: [["savings", false, "matrix"], ["tolerance", true, "scalar"]], result: "scalar", type: "boolean" },
  PAYVOTE: { params: [["salary", false, "scalar"], ["threshold", true, "scalar"]], result: "scalar", type: "boolean" },
  PAYBACK: { params: [["oneOffCost", false, "scalar"], ["annualSaving", false, "scalar"]], result: "scalar", type: "number" },
  PROJECTEDSALARY: { params: [["salary", false, "scalar"], ["awards", false, "matrix"], ["years", true, "scalar"]], result: "scalar", type: "number" },
};

describe("functions.json generated from the JSDoc", () => {
  let functions: FunctionMeta[];
  before(() => {
    functions = JSON.parse(fs.readFileSync(requireBuild("functions.json"), "utf8")).functions;
  });

  it("declares exactly the eleven functions, each id its name in capitals", () => {
    assert.deepEqual(functions.map((f) => f.id).sort(), Object.keys(EXPECTED).sort());
    for (const f of functions) assert.equal(f.name, f.id);
  });

  for (const [id, want] of Object.entries(EXPECTED)) {
    it(`${id}: parameters, optional flags, dimensionality, result and help`, () => {
      const f = functions.find((x) => x.id === id)!;
      assert.deepEqual(
        f.parameters.map((p) => [p.name, p.optional === true, p.dimensionality ?? "scalar"]),
        want.params,
      );
      assert.equal(f.result.dimensionality ?? "scalar", want.result);
      assert.equal(f.result.type, want.type);
      assert.ok((f.description ?? "").length > 30, "a description a finance officer can read");
      for (const p of f.parameters) assert.ok((p.description ?? "").length > 10, `help for ${id}.${p.name}`);
      assert.match(f.helpUrl ?? "", new RegExp(`/help\\.html#${id}$`));
      // Ranges that may hold blanks arrive untyped so a blank share or baseline is an error, not a 0.
      for (const p of f.parameters) if (p.dimensionality === "matrix") assert.equal(p.type, "any");
    });
  }

  it("matches what the generator makes from the JSDoc today (no stale or hand-edited file)", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jw-meta-")), "functions.json");
    const bin = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "custom-functions-metadata.cmd" : "custom-functions-metadata");
    execFileSync(bin, ["generate", path.join(ROOT, "src/functions/functions.ts"), out], { cwd: ROOT, stdio: "pipe" });
    assert.ok(fs.existsSync(out), "the generator wrote no file: the JSDoc has errors");
    // A production build points the help links at the deployed site; compare the rest exactly.
    const withoutOrigin = (text: string) => JSON.parse(text.replace(/https:\/\/[^/"]+\//g, "ORIGIN/"));
    assert.deepEqual(withoutOrigin(fs.readFileSync(out, "utf8")), withoutOrigin(fs.readFileSync(requireBuild("functions.json"), "utf8")));
  });
});
