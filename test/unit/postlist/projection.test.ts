import assert from "node:assert/strict";
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/jw-summary";
import { serialFromDate } from "../../../src/core/dates";
import { costPosts, importPostList, makePartnership, projectPosts, summarisePosts, summaryJson, type Grid } from "../../../src/postlist/index";
import { randomCase } from "../../support/randomPosts";
import { OCC_CDC } from "../../support/samples";

/** Rule 14: a post list projected over several years. */

/** The post totals of a JSON block (the summary's own also carries the benefits register's). */
const postTotals = (t: { jointCostShare: number; singlePostCost: number; baseline: number; saving: number }) => ({ jointCostShare: t.jointCostShare, singlePostCost: t.singlePostCost, baseline: t.baseline, saving: t.saving });
const postAuthorities = (list: { code: string; name: string; jointCostShare: number; singlePostCost: number; baseline: number; saving: number }[]) => list.map((a) => ({ code: a.code, name: a.name, ...postTotals(a) }));

const HEADER = ["Post ID", "Post", "Home authority", "Joint", "Share OCC", "Share CDC", "Salary", "Start", "End", "Baseline OCC"];
const posts = (...rows: (string | number | null)[][]) => importPostList([HEADER, ...rows] as Grid, OCC_CDC).validation.posts;

