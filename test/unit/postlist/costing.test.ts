import assert from "node:assert/strict";
import { importPostList, makePartnership, readDelimitedText, summaryJson } from "../../../src/postlist/index";
import { daysInclusive, employmentCost, pounds, proRata, split } from "./reference";
import { OCC_CDC, sample } from "../../support/samples";

const PENSION: Record<string, string> = { OCC: "0.199", CDC: "0.165" };
const YEAR_DAYS = daysInclusive("2019-04-01", "2020-03-31");

describe("postlist: costing and the summary", () => {
  it("2019/20 has 366 days (29 February 2020)", () => assert.equal(YEAR_DAYS, 366));

  it("the clean sample's Chief Executive, worked by hand", () => {
    // Salary £190,000 on a CDC contract, 2019/20, whole year (shared from 1 Oct 2018):
    // NI (190,000 − 8,632) × 13.8% = 25,028.784 → 25,028.78; pension 16.5% = 31,350.00;
    // levy 0.5% = 950.00; total 247,328.78; split 50/50 → 123,664.39 each; rule-6 baselines
    // 247,328.78 each, so each saves 123,664.39.
    const json = summaryJson(importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC));
    const ce = json.posts[0];
    assert.deepEqual(ce, {
      row: 2,
      id: "JW-001",
      post: "Chief Executive",
      home: "CDC",
      joint: true,
      annualCost: 247328.78,
      costThisYear: 247328.78,
      parts: { OCC: 123664.39, CDC: 123664.39 },
      savings: { OCC: 123664.39, CDC: 123664.39 },
    });
  });

  it("the clean sample's Head of Procurement (part year, odd penny), worked by hand", () => {
    // £65,000 on an OCC contract: NI 56,368 × 13.8% = 7,778.784 → 7,778.78; pension 19.9% =
    // 12,935.00; levy 325.00; annual 86,038.78. From 1 Sep 2019: 213 of 366 days →
    // 86,038.78 × 213 / 366 = 50,071.7497… → 50,071.75. Split 50/50: 2,503,587.5 pence each,
    // the odd penny to the earlier authority: OCC 25,035.88, CDC 25,035.87.
    const json = summaryJson(importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC));
    const hop = json.posts.find((p) => p.id === "JW-007")!;
    assert.equal(hop.annualCost, 86038.78);
    assert.equal(hop.costThisYear, 50071.75);
    assert.deepEqual(hop.parts, { OCC: 25035.88, CDC: 25035.87 });
    assert.deepEqual(hop.savings, { OCC: 25035.87, CDC: 25035.88 });
  });

  it("the clean sample's every post and totals match an independent reckoning", () => {
    // [id, home, salary, joint, shared from]; dates before 1 April 2019 count from the year's start.
    const rows: [string, string, string, boolean, string][] = [
      ["JW-001", "CDC", "190000", true, "2019-04-01"],
      ["JW-002", "OCC", "110000", true, "2019-04-01"],
      ["JW-003", "CDC", "120000", true, "2019-04-01"],
      ["JW-004", "OCC", "85000", true, "2019-04-01"],
      ["JW-005", "CDC", "85000", true, "2019-04-01"],
      ["JW-006", "OCC", "80000", true, "2019-04-01"],
      ["JW-007", "OCC", "65000", true, "2019-09-01"],
      ["JW-008", "OCC", "130000", true, "2020-01-01"],
      ["JW-009", "CDC", "100000", false, "2019-04-01"],
      ["JW-010", "OCC", "130000", false, "2019-04-01"],
    ];
    const json = summaryJson(importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC));
    const totals = { OCC: { joint: 0n, single: 0n }, CDC: { joint: 0n, single: 0n } } as Record<string, { joint: bigint; single: bigint }>;
    rows.forEach(([id, home, salary, joint, from], i) => {
      const annual = employmentCost(salary, "1", "2019/20", PENSION[home]);
      const thisYear = proRata(annual, daysInclusive(from, "2020-03-31"), YEAR_DAYS);
      const post = json.posts[i];
      assert.equal(post.id, id);
      assert.equal(post.annualCost, pounds(annual), id);
      assert.equal(post.costThisYear, pounds(thisYear), id);
      if (joint) {
        const [occ, cdc] = split(thisYear, [1, 1]);
        assert.deepEqual(post.parts, { OCC: pounds(occ), CDC: pounds(cdc) }, id);
        assert.deepEqual(post.savings, { OCC: pounds(thisYear - occ), CDC: pounds(thisYear - cdc) }, id);
        totals.OCC.joint += occ;
        totals.CDC.joint += cdc;
      } else {
        totals[home].single += thisYear;
        assert.deepEqual(post.parts, home === "OCC" ? { OCC: pounds(thisYear), CDC: 0 } : { OCC: 0, CDC: pounds(thisYear) });
        assert.deepEqual(post.savings, { OCC: 0, CDC: 0 });
      }
    });
    const jointTotal = totals.OCC.joint + totals.CDC.joint;
    for (const a of json.authorities) {
      const t = totals[a.code];
      assert.equal(a.jointCostShare, pounds(t.joint), a.code);
      assert.equal(a.singlePostCost, pounds(t.single), a.code);
      assert.equal(a.baseline, pounds(jointTotal), a.code); // rule 6: every joint post counted in full
      assert.equal(a.saving, pounds(jointTotal - t.joint), a.code);
    }
    assert.equal(json.total.jointCostShare, pounds(jointTotal));
    assert.equal(json.total.singlePostCost, pounds(totals.OCC.single + totals.CDC.single));
    assert.equal(json.noWorse, true);
    assert.deepEqual(json.rejected, []);
  });

  it("a three-way partnership in 2023/24 with FTE, part year and a single post", () => {
    const three = makePartnership(
      [
        { code: "AAA", name: "Alpha Council", pensionRate: 0.2 },
        { code: "BBB", name: "Beta Council", pensionRate: 0.18 },
        { code: "CCC", name: "Gamma Council", pensionRate: 0.15 },
      ],
      { year: "2023/24" },
    );
    const grid = readDelimitedText(
      ["Post,Home authority,Joint,Split,Salary,FTE,Start,End", "One,AAA,Y,40/35/25,60000,,,", "Two,Beta Council,Y,34:33:33,\"£72,500.50\",0.6,01/10/2023,", "Three,CCC,N,,48000,0.8,,31/12/2023"].join("\n"),
    );
    const json = summaryJson(importPostList(grid, three));
    const yearDays = daysInclusive("2023-04-01", "2024-03-31");
    assert.equal(yearDays, 366);

    const one = employmentCost("60000", "1", "2023/24", "0.2");
    const onePartsRef = split(one, [40, 35, 25]);
    const two = employmentCost("72500.50", "0.6", "2023/24", "0.18");
    const twoYear = proRata(two, daysInclusive("2023-10-01", "2024-03-31"), yearDays);
    const twoParts = split(twoYear, [34, 33, 33]);
    const three3 = employmentCost("48000", "0.8", "2023/24", "0.15");
    const threeYear = proRata(three3, daysInclusive("2023-04-01", "2023-12-31"), yearDays);

    assert.equal(json.posts[0].costThisYear, pounds(one));
    assert.deepEqual(json.posts[0].parts, { AAA: pounds(onePartsRef[0]), BBB: pounds(onePartsRef[1]), CCC: pounds(onePartsRef[2]) });
    assert.equal(json.posts[1].home, "BBB");
    assert.equal(json.posts[1].annualCost, pounds(two));
    assert.equal(json.posts[1].costThisYear, pounds(twoYear));
    assert.deepEqual(json.posts[1].parts, { AAA: pounds(twoParts[0]), BBB: pounds(twoParts[1]), CCC: pounds(twoParts[2]) });
    assert.equal(json.posts[2].costThisYear, pounds(threeYear));

    const codes = ["AAA", "BBB", "CCC"];
    json.authorities.forEach((a, i) => {
      assert.equal(a.code, codes[i]);
      assert.equal(a.jointCostShare, pounds(onePartsRef[i] + twoParts[i]));
      assert.equal(a.baseline, pounds(one + twoYear));
      assert.equal(a.saving, pounds(one + twoYear - onePartsRef[i] - twoParts[i]));
      assert.equal(a.singlePostCost, i === 2 ? pounds(threeYear) : 0);
    });
  });

  it("baselines are pro rata over the post's dates; a blank one takes rule 6's assumption", () => {
    const grid = readDelimitedText(
      ["Post,Employer,Joint,Split,Salary,Start,Baseline OCC,Baseline CDC", 'A,OCC,Y,50/50,90000,01/10/2019,"£200,000",15000', "B,CDC,Y,60/40,90000,,,20000"].join("\n"),
    );
    const json = summaryJson(importPostList(grid, OCC_CDC));
    // A: 183 of 366 days. Baselines 200,000 and 15,000 → 100,000.00 and 7,500.00.
    const a = proRata(employmentCost("90000", "1", "2019/20", "0.199"), 183, 366);
    const [aOcc, aCdc] = split(a, [1, 1]);
    assert.deepEqual(json.posts[0].savings, { OCC: pounds(10_000_000n - aOcc), CDC: pounds(750_000n - aCdc) });
    // B: whole year; OCC's baseline blank → the cost this year; CDC's 20,000 is below its part.
    const b = employmentCost("90000", "1", "2019/20", "0.165");
    const [bOcc, bCdc] = split(b, [60, 40]);
    assert.deepEqual(json.posts[1].savings, { OCC: pounds(b - bOcc), CDC: pounds(2_000_000n - bCdc) });
    assert.equal(json.authorities[0].baseline, pounds(10_000_000n + b));
    assert.equal(json.authorities[1].baseline, pounds(750_000n + 2_000_000n));
    assert.equal(json.authorities[1].saving, pounds(750_000n - aCdc + 2_000_000n - bCdc));
    assert.ok(json.authorities[1].saving < 0);
    assert.equal(json.noWorse, false);
  });

  it("a re-based split costs each row for its own dates and shares", () => {
    const grid = readDelimitedText(
      ["Post ID,Post,Home authority,Joint,Share OCC,Share CDC,Salary,Start,End", "JW-100,Head of Service,OCC,Y,74%,26%,80000,,02/10/2019", "JW-100,Head of Service,OCC,Y,82%,18%,80000,03/10/2019,"].join("\n"),
    );
    const json = summaryJson(importPostList(grid, OCC_CDC));
    assert.deepEqual(json.rejected, []);
    const annual = employmentCost("80000", "1", "2019/20", "0.199");
    const first = proRata(annual, daysInclusive("2019-04-01", "2019-10-02"), 366);
    const second = proRata(annual, daysInclusive("2019-10-03", "2020-03-31"), 366);
    assert.equal(daysInclusive("2019-04-01", "2019-10-02") + daysInclusive("2019-10-03", "2020-03-31"), 366);
    const [f1, f2] = split(first, [74, 26]);
    const [s1, s2] = split(second, [82, 18]);
    assert.deepEqual(json.posts.map((p) => p.costThisYear), [pounds(first), pounds(second)]);
    assert.deepEqual(json.posts.map((p) => p.parts), [{ OCC: pounds(f1), CDC: pounds(f2) }, { OCC: pounds(s1), CDC: pounds(s2) }]);
    assert.equal(json.authorities[0].jointCostShare, pounds(f1 + s1));
    assert.equal(json.authorities[1].jointCostShare, pounds(f2 + s2));
  });

  it("a post outside the year costs nothing this year; a zero share gets a zero baseline", () => {
    const grid = readDelimitedText(["Post,Employer,Joint,Split,Salary,Start,End", "Old,OCC,Y,100/0,50000,01/04/2018,31/03/2019", "All OCC,OCC,Y,100/0,50000,,"].join("\n"));
    const r = importPostList(grid, OCC_CDC);
    assert.equal(r.costs[0].costThisYear, 0);
    assert.equal(r.costs[0].days, 0);
    assert.deepEqual(r.costs[1].baselines, [r.costs[1].costThisYear, 0]);
    assert.deepEqual(r.costs[1].savings, [0, 0]);
  });

  it("flags a Full Council pay vote on a package (salary × FTE) of £100,000 or more", () => {
    const grid = readDelimitedText(["Post,Employer,Joint,Split,Salary,FTE", "A,OCC,Y,50/50,120000,", "B,OCC,N,,125000,0.8", "C,OCC,N,,190000,0.5", "D,OCC,N,,99999.99,"].join("\n"));
    const r = importPostList(grid, OCC_CDC);
    assert.deepEqual(r.summary.payVotes.map((c) => c.post.title), ["A", "B"]);
  });

  it("uses the partnership's levy rate", () => {
    const p = makePartnership(OCC_CDC.authorities, { year: "2019/20", levyRate: 0 });
    const grid = readDelimitedText("Post,Employer,Joint,Salary\nA,OCC,N,50000\n");
    assert.equal(importPostList(grid, p).costs[0].annualCost, Number(employmentCost("50000", "1", "2019/20", "0.199", "0")));
  });
});
