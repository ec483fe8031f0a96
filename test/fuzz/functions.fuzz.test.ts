/**
 * Fuzz tests for the ten JW worksheet functions, called exactly as the add-in exports them
 * (src/functions/functions.ts) with the CustomFunctions stand-in installed.
 *
 * The contract (custom-functions.md, "Results"): every call either returns a value of the
 * function's declared type (a finite number; TRUE/FALSE for NOWORSE and PAYVOTE; a non-empty
 * rectangular 2D array of finite numbers for a spill, or one finite number when `part` is
 * given) or throws CustomFunctions.Error with code #VALUE! or #N/A and a non-empty message. It
 * never throws anything else and never returns NaN or Infinity.
 *
 * Inputs are anything Excel can hand over, and some it should not: numbers (1e308, 5e-324, -0,
 * NaN, ±Infinity, whole and fractional), text (numeric-looking "100", "", " ", "=1+1", years,
 * dates), booleans, null, undefined, 2D arrays (empty, [[]], 1×N, N×1, N×M, ragged, mixed cell
 * types) and error-value-like objects. Half of the cases are built to be nearly valid, so the
 * success paths are explored as hard as the refusals.
 *
 * Runs: FUZZ_RUNS per property (default 10,000). There are ten contract properties, one per
 * function, plus eight targeted ones (two of them check the core's fast paths against its
 * general code), so FUZZ_RUNS=100000 makes 1,000,000 contract calls in all:
 *
 *   npx mocha test/fuzz/functions.fuzz.test.ts                       # 10,000 per function
 *   FUZZ_RUNS=100000 npx mocha test/fuzz/functions.fuzz.test.ts      # 1,000,000 in total
 *   FUZZ_SEED=1234 npx mocha test/fuzz/functions.fuzz.test.ts        # replay a reported seed
 *
 * A failure prints the seed, the path and the shrunk arguments (fast-check's report).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { CustomFunctionsError, installCustomFunctionsStandIn } from "../support/customFunctionsStandIn";
import * as jw from "../../src/functions/functions";
import { splitPence } from "../../src/core/split";
import { toPence } from "../../src/core/money";

installCustomFunctionsStandIn();

const RUNS = Math.max(1, Math.floor(Number(process.env.FUZZ_RUNS) || 10_000));
const SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== "" ? Number(process.env.FUZZ_SEED) : undefined;
const PARAMS: fc.Parameters<unknown> = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

// ---------------------------------------------------------------------------------------------
// What Excel can pass
// ---------------------------------------------------------------------------------------------

const specialNumber = fc.constantFrom(
  0, -0, 1, -1, 0.5, 2, 3, 4, 12, 100, 1e308, -1e308, 5e-324, -5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER, 1e15, 1e21, 0.1 + 0.2, 1.005, 2.675, 0.005, 0.015, 10000001.075, 8632, 100000, 99999.99,
  190000, 1900, 2017, 2019, 2026, 2027, 9998, 9999, 43739, 2958465, 2958466, 1048576, 1048577,
  NaN, Infinity, -Infinity,
);

const anyNumber: fc.Arbitrary<number> = fc.oneof(
  specialNumber,
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.integer({ min: -40, max: 40 }).map((n) => n / 4),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
);

const specialText = fc.constantFrom(
  "100", "", " ", "  ", "\t", "\u00a0", "=1+1", "-5", "1,234", "£100", "0.5", "50%", "TRUE", "FALSE", "NaN", "Infinity",
  "1e308", "#VALUE!", "#N/A", "2019/20", "2019-20", "2019/2020", "2019", " 2019 / 20 ", "2019/21", "2031/32", "1899/00",
  "9999/00", "days", "months", " Months ", "weeks", "01/10/2019", "1.10.19", "2019-10-01", "2019-10-01T00:00:00Z",
  "31/02/2019", "29/02/2020", "00/00/0000", "10/13/2019", "x".repeat(200),
);

const text: fc.Arbitrary<string> = fc.oneof(specialText, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 12 }));

/** Objects that look like error values (Excel does not pass errors to functions, but if one came). */
const errorLike = fc.constantFrom<unknown>(
  new CustomFunctionsError("#N/A", "from another cell"),
  new CustomFunctionsError("#VALUE!", ""),
  new Error("#REF!"),
  { code: "#VALUE!" },
  { type: "Error", errorType: "#DIV/0!" },
  { value: "#NUM!", message: "" },
  { valueOf: () => 5 },
  {},
  Object.create(null),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyNumber, weight: 5 },
  { arbitrary: text, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: errorLike, weight: 1 },
);