describe("projection over several years (rule 14)", () => {
  it("the first year is today's figures, exactly", () => {
    const { partnership, posts: list } = randomCase(42, 200, { startYear: 2019 });
    const years = projectPosts(list, partnership, { years: 4, awards: [0.02, 0.03] });
    assert.deepEqual(years[0].summary, summarisePosts(costPosts(list, partnership), partnership));
    assert.deepEqual(years[0].assumed, []);
    assert.deepEqual(years.map((y) => y.year.label), ["2019/20", "2020/21", "2021/22", "2022/23"]);
    assert.deepEqual(years.map((y) => y.award), [0, 0.02, 0.03, 0.03]);
  });

  it("property: with 0% awards and no dates, every year equals the first (in years whose NI figures are the same)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 10 }), fc.constantFrom(2023, 2025), (seed, count, startYear) => {
        const c = randomCase(seed, 20, { startYear });
        const undated = c.posts.map((p) => ({ ...p, start: null, end: null }));
        // 2023/24 and 2024/25 share their NI figures, as do 2025/26, 2026/27 and the years past the table.
        const n = startYear === 2023 ? 2 : count;
        const years = projectPosts(undated, c.partnership, { years: n, awards: [0] });
        for (const y of years) {
          assert.deepEqual(y.summary.authorities, years[0].summary.authorities);
          assert.deepEqual(y.summary.total, years[0].summary.total);
          assert.equal(y.summary.noWorse, years[0].summary.noWorse);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a 2019/20 part-year post is full-year in 2020/21; an end date ends a post", () => {
    const list = posts(["A", "From October", "OCC", "Y", "50%", "50%", 100000, "2019-10-01", null, null], ["B", "Until June 2020", "CDC", "Y", "50%", "50%", 60000, null, "2020-06-30", null]);
    const [y1, y2, y3] = projectPosts(list, OCC_CDC, { years: 3, awards: [] });
    assert.equal(y1.costs[0].days, 183);
    assert.equal(y2.costs[0].days, 365);
    assert.equal(y2.costs[0].costThisYear, y2.costs[0].annualCost);
    assert.equal(y2.costs[1].days, 91);
    assert.equal(y3.costs[1].days, 0);
    assert.equal(y3.costs[1].costThisYear, 0);
  });

  it("a dated re-basing keeps its later shares", () => {
    const list = posts(["R", "Re-based", "OCC", "Y", "74%", "26%", 90000, null, "2019-10-02", null], ["R", "Re-based", "OCC", "Y", "82%", "18%", 90000, "2019-10-03", null, null]);
    const [, next] = projectPosts(list, OCC_CDC, { years: 2, awards: [] });
    assert.equal(next.costs[0].costThisYear, 0);
    const whole = next.costs[1].costThisYear;
    assert.equal(whole, next.costs[1].annualCost);
    assert.deepEqual(next.summary.authorities.map((a) => a.jointCostShare), [Math.round(whole * 0.82), whole - Math.round(whole * 0.82)]);
  });

  it("salaries and given baselines grow by the awards, each rounded to the penny", () => {
    const list = posts(["A", "Director", "OCC", "Y", "50%", "50%", 117912, null, null, 70000]);
    const years = projectPosts(list, OCC_CDC, { years: 3, awards: [0.025] });
    assert.deepEqual(years.map((y) => y.costs[0].employment.pay), [11791200, 12085980, 12388130]);
    assert.deepEqual(years.map((y) => y.costs[0].baselines![0]), [7000000, 7175000, 7354375]);
    // 2020/21 uses its own NI threshold (£8,788): NI = (120,859.80 − 8,788) × 13.8%.
    assert.equal(years[1].costs[0].employment.ni, Math.round((12085980 - 878800) * 0.138));
    assert.match(years[1].assumed[0], /Pay award 2.5% for 2020\/21/);
  });

  it("marks a year past the NI table as an assumption, every year it is used", () => {
    const p = makePartnership(OCC_CDC.authorities, { year: "2025/26" });
    const list = importPostList([HEADER, ["A", "Post", "OCC", "Y", "50%", "50%", 50000, null, null, null]], p).validation.posts;
    const years = projectPosts(list, p, { years: 4, awards: [] });
    assert.deepEqual(years.map((y) => y.assumed.filter((a) => a.startsWith("Employer NI")).length), [0, 0, 1, 1]);
    assert.match(years[2].assumed.find((a) => a.startsWith("Employer NI"))!, /2027\/28 at 2026\/27's figures \(threshold £5,000, rate 15%\)/);
  });

  describe("jw-summary --years", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "jw-years-"));
      writeFileSync(join(dir, "posts.csv"), "Post,Home authority,Joint,Share OCC,Share CDC,Salary,Start\nChief Executive,CDC,Y,50%,50%,190000,2019-10-01\nDirector,OCC,Y,50%,50%,117912-144228,\nClerk,OCC,N,,,30000,\n");
      writeFileSync(join(dir, "partnership.csv"), "Code,Name,Employer pension rate\nOCC,Oxfordshire,0.199\nCDC,Cherwell,0.165\n");
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const run = async (...extra: string[]) => {
      let stdout = "";
      let stderr = "";
      const code = await main(["--posts", join(dir, "posts.csv"), "--partnership", join(dir, "partnership.csv"), "--year", "2019/20", ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { code, stdout, stderr };
    };

    it("gives years in the summary's shape, the first equal to today's output", async () => {
      const r = await run("--json", "--years", "3", "--pay-award", "2%,0.03");
      assert.equal(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      assert.deepEqual(json.years.map((y: { year: string }) => y.year), ["2019/20", "2020/21", "2021/22"]);
      assert.deepEqual(Object.keys(json.years[0]), ["year", "authorities", "total", "noWorse", "assumed"]);
      assert.deepEqual(
        { authorities: postAuthorities(json.years[0].authorities), total: postTotals(json.years[0].total), noWorse: json.years[0].noWorse },
        { authorities: postAuthorities(json.authorities), total: postTotals(json.total), noWorse: json.noWorse },
      );
      const plain = JSON.parse((await run("--json")).stdout);
      assert.equal(plain.years, undefined);
      assert.deepEqual({ ...json, years: undefined }, { ...plain, years: undefined });
      // The Chief Executive, half a year in 2019/20, counts a full year in 2020/21.
      assert.ok(json.years[1].total.jointCostShare > json.years[0].total.jointCostShare + 100000);
      const text = await run("--years", "2");
      assert.match(text.stdout, /Projection over 2 years/);
    });

    it("defaults to 4 years with --pay-award alone", async () => {
      const json = JSON.parse((await run("--json", "--pay-award", "0.02")).stdout);
      assert.equal(json.years.length, 4);
    });

    it("refuses bad options with a message naming the option", async () => {
      const cases: [string[], RegExp][] = [
        [["--years", "11"], /--years 11 is above 10/],
        [["--years", "two"], /--years two is not a number of years/],
        [["--pay-award", "-1%"], /--pay-award -1% is negative/],
        [["--pay-award", "2%,x"], /--pay-award: rate 2 \(x\) is not a rate/],
        [["--pay-award", "3"], /--pay-award 3 is above 100%/],
        [["--years", "2", "--pay-award", "1%,2%"], /--pay-award gives 2 rates but --years 2 has 1 year after the first/],
      ];
      for (const [args, message] of cases) {
        const r = await run(...args);
        assert.equal(r.code, 2, args.join(" "));
        assert.match(r.stderr, message);
      }
    });
  });

  it("summaryJson is unchanged without a projection", () => {
    const r = importPostList([HEADER, ["A", "Post", "OCC", "Y", "50%", "50%", 50000, null, null, null]], OCC_CDC);
    assert.equal("years" in summaryJson(r), false);
    assert.equal(serialFromDate(2019, 4, 1), OCC_CDC.year.first);
  });
});
