import assert from "node:assert/strict";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importPostList, proposeMapping, readSalaryRange, summaryJson, validatePostList, type Grid } from "../../../src/postlist/index";
import { main } from "../../../src/cli/jw-summary";
import { OCC_CDC } from "../../support/samples";

/** Rule 13: a post on a grade range is costed at the bottom and at the top; the pay vote is judged on the top. */

/** The post totals of a JSON block (the summary's own also carries the benefits register's). */
const postTotals = (t: { jointCostShare: number; singlePostCost: number; baseline: number; saving: number }) => ({ jointCostShare: t.jointCostShare, singlePostCost: t.singlePostCost, baseline: t.baseline, saving: t.saving });
const postAuthorities = (list: { code: string; name: string; jointCostShare: number; singlePostCost: number; baseline: number; saving: number }[]) => list.map((a) => ({ code: a.code, name: a.name, ...postTotals(a) }));

const HEADER = ["Post ID", "Post", "Home authority", "Joint", "Share OCC", "Share CDC", "Salary", "Salary max", "FTE"];

function list(...rows: (string | number | null)[][]): Grid {
  return [HEADER, ...rows];
}

describe("grade ranges (rule 13)", () => {
  describe("reading a range", () => {
    const read = (salary: unknown, max: unknown = null) => readSalaryRange(salary as never, "Salary", max as never, "Salary max");

    it("reads a range written in the Salary cell, in the forms HR writes", () => {
      for (const text of ["117912-144228", "£117,912 to £144,228", "£117,912 - £144,228", "117,912 – 144,228", "£117912 TO £144228"]) {
        assert.deepEqual(read(text), { ok: true, value: { salary: 117912, salaryMax: 144228 } }, text);
      }
    });

    it("reads a Salary max column beside Salary, and a post on one salary", () => {
      assert.deepEqual(read(117912, "£144,228"), { ok: true, value: { salary: 117912, salaryMax: 144228 } });
      assert.deepEqual(read("£85,000", null), { ok: true, value: { salary: 85000, salaryMax: null } });
      assert.deepEqual(read(85000, 85000), { ok: true, value: { salary: 85000, salaryMax: 85000 } });
    });

    it("refuses a top below the bottom, an unreadable range, and a range given twice, naming the column", () => {
      const below = read("144228-117912");
      assert.equal(below.ok, false);
      if (!below.ok) assert.match(below.problems[0].message, /top below its bottom/);
      const maxBelow = read(144228, 117912);
      assert.equal(maxBelow.ok, false);
      if (!maxBelow.ok) {
        assert.equal(maxBelow.problems[0].column, "salaryMax");
        assert.match(maxBelow.problems[0].message, /Salary max 117912 is below Salary 144228/);
      }
      const unreadable = read("117912 to about 140k");
      assert.equal(unreadable.ok, false);
      if (!unreadable.ok) assert.match(unreadable.problems[0].message, /is not a salary or a grade range/);
      const twice = read("117912-144228", 150000);
      assert.equal(twice.ok, false);
      if (!twice.ok) assert.equal(twice.problems[0].column, "salaryMax");
      const badMax = read(100000, "lots");
      assert.equal(badMax.ok, false);
      // A negative amount is still an amount (refused as not above 0), not a range.
      const negative = read("-5");
      assert.equal(negative.ok, false);
      if (!negative.ok) assert.match(negative.problems[0].message, /must be above 0/);
    });

    it("a range written as text reads back its two ends, for any two amounts bottom ≤ top", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 999_999 }), (bottom, extra) => {
          const top = bottom + extra;
          const fmt = (n: number) => `£${n.toLocaleString("en-GB")}`;
          assert.deepEqual(read(`${fmt(bottom)} to ${fmt(top)}`), { ok: true, value: { salary: bottom, salaryMax: top } });
          assert.deepEqual(read(`${bottom}-${top}`), { ok: true, value: { salary: bottom, salaryMax: top } });
        }),
      );
    });
  });

  it("recognises the Salary max headers", () => {
    for (const h of ["Salary max", "Max salary", "Top of grade", "Maximum salary"]) {
      const m = proposeMapping(["Post", "Home authority", "Joint", "Salary", h], OCC_CDC.authorities).mapping;
      assert.equal(m.fields.salaryMax, 4, h);
      assert.equal(m.fields.salary, 3, h);
    }
  });

  it("rejects a bad range with its row and column", () => {
    const v = validatePostList(list(["A", "Top below", "OCC", "Y", "50%", "50%", 144228, 117912, 1], ["B", "Garbled", "OCC", "Y", "50%", "50%", "117912 to ?", null, 1], ["C", "Good", "OCC", "Y", "50%", "50%", 117912, 144228, 1]), OCC_CDC);
    assert.deepEqual(v.posts.map((p) => p.id), ["C"]);
    assert.deepEqual(v.rejected.map((p) => [p.row, p.column]), [[2, "Salary max"], [3, "Salary"]]);
    assert.equal(v.posts[0].salaryMax, 144228);
  });

  it("the seeds' joint post on £117,912 to £144,228 split 50/50: both ends to the penny, and the pay vote at the top", () => {
    const r = importPostList(list(["JCD", "Corporate Director", "OCC", "Y", "50%", "50%", "£117,912 to £144,228", null, 1]), OCC_CDC);
    const [low] = r.costs;
    const [high] = r.high.costs;
    // Bottom: pay 117,912.00 + NI 15,080.64 + pension (OCC 19.9%) 23,464.49 + levy 589.56.
    assert.deepEqual([low.employment.pay, low.employment.ni, low.employment.pension, low.employment.levy, low.annualCost], [11791200, 1508064, 2346449, 58956, 15704669]);
    assert.deepEqual(low.parts, [7852335, 7852334]);
    // Top: pay 144,228.00 + NI 18,712.25 + pension 28,701.37 + levy 721.14.
    assert.deepEqual([high.employment.pay, high.employment.ni, high.employment.pension, high.employment.levy, high.annualCost], [14422800, 1871225, 2870137, 72114, 19236276]);
    assert.deepEqual(high.parts, [9618138, 9618138]);
    // Rule 9 on the top: £144,228 reaches £100,000, so the post needs the vote at both ends of its costing.
    assert.equal(low.payVote, true);
    assert.equal(high.payVote, true);
    const json = summaryJson(r);
    assert.deepEqual(json.authorities.map((a) => a.jointCostShare), [78523.35, 78523.34]);
    assert.deepEqual(json.high.authorities.map((a) => a.jointCostShare), [96181.38, 96181.38]);
    assert.deepEqual(Object.keys(json.high), ["authorities", "total", "noWorse"]);
    assert.equal(json.high.total.jointCostShare, 192362.76);
  });

  it("judges the pay vote on the top only: a range reaching £100,000 needs it, one below does not", () => {
    const r = importPostList(list(["A", "Reaches", "OCC", "Y", "50%", "50%", 95000, 100000, 1], ["B", "Below", "OCC", "Y", "50%", "50%", 80000, 99999.99, 1], ["C", "Part time", "OCC", "Y", "50%", "50%", 150000, 190000, 0.5]), OCC_CDC);
    assert.deepEqual(r.costs.map((c) => c.payVote), [true, false, false]);
    assert.deepEqual(r.summary.payVotes.map((c) => c.post.id), ["A"]);
  });

  it("posts without a range cost the same at both ends", () => {
    const r = importPostList(list(["A", "One salary", "OCC", "Y", "60%", "40%", 85000, null, 1], ["B", "Single", "CDC", "N", null, null, 40000, null, 1]), OCC_CDC);
    assert.deepEqual(r.high.summary.authorities, r.summary.authorities);
    assert.deepEqual(postAuthorities(summaryJson(r).high.authorities), postAuthorities(summaryJson(r).authorities));
  });

  it("jw-summary prints at which end principle 3 fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jw-range-"));
    try {
      // OCC's given baseline covers its half at the bottom of the range but not at the top.
      writeFileSync(join(dir, "posts.csv"), "Post,Home authority,Joint,Share OCC,Share CDC,Salary,Baseline OCC,Baseline CDC\nDirector,OCC,Y,50%,50%,117912-144228,85000,\n");
      writeFileSync(join(dir, "partnership.csv"), "Code,Name,Employer pension rate\nOCC,Oxfordshire,0.199\nCDC,Cherwell,0.165\n");
      let out = "";
      const code = await main(["--posts", join(dir, "posts.csv"), "--partnership", join(dir, "partnership.csv"), "--year", "2019/20"], { stdout: (t) => (out += t), stderr: (t) => (out += t) });
      assert.equal(code, 0, out);
      assert.match(out, /At the top of the grade ranges/);
      assert.match(out, /No partner worse off at the bottom of the ranges: yes/);
      assert.match(out, /No partner worse off at the top of the ranges: NO: OCC saving -£11,181\.38/);
      assert.match(out, /£117,912\.00 to £144,228\.00/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