/** Ranges of any shape: empty, [[]], 1×N, N×1, N×M, ragged, and (not from Excel) a flat list. */
function grids<T>(cell: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>([], [[]], [[], []], [[], [1]]),
    fc.array(cell, { minLength: 1, maxLength: 6 }).map((row) => [row]),
    fc.array(cell, { minLength: 1, maxLength: 6 }).map((col) => col.map((c) => [c])),
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([h, w]) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h })),
    fc.array(fc.array(cell, { maxLength: 5 }), { minLength: 1, maxLength: 5 }),
    fc.array(cell, { minLength: 1, maxLength: 4 }),
  );
}

const anything: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: scalar, weight: 3 }, { arbitrary: grids(scalar), weight: 2 });

// ---------------------------------------------------------------------------------------------
// What a finance officer would pass (so the success paths are fuzzed too)
// ---------------------------------------------------------------------------------------------

const pence = fc.integer({ min: -100_000_000_00, max: 100_000_000_00 }).map((p) => p / 100);
const money: fc.Arbitrary<number> = fc.oneof(
  pence,
  fc.integer({ min: 0, max: 300_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.integer({ min: -1e7, max: 1e7 }).map((n) => n + 0.005),
  specialNumber,
);
const fraction = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }).map((n) => n / 100));
const weight = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fraction, fc.constant(5e-324));
const weightList = fc.array(weight, { minLength: 2, maxLength: 8 });

/** Shares as Excel passes them: a bare fraction, [[fraction]], a row or a column of weights. */
const sharesArg: fc.Arbitrary<unknown> = fc.oneof(
  fraction,
  fraction.map((s) => [[s]]),
  weightList.map((w) => [w]),
  weightList.map((w) => w.map((x) => [x])),
);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.oneof({ arbitrary: arb, weight: 3 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
const partArg = maybe(fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constantFrom(1.5, 0.999, 2.0000001)));
const yearArg: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 2010, max: 2030 }),
  fc.integer({ min: 2010, max: 2030 }).map((y) => `${y}/${String((y + 1) % 100).padStart(2, "0")}`),
  fc.integer({ min: 2010, max: 2030 }).map((y) => `${y}-${y + 1}`),
  fc.integer({ min: 1899, max: 10000 }),
);
const serial = fc.integer({ min: 41000, max: 47500 });
const dateArg: fc.Arbitrary<unknown> = fc.oneof(
  serial,
  serial.map((s) => s + 0.75),
  fc.constantFrom<unknown>(0, "", null, undefined, " ", "01/10/2019", "2019-10-01", "31/03/2020", "01/04/2019", 1, 60, 61, 2958465),
);
const basisArg = fc.constantFrom<unknown>("days", "months", "MONTHS", null, undefined, "", "weeks");
const rateArg = fc.oneof(fraction, fc.constantFrom(0, 0.199, 0.2, 20, -0.1, 1, 1.0001));
const fteArg = maybe(fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.constantFrom(1, 0.5, 0, -1)));
const homeArg = fc.oneof(fc.integer({ min: -1, max: 10 }), fc.constantFrom(1.5, null, undefined));
const periodsArg = maybe(fc.oneof(fc.constantFrom(1, 4, 12, 0, -1, 2.5, 1048577, 1e9), fc.integer({ min: 1, max: 60 })));
const savingsArg = grids(fc.oneof({ arbitrary: money, weight: 6 }, { arbitrary: scalar, weight: 1 }));
const toleranceArg = maybe(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom(-1, 0)));

