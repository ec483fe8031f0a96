import assert from "node:assert/strict";
import fc from "fast-check";
import { isoFromSerial } from "../../../src/core/dates";
import { type Cell, importPostList, makePartnership, readDelimitedText, validatePostList } from "../../../src/postlist/index";

/**
 * Properties over random post lists: nothing throws on any row, every non-blank row is either
 * accepted or rejected, and the money adds up exactly (splits add back, the summary's parts add
 * up to the posts' costs this year).
 */

const partnershipArb = fc
  .record({
    n: fc.integer({ min: 2, max: 4 }),
    rates: fc.array(fc.double({ min: 0, max: 0.35, noNaN: true }), { minLength: 4, maxLength: 4 }),
    year: fc.integer({ min: 2017, max: 2026 }),
    levy: fc.constantFrom(0, 0.005, 0.01),
  })
  .map(({ n, rates, year, levy }) =>
    makePartnership(
      Array.from({ length: n }, (_, i) => ({ code: `A${i}`, name: `Authority ${i}`, pensionRate: rates[i] })),
      { year, levyRate: levy },
    ),
  );

function rowArb(n: number, firstSerial: number): fc.Arbitrary<Cell[]> {
  const anyText = fc.string({ maxLength: 12 });
  const serial = fc.integer({ min: firstSerial - 400, max: firstSerial + 800 });
  const date = fc.oneof(
    fc.constant(""),
    serial,
    serial.map((s) => isoFromSerial(s)),
    serial.map((s) => isoFromSerial(s).split("-").reverse().join("/")),
    serial.map((s) => new Date(`${isoFromSerial(s)}T00:00:00Z`)),
    anyText,
  );
  const weights = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n });
  const split = fc.oneof(
    weights.map((w) => w.join("/")),
    weights.map((w) => {
      const sum = w.reduce((a, b) => a + b, 0) || 1;
      const parts = w.map((x) => Math.floor((x * 100) / sum));
      parts[0] += 100 - parts.reduce((a, b) => a + b, 0);
      return parts.map((p) => `${p}%`).join(":");
    }),
    anyText,
    fc.constant(""),
  );
  const share = fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 100 }).map((x) => `${x}%`), fc.double({ min: -0.5, max: 1.5, noNaN: true }), anyText);
  const money = fc.oneof(
    fc.double({ min: -1000, max: 10_000_000, noNaN: true }),
    fc.integer({ min: 0, max: 500_000_00 }).map((p) => `£${(p / 100).toLocaleString("en-GB", { minimumFractionDigits: 2 })}`),
    fc.constant(""),
    anyText,
  );
  return fc.tuple(
    fc.oneof(fc.constantFrom("", "JW-1", "JW-2", "jw-1"), anyText),
    fc.oneof(fc.constantFrom("Chief Executive", "=HYPERLINK(\"x\")", "+Lead", ""), anyText),
    fc.oneof(fc.constantFrom(...Array.from({ length: n }, (_, i) => `A${i}`), "authority 1", "SNC", ""), anyText),
    fc.oneof(fc.constantFrom("Y", "N", "Yes", "No", "TRUE", "FALSE", "Joint", "Single", "maybe", ""), fc.boolean()),
    split,
    fc.array(share, { minLength: n, maxLength: n }),
    money,
    fc.oneof(fc.constant(""), fc.double({ min: -0.5, max: 1.5, noNaN: true }), anyText),
    date,
    date,
    fc.array(fc.oneof(fc.constant(""), money), { minLength: n, maxLength: n }),
    fc.oneof(fc.constantFrom("Permanent", "Interim", ""), anyText),
  ).map(([id, post, home, joint, split, shares, salary, fte, start, end, baselines, status]) => [id, post, home, joint, split, ...shares, salary, fte, start, end, ...baselines, status]);
}

