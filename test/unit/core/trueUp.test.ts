import assert from "node:assert/strict";
import fc from "fast-check";
import { splitPence } from "../../../src/core/split";
import { trueUp, withinTolerance, checkTolerance, type TrueUpRowInput } from "../../../src/core/trueUp";
import { RuleError } from "../../../src/core/errors";

const joint = (postId: string | null, estimate: number, shares: number[], homeIndex = 0): TrueUpRowInput => ({ postId, homeIndex, shares, estimate });
const single = (postId: string | null, estimate: number, homeIndex = 0): TrueUpRowInput => ({ postId, homeIndex, shares: null, estimate });

describe("core/trueUp: the year-end true-up (rule 15)", () => {
  it("an outturn 2% over the estimate, at the default 3%, gives no adjustment", () => {
    const t = trueUp([joint("JW-1", 10_000_000, [0.61, 0.39])], [{ postId: "JW-1", actual: 10_200_000 }], 2);
    assert.equal(t.posts.length, 1);
    assert.equal(t.posts[0].withinTolerance, true);
    assert.deepEqual(t.posts[0].adjustments, [0, 0]);
    assert.deepEqual(t.authorities, [{ pays: 0, receives: 0, net: 0 }, { pays: 0, receives: 0, net: 0 }]);
    assert.equal(t.rows[0].status, "within");
  });

  it("5% over, split 61/39 with OCC at home: CDC owes its 39% of the difference, to the penny", () => {
    const t = trueUp([joint("JW-1", 10_000_000, [0.61, 0.39], 0)], [{ postId: "JW-1", actual: 10_500_000 }], 2);
    const p = t.posts[0];
    assert.equal(p.withinTolerance, false);
    assert.equal(p.difference, 500_000);
    assert.deepEqual(p.adjustments, [0, 195_000]);
    assert.deepEqual(t.rows[0].difference, [305_000, 195_000], "OCC's own 61% is not invoiced, but it is its part");
    assert.deepEqual(t.authorities[1], { pays: 195_000, receives: 0, net: 195_000 });
    assert.deepEqual(t.authorities[0], { pays: 0, receives: 195_000, net: -195_000 });
    assert.deepEqual(t.owed, [[0, 0], [195_000, 0]]);
  });

  it("an outturn under the estimate gives the partner a credit", () => {
    const t = trueUp([joint("A", 10_000_000, [0.5, 0.5], 1)], [{ postId: "a ", actual: 9_000_000 }], 2);
    assert.deepEqual(t.posts[0].adjustments, [-500_000, 0]);
    assert.equal(t.authorities[0].net, -500_000);
    assert.equal(t.authorities[1].net, 500_000);
  });

  it("exactly at the tolerance is inside it; a penny more is not", () => {
    assert.equal(withinTolerance(10_000_000, 10_300_000, 0.03), true);
    assert.equal(withinTolerance(10_000_000, 9_700_000, 0.03), true);
    assert.equal(withinTolerance(10_000_000, 10_300_001, 0.03), false);
    assert.equal(withinTolerance(0, 0, 0.03), true);
    assert.equal(withinTolerance(100, 100, 0), true);
    assert.equal(withinTolerance(100, 101, 0), false);
  });

  it("a re-based post takes one outturn, split across its periods by their estimates, judged as a whole", () => {
    // 74/26 for half a year, then 82/18: estimates 40,000.00 and 60,000.00; outturn 110,000.00 (10% over).
    const rows = [joint("R", 4_000_000, [0.74, 0.26], 0), joint("R", 6_000_000, [0.82, 0.18], 0)];
    const t = trueUp(rows, [{ postId: "R", actual: 11_000_000 }], 2);
    assert.equal(t.posts.length, 1);
    const p = t.posts[0];
    assert.equal(p.estimate, 10_000_000);
    assert.deepEqual(p.rows, [0, 1]);
    assert.deepEqual([t.rows[0].outturn, t.rows[1].outturn], [4_400_000, 6_600_000]);
    // CDC: 26% of 4,000.00 plus 18% of 6,000.00.
    assert.deepEqual(t.rows[0].adjustments, [0, 104_000]);
    assert.deepEqual(t.rows[1].adjustments, [0, 108_000]);
    assert.deepEqual(p.adjustments, [0, 212_000]);
  });

  it("the tolerance is judged on the post as a whole, not per period", () => {
    // Each period alone would be 10% off, but they cancel: the post is on its estimate.
    const rows = [joint("R", 5_000_000, [0.5, 0.5]), joint("R", 5_000_000, [0.6, 0.4])];
    const t = trueUp(rows, [{ postId: "R", actual: 10_000_000 }], 2);
    assert.equal(t.posts[0].withinTolerance, true);
  });

  it("lists an outturn with no post, an outturn for a single post, a joint post with no outturn and one with no Post ID", () => {
    const rows = [joint("J1", 100_000, [0.5, 0.5]), single("S1", 100_000), joint("J2", 100_000, [0.5, 0.5]), joint(null, 100_000, [0.5, 0.5])];
    const t = trueUp(rows, [{ postId: "J1", actual: 200_000 }, { postId: "NOPE", actual: 5 }, { postId: "S1", actual: 200_000 }], 2);
    assert.deepEqual(
      t.unmatched.map((u) => [u.reason, u.postId, u.outturnIndex, u.rows]),
      [
        ["noPost", "NOPE", 1, []],
        ["singlePost", "S1", 2, [1]],
        ["noOutturn", "J2", null, [2]],
        ["noPostId", null, null, [3]],
      ],
    );
    assert.deepEqual(t.rows.map((r) => r.status), ["adjust", "single", "noOutturn", "noPostId"]);
    assert.deepEqual(t.posts.map((p) => p.postId), ["J1"]);
  });

  it("a post whose estimate is 0 (its dates miss the year) is listed, not split", () => {
    const t = trueUp([joint("Z", 0, [0.5, 0.5]), joint("Z", 0, [0.4, 0.6])], [{ postId: "Z", actual: 100 }], 2);
    assert.deepEqual(t.posts, []);
    assert.deepEqual(t.unmatched.map((u) => u.reason), ["noEstimate"]);
    assert.deepEqual(t.rows.map((r) => r.status), ["noEstimate", "noEstimate"]);
  });

  it("a post single for one period and joint for the next: only the joint period moves money", () => {
    const rows = [single("M", 5_000_000, 0), joint("M", 5_000_000, [0.5, 0.5], 0)];
    const t = trueUp(rows, [{ postId: "M", actual: 12_000_000 }], 2);
    assert.deepEqual(t.rows[0].adjustments, [0, 0]);
    assert.deepEqual(t.rows[1].adjustments, [0, 500_000]);
  });

  it("refuses a tolerance that is not a rate from 0 to 1", () => {
    for (const bad of [-0.01, 1.5, Number.NaN, Infinity]) assert.throws(() => checkTolerance(bad), RuleError);
    assert.throws(() => trueUp([], [], 2, 3), /3% is 0.03/);
  });

  describe("properties", () => {
    const councils = fc.integer({ min: 2, max: 5 });
    const weights = (n: number) => fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.0001, max: 1, noNaN: true })), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0));
    const scenario = councils.chain((n) =>
      fc.record({
        n: fc.constant(n),
        rows: fc.array(
          fc.record({
            id: fc.constantFrom("A", "B", "C", "D", "a", " B ", null),
            home: fc.integer({ min: 0, max: n - 1 }),
            shares: fc.option(weights(n), { nil: null, freq: 4 }),
            estimate: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000_000 })),
          }),
          { maxLength: 12 },
        ),
        outturns: fc.uniqueArray(fc.record({ id: fc.constantFrom("A", "B", "C", "D", "E"), actual: fc.integer({ min: 0, max: 60_000_000 }) }), { selector: (o) => o.id, maxLength: 5 }),
        tolerance: fc.oneof(fc.constant(0), fc.constant(0.03), fc.double({ min: 0, max: 1, noNaN: true })),
      }),
    );

    it("adjustments add back: over all councils, split A − split E = A − E; pays and receives balance; nothing throws", () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const rows: TrueUpRowInput[] = s.rows.map((r) => ({ postId: r.id, homeIndex: r.home, shares: r.shares, estimate: r.estimate }));
          const t = trueUp(rows, s.outturns.map((o) => ({ postId: o.id, actual: o.actual })), s.n, s.tolerance);
          for (const p of t.posts) {
            let total = 0;
            for (const i of p.rows) for (const d of t.rows[i].difference) total += d;
            if (!p.withinTolerance) assert.equal(total, p.outturn - p.estimate);
            else assert.equal(total, 0);
            // The rows' outturns add back to the post's.
            let out = 0;
            for (const i of p.rows) out += t.rows[i].outturn;
            assert.equal(out, p.outturn);
            // The home council's own part is never invoiced.
            for (const i of p.rows) assert.equal(t.rows[i].adjustments[rows[i].homeIndex], 0);
          }
          let pays = 0;
          let receives = 0;
          for (const a of t.authorities) {
            pays += a.pays;
            receives += a.receives;
            assert.equal(a.net, a.pays - a.receives);
          }
          assert.equal(pays, receives);
          // Every joint row is accounted for: compared, or listed.
          rows.forEach((r, i) => {
            if (r.shares === null) return;
            const listed = t.unmatched.some((u) => u.rows.includes(i));
            const compared = t.posts.some((p) => p.rows.includes(i));
            assert.ok(listed !== compared, `row ${i} is ${listed ? "listed and compared" : "neither listed nor compared"}`);
          });
        }),
        { numRuns: 2000 },
      );
    });

    it("a joint partner's adjustment is its split of A minus its split of E, row by row", () => {
      fc.assert(
        fc.property(councils, fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 2e9 }), (n, e, a) => {
          const shares = Array.from({ length: n }, (_, i) => i + 1);
          const t = trueUp([joint("X", e, shares, 0)], [{ postId: "X", actual: a }], n, 0);
          const want = splitPence(a, shares).map((x, i) => (i === 0 || a === e ? 0 : x - splitPence(e, shares)[i]));
          assert.deepEqual(t.posts[0].adjustments, want);
        }),
      );
    });
  });
});