/** Each argument: usually a plausible value, sometimes anything at all. */
function arg<T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: plausible as fc.Arbitrary<unknown>, weight: 4 }, { arbitrary: anything, weight: 1 });
}

/** Argument lists: half nearly valid (each argument occasionally wild), half anything at all. */
function argLists(...plausible: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    fc.tuple(...plausible.map(arg)),
    fc.tuple(...plausible.map(() => anything)),
  ) as fc.Arbitrary<unknown[]>;
}

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

type Returns = "number" | "boolean" | "spill" | "spill-or-part";

interface Case {
  name: string;
  fn: (...args: never[]) => unknown;
  returns: Returns;
  args: fc.Arbitrary<unknown[]>;
  /** Index of `part`, for functions that return one value when it is given. */
  partArg?: number;
  /** Whether its results are money (whole pence). */
  money?: boolean;
  /** Whether a year outside the on-cost table (#N/A) can arise. */
  usesNiTable?: boolean;
}

export const CASES: Case[] = [
  { name: "SPLITCOST", fn: jw.splitCost, returns: "spill-or-part", partArg: 2, money: true, args: argLists(money, sharesArg, partArg) },
  { name: "SHARES", fn: jw.shares, returns: "spill-or-part", partArg: 1, args: argLists(sharesArg, partArg) },
  {
    name: "JOINTSAVING",
    fn: jw.jointSaving,
    returns: "spill-or-part",
    partArg: 3,
    money: true,
    args: argLists(fc.oneof(fc.array(money, { minLength: 1, maxLength: 8 }).map((b) => [b]), savingsArg), money, sharesArg, partArg),
  },
  {
    name: "EMPLOYMENTCOST",
    fn: jw.employmentCost,
    returns: "number",
    money: true,
    usesNiTable: true,
    args: argLists(money, yearArg, rateArg, fteArg, maybe(rateArg)),
  },
  { name: "EMPLOYERNI", fn: jw.employerNi, returns: "number", money: true, usesNiTable: true, args: argLists(money, yearArg) },
  { name: "PRORATA", fn: jw.proRata, returns: "number", money: true, args: argLists(money, yearArg, dateArg, dateArg, basisArg) },
  { name: "RECHARGE", fn: jw.recharge, returns: "spill", money: true, args: argLists(money, sharesArg, homeArg, periodsArg) },
  { name: "NOWORSE", fn: jw.noWorse, returns: "boolean", args: argLists(savingsArg, toleranceArg) },
  { name: "PAYVOTE", fn: jw.payVote, returns: "boolean", args: argLists(money, maybe(money)) },
  { name: "PAYBACK", fn: jw.payback, returns: "number", args: argLists(money, money) },
  {
    name: "PROJECTEDSALARY",
    fn: jw.projectedSalary,
    returns: "number",
    money: true,
    args: argLists(money, fc.oneof(fraction.map((a) => [[a]]), fc.array(rateArg, { minLength: 1, maxLength: 10 }).map((a) => [a])), maybe(fc.oneof(fc.integer({ min: -1, max: 60 }), fc.constantFrom(1.5, 1e9)))),
  },
];

function show(value: unknown): string {
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? String(v) : v === undefined ? "undefined" : v));
  } catch {
    return String(value);
  }
}

/** assert.ok with a message built only on failure: a spill can have a million cells. */
function check(condition: boolean, message: () => string): void {
  if (!condition) assert.fail(message());
}

function assertFiniteNumber(value: unknown, what: string): asserts value is number {
  check(typeof value === "number", () => `${what}: expected a number, got ${show(value)}`);
  check(Number.isFinite(value as number), () => `${what}: expected a finite number, got ${String(value)}`);
}