/** A row that should pass: weights adding to 100, a positive salary, ordered dates. */
function validRowArb(n: number, firstSerial: number): fc.Arbitrary<Cell[]> {
  const serial = fc.integer({ min: firstSerial - 400, max: firstSerial + 800 });
  const cuts = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((c) => {
    const sorted = [0, ...c.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((x, i) => x - sorted[i]);
  });
  return fc
    .record({
      id: fc.constantFrom("", "", "JW-1", "JW-2", "JW-3"),
      home: fc.integer({ min: 0, max: n - 1 }),
      joint: fc.boolean(),
      parts: cuts,
      asColumns: fc.boolean(),
      salary: fc.integer({ min: 1, max: 300_000_00 }),
      fte: fc.oneof(fc.constant(""), fc.integer({ min: 1, max: 100 }).map((x) => x / 100)),
      dates: fc.tuple(fc.option(serial), fc.option(serial)),
      baselines: fc.array(fc.option(fc.integer({ min: 0, max: 400_000_00 })), { minLength: n, maxLength: n }),
    })
    .map((r) => {
      const [a, b] = r.dates;
      const [start, end] = a !== null && b !== null && b < a ? [b, a] : [a, b];
      return [
        r.id,
        "Post",
        `A${r.home}`,
        r.joint ? "Y" : "N",
        r.asColumns ? "" : r.parts.join("/"),
        ...r.parts.map((x) => (r.asColumns ? `${x}%` : "")),
        `£${(r.salary / 100).toLocaleString("en-GB")}`,
        r.fte,
        start === null ? "" : isoFromSerial(start),
        end === null ? "" : end,
        ...r.baselines.map((x) => (x === null ? "" : x / 100)),
        "Permanent",
      ];
    });
}

const listArb = partnershipArb.chain((partnership) => {
  const codes = partnership.authorities.map((a) => a.code);
  const header = ["Post ID", "Post", "Home authority", "Joint", "Split", ...codes.map((c) => `Share ${c}`), "Salary", "FTE", "Start", "End", ...codes.map((c) => `Baseline ${c}`), "Status"];
  const row = fc.oneof({ weight: 3, arbitrary: validRowArb(codes.length, partnership.year.first) }, { weight: 1, arbitrary: rowArb(codes.length, partnership.year.first) });
  return fc.array(row, { maxLength: 25 }).map((rows) => ({ partnership, grid: [header, ...rows] as Cell[][] }));
});

describe("postlist: properties", () => {
  it("nothing throws on random rows; each non-blank row is accepted or rejected, never both, never dropped", () => {
    fc.assert(
      fc.property(listArb, ({ partnership, grid }) => {
        const r = importPostList(grid, partnership);
        const accepted = new Set(r.validation.posts.map((p) => p.row));
        const rejected = new Set(r.validation.rejected.map((p) => p.row));
        for (const row of accepted) assert.ok(!rejected.has(row));
        const nonBlank = grid.slice(1).filter((row) => row.some((c) => !(c === null || c === undefined || (typeof c === "string" && c.trim() === "")))).length;
        assert.equal(accepted.size + rejected.size, nonBlank);
        for (const p of r.validation.rejected) assert.ok(p.message.length > 10 && p.column.length > 0, JSON.stringify(p));
      }),
      { numRuns: 300 },
    );
  });

  it("the summary's per-authority parts add up to the sum of the costs this year", () => {
    fc.assert(
      fc.property(listArb, ({ partnership, grid }) => {
        const { costs, summary } = importPostList(grid, partnership);
        let costsThisYear = 0;
        const perAuthority = partnership.authorities.map(() => 0);
        for (const c of costs) {
          costsThisYear += c.costThisYear;
          assert.equal(c.parts.reduce((a, b) => a + b, 0), c.costThisYear);
          c.parts.forEach((p, i) => (perAuthority[i] += p));
          for (const v of [c.annualCost, c.costThisYear, ...c.parts, ...(c.savings ?? []), ...(c.baselines ?? [])]) assert.ok(Number.isSafeInteger(v));
          assert.ok(c.costThisYear <= c.annualCost);
        }
        const summed = summary.authorities.reduce((a, x) => a + x.jointCostShare + x.singlePostCost, 0);
        assert.equal(summed, costsThisYear);
        assert.equal(summary.total.jointCostShare + summary.total.singlePostCost, costsThisYear);
        summary.authorities.forEach((a, i) => {
          assert.equal(a.jointCostShare + a.singlePostCost, perAuthority[i]);
          assert.equal(a.saving, a.baseline - a.jointCostShare);
        });
        assert.equal(summary.noWorse, summary.authorities.every((a) => a.saving >= 0));
      }),
      { numRuns: 300 },
    );
  });

  it("random delimited text never throws in the reader or the validator (beyond a clear RuleError)", () => {
    const partnership = makePartnership(
      [
        { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
        { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
      ],
      { year: 2019 },
    );
    const piece = fc.constantFrom("Post", "Employer", "Joint", "Salary", "Split", "OCC", "Y", "50/50", "£1,000", ",", ";", "\t", "\n", "\r\n", '"', " ", "=1", "x");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = "Post,Employer,Joint,Salary,Split\n" + pieces.join("");
        try {
          validatePostList(readDelimitedText(text), partnership);
        } catch (e) {
          assert.equal((e as Error).name, "RuleError", String(e));
        }
      }),
      { numRuns: 300 },
    );
  });
});