/** Whole pence: what ROUND(x, 2) shows is the value itself. */
function assertPence(value: number, what: string): void {
  if (Math.abs(value) >= 1e13) return; // beyond 2^53 / 100 a double cannot hold every penny
  check(Math.round(value * 100) / 100 === value, () => `${what}: ${value} is not a whole number of pence`);
}

function assertSpill(value: unknown, what: string, isMoney: boolean): number[][] {
  check(Array.isArray(value), () => `${what}: expected a 2D array, got ${show(value)}`);
  const grid = value as unknown[];
  check(grid.length > 0, () => `${what}: the spill is empty`);
  let width = -1;
  for (const row of grid) {
    check(Array.isArray(row), () => `${what}: a row is not an array: ${show(value)}`);
    const cells = row as unknown[];
    check(cells.length > 0, () => `${what}: a row is empty`);
    if (width < 0) width = cells.length;
    check(cells.length === width, () => `${what}: ragged spill ${show(value)}`);
    for (const cell of cells) {
      assertFiniteNumber(cell, what);
      if (isMoney) assertPence(cell, what);
    }
  }
  return value as number[][];
}

/** The shape a per-authority spill must have: that of shares (a single fraction gives a row of two). */
function expectedShape(shares: unknown, count: number): [number, number] | undefined {
  if (!Array.isArray(shares)) return [1, 2];
  // A flat list (Excel never passes one) is read as rows of one cell each, that is a column.
  const grid = shares.map((row) => (Array.isArray(row) ? row : [row]));
  if (grid.length === 1 && grid[0].length === 1) return [1, 2];
  if (grid.length === 1) return [1, count];
  if (grid.every((r) => r.length === 1)) return [count, 1];
  return undefined;
}

const isOmitted = (v: unknown) => v === null || v === undefined;

/** Calls the function and checks the outcome against the contract; throws (an assertion) on a breach. */
export function checkContract(c: Case, args: unknown[]): void {
  let result: unknown;
  try {
    result = (c.fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    assert.ok(e instanceof CustomFunctionsError, `${c.name} threw something other than CustomFunctions.Error: ${String(e)}`);
    assert.ok(e.code === "#VALUE!" || e.code === "#N/A", `${c.name} threw code ${e.code}`);
    assert.equal(typeof e.message, "string");
    assert.ok(e.message.trim().length > 0, `${c.name} threw ${e.code} with an empty message`);
    assert.ok(e.message.startsWith(`${c.name}: `), `${c.name}'s message does not name the function: ${e.message}`);
    // The guard's catch-all for a non-rule exception (a TypeError, a RangeError...) means a bug.
    assert.doesNotMatch(e.message, /could not be read/, `${c.name} failed inside: ${e.message}`);
    // (NaN may be named: it is what was given. undefined or [object …] would be our slip.)
    assert.doesNotMatch(e.message, /\bundefined\b|\[object /, `${c.name}: message shows an internal value: ${e.message}`);
    if (e.code === "#N/A") {
      assert.ok(c.usesNiTable, `${c.name} gave #N/A but has no year table`);
      assert.match(e.message, /years known are \d{4}\/\d{2} to \d{4}\/\d{2}/);
    }
    return;
  }
  switch (c.returns) {
    case "number":
      assertFiniteNumber(result, c.name);
      if (c.money) assertPence(result, c.name);
      return;
    case "boolean":
      check(typeof result === "boolean", () => `${c.name}: expected TRUE/FALSE, got ${show(result)}`);
      return;
    case "spill": {
      const grid = assertSpill(result, c.name, !!c.money);
      if (c.name === "RECHARGE") {
        const periods = isOmitted(args[3]) ? 12 : (args[3] as number);
        assert.equal(grid.length, periods, "RECHARGE: one row per period");
      }
      return;
    }
    case "spill-or-part": {
      const part = args[c.partArg!];
      if (!isOmitted(part)) {
        assertFiniteNumber(result, `${c.name} with part`);
        if (c.money) assertPence(result, c.name);
        return;
      }
      const grid = assertSpill(result, c.name, !!c.money);
      const sharesIndex = c.name === "SHARES" ? 0 : c.name === "SPLITCOST" ? 1 : 2;
      const count = grid.length * grid[0].length;
      const shape = expectedShape(args[sharesIndex], count);
      check(shape !== undefined, () => `${c.name} spilled although shares ${show(args[sharesIndex])} is not one row or column`);
      assert.deepEqual([grid.length, grid[0].length], shape, `${c.name}: the spill is not in the shape of shares`);
      return;
    }
  }
}

describe("JW functions under fuzzing", function () {
  this.timeout(0); // FUZZ_RUNS can make a property run for minutes

  describe(`the contract: a declared value or #VALUE!/#N/A with a message (${RUNS.toLocaleString("en-GB")} runs each)`, () => {
    for (const c of CASES) {
      it(c.name, () => {
        fc.assert(
          fc.property(c.args, (args) => {
            checkContract(c, args);
          }),
          PARAMS,
        );
      });
    }
  });

  // -------------------------------------------------------------------------------------------
  // Targeted properties over valid input
  // -------------------------------------------------------------------------------------------

  /** ROUND(x, 2) in pence, computed independently of src/core: decimal arithmetic on BigInt. */
  function roundPenceReference(x: number): number {
    if (x === 0) return 0;
    // Excel rounds the number as it shows it: 15 significant digits.
    const [mantissa, exp] = Math.abs(x).toExponential(14).split("e");
    const digits = BigInt(mantissa.replace(".", "")); // value = digits × 10^(exp − 14)
    const shift = Number(exp) - 14 + 2; // to pence
    let p: bigint;
    if (shift >= 0) p = digits * 10n ** BigInt(shift);
    else {
      const div = 10n ** BigInt(-shift);
      p = digits / div;
      if ((digits % div) * 2n >= div) p += 1n; // half away from zero (on the magnitude)
    }
    const n = Number(p);
    return x < 0 && n !== 0 ? -n : n;
  }

  const validAmount = fc.oneof(
    pence,
    fc.double({ min: -1e11, max: 1e11, noNaN: true }),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n + 0.005),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
    fc.constantFrom(1.005, 2.675, 0.005, 0.015, 10000001.075, 190000, 0.01, 0, -0, 5e-324, 99999999999.995),
  );
  const positiveWeights = weightList.filter((w) => w.reduce((a, b) => a + b, 0) > 0);
  const validShares: fc.Arbitrary<{ arg: unknown; weights: number[] }> = fc.oneof(
    fraction.map((s) => ({ arg: [[s]], weights: [s, 1 - s] })),
    fraction.map((s) => ({ arg: s, weights: [s, 1 - s] })),
    positiveWeights.map((w) => ({ arg: [w], weights: w })),
    positiveWeights.map((w) => ({ arg: w.map((x) => [x]), weights: w })),
  );
  const flat = (grid: number[][]) => grid.flat();
  const toP = (pounds: number) => Math.round(pounds * 100);

  describe("what fuzzing found (kept as plain cases)", () => {
    const refuses = (call: () => unknown, pattern: RegExp) =>
      assert.throws(call, (e: unknown) => e instanceof CustomFunctionsError && e.code === "#VALUE!" && pattern.test(e.message));

    it("refuses an amount beyond 15 digits instead of looping for ever (SPLITCOST 1e298 by six weights hung)", () => {
      const weights = [[0.28735304261553885, 0.8761448081906404, 0.11936661195503762, 0.2315475668347431, 0.9000794606471738, 0.028773171101271533]];
      refuses(() => jw.splitCost(1e298, weights), /SPLITCOST: amount is 1e\+298: give an amount between/);
      refuses(() => jw.jointSaving([[1, 1]], -1e21, [[0.5]]), /JOINTSAVING: jointCost/);
      refuses(() => jw.recharge(1e14, [[0.5]], 1), /RECHARGE: amount/);
      // The largest amount still splits, and adds back.
      const parts = jw.splitCost(9_999_999_999_999.99, [[1, 1, 1]]) as number[][];
      assert.equal(parts[0].reduce((a, b) => a + toP(b), 0), 999_999_999_999_999);
    });

    it("refuses more periods than a sheet has rows instead of running out of memory (RECHARGE periods 1e9)", () => {
      refuses(() => jw.recharge(100, [[0.5]], 1, 1e9), /periods is 1000000000: give a whole number up to 1,048,576/);
      refuses(() => jw.recharge(100, [[0.5]], 1, 1_048_577), /periods/);
    });
  });

  describe("targeted properties", () => {
    it("SPLITCOST parts add back to ROUND(amount, 2) to the penny, each within a penny of its exact share", () => {
      fc.assert(
        fc.property(validAmount, validShares, (amount, shares) => {
          const parts = flat(jw.splitCost(amount, shares.arg as never) as number[][]);
          assert.equal(parts.length, shares.weights.length);
          const total = roundPenceReference(amount);
          let sum = 0;
          for (const p of parts) sum += toP(p);
          check(sum === total, () => `parts ${show(parts)} of ${amount} add to ${sum}p, not ${total}p`);
          const wsum = shares.weights.reduce((a, b) => a + b, 0);
          shares.weights.forEach((w, i) => {
            const exact = (total * w) / wsum;
            assert.ok(Math.abs(toP(parts[i]) - exact) < 1 + 1e-6 * Math.abs(total), `part ${i + 1} ${parts[i]} is not within a penny of ${exact / 100}`);
            if (w === 0) assert.equal(toP(parts[i]), 0, "a zero weight gets nothing");
          });
        }),
        PARAMS,
      );
    });

    it("SPLITCOST, SHARES and JOINTSAVING with part give that element of the spill", () => {
      fc.assert(
        fc.property(validAmount, validShares, fc.nat(), (amount, shares, pick) => {
          const n = shares.weights.length;
          const k = (pick % n) + 1;
          assert.equal(jw.splitCost(amount, shares.arg as never, k), flat(jw.splitCost(amount, shares.arg as never) as number[][])[k - 1]);
          assert.equal(jw.shares(shares.arg as never, k), flat(jw.shares(shares.arg as never) as number[][])[k - 1]);
          const baselines = [shares.weights.map(() => amount)];
          assert.equal(jw.jointSaving(baselines, amount, shares.arg as never, k), flat(jw.jointSaving(baselines, amount, shares.arg as never) as number[][])[k - 1]);
        }),
        PARAMS,
      );
    });

    it("RECHARGE columns add to the SPLITCOST parts; the home column is zero", () => {
      fc.assert(
        fc.property(validAmount, validShares, fc.nat(), fc.oneof(fc.constantFrom(null, 1, 4, 12), fc.integer({ min: 1, max: 60 })), (amount, shares, pick, periods) => {
          const n = shares.weights.length;
          const home = (pick % n) + 1;
          const schedule = jw.recharge(amount, shares.arg as never, home, periods as never);
          const parts = flat(jw.splitCost(amount, shares.arg as never) as number[][]);
          assert.equal(schedule.length, periods ?? 12);
          for (let a = 0; a < n; a++) {
            let sum = 0;
            for (const row of schedule) sum += toP(row[a]);
            check(sum === (a === home - 1 ? 0 : toP(parts[a])), () => `column ${a + 1} of ${show(schedule)} adds to ${sum}p`);
            if (a === home - 1) for (const row of schedule) assert.equal(row[a], 0);
          }
        }),
        PARAMS,
      );
    });

    it("JOINTSAVING is each baseline minus the SPLITCOST part, to the penny", () => {
      fc.assert(
        fc.property(validAmount, validShares, fc.array(pence, { minLength: 8, maxLength: 8 }), (cost, shares, pool) => {
          const baselines = shares.weights.map((_, i) => pool[i]);
          const savings = flat(jw.jointSaving([baselines], cost, shares.arg as never) as number[][]);
          const parts = flat(jw.splitCost(cost, shares.arg as never) as number[][]);
          savings.forEach((s, i) => assert.equal(toP(s), toP(baselines[i]) - toP(parts[i])));
        }),
        PARAMS,
      );
    });

    it("SHARES fractions add up to 1 and keep the weights' proportions", () => {
      fc.assert(
        fc.property(validShares, (shares) => {
          const fractions = flat(jw.shares(shares.arg as never) as number[][]);
          const sum = fractions.reduce((a, b) => a + b, 0);
          check(Math.abs(sum - 1) < 1e-12, () => `fractions ${show(fractions)} add to ${sum}`);
          fractions.forEach((f) => assert.ok(f >= 0 && f <= 1));
        }),
        PARAMS,
      );
    });

    it("a third, zero weight changes nothing in a two-way split", () => {
      const w = fc.oneof(weight, fc.constantFrom(0, -0, 1, 0.5, 5e-324, 1e300));
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: -1000, max: 1000 })), w, w, (p, a, b) => {
          if (!(a + b > 0) || !Number.isFinite(a + b)) return;
          const two = splitPence(p, [a, b]);
          const viaAny = splitPence(p, [a, b, 0]).slice(0, 2);
          check(two.length === 2 && Object.is(two[0], viaAny[0]) && Object.is(two[1], viaAny[1]), () => `${p} by ${a}, ${b}: ${show(two)} but ${show(viaAny)}`);
        }),
        PARAMS,
      );
    });

    it("toPence's half-penny shortcut agrees with reading the amount to 15 digits as text", () => {
      /** toPence as first written: near a half, Math.round(Number(x.toPrecision(15))). */
      const byText = (pounds: number) => {
        const scaled = Math.abs(pounds) * 100;
        const fraction = scaled - Math.floor(scaled);
        const band = 1e-7 + scaled * 1e-15;
        const pence = fraction < 0.5 - band || fraction > 0.5 + band ? Math.round(scaled) : Math.round(Number(scaled.toPrecision(15)));
        return pounds < 0 && pence !== 0 ? -pence : pence;
      };
      const halfPenny = fc.tuple(fc.integer({ min: 0, max: 13 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -300, max: 300 }), fc.boolean());
      fc.assert(
        fc.property(fc.oneof(halfPenny, halfPenny), fc.oneof(money, fc.double()), ([digits, r, ulps, negative], other) => {
          // whole + ½ pence, nudged by a few units in the last place, at every size to 15 digits
          const whole = Math.floor(r * 10 ** digits);
          const scaled = whole + 0.5 + ulps * Number.EPSILON * Math.max(1, whole);
          const pounds = (negative ? -scaled : scaled) / 100;
          check(toPence(pounds) === byText(pounds), () => `toPence(${pounds}) is ${toPence(pounds)}, by text ${byText(pounds)}`);
          check(Object.is(toPence(other), byText(other)), () => `toPence(${other}) is ${toPence(other)}, by text ${byText(other)}`);
        }),
        PARAMS,
      );
    });

    it("EMPLOYMENTCOST is the pay plus its three on-costs, and never below the pay", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000_00 }).map((p) => p / 100),
          fc.integer({ min: 2017, max: 2026 }),
          fraction,
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          (salary, year, pensionRate, fte) => {
            const cost = jw.employmentCost(salary, year, pensionRate, fte);
            const pay = roundPenceReference(salary * fte);
            const ni = toP(jw.employerNi(pay / 100, year));
            const pension = roundPenceReference((pay / 100) * pensionRate);
            const levy = roundPenceReference((pay / 100) * 0.005);
            assert.equal(toP(cost), pay + ni + pension + levy);
            assert.ok(toP(cost) >= pay);
          },
        ),
        PARAMS,
      );
    });
  });
});
