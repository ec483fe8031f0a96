import assert from "node:assert/strict";
import { serialFromDate } from "../../../src/core/dates";
import { findHeaderRow, makePartnership, readDelimitedText, validatePostList } from "../../../src/postlist/index";
import { OCC_CDC, sample } from "../../support/samples";

const HEADER = "Post ID,Post,Home authority,Joint,Share OCC,Share CDC,Salary,FTE,Start,End,Status";
const csv = (...lines: string[]) => readDelimitedText([HEADER, ...lines].join("\n"));

describe("postlist: validating rows", () => {
  it("the messy sample rejects exactly its four bad rows, each with a message naming the column", () => {
    const v = validatePostList(sample("messy-posts.csv"), OCC_CDC);
    assert.deepEqual(
      v.posts.map((p) => [p.row, p.title]),
      [
        [2, "Chief Executive"],
        [3, '=HYPERLINK("http://example.invalid","Monitoring Officer")'],
        [4, "Assistant Director\nRegulatory Services"],
        [9, "+Policy Lead"],
      ],
    );
    assert.deepEqual(
      v.rejected.map((p) => [p.row, p.column]),
      [
        [5, "Employer"],
        [6, "Split"],
        [7, "Annual salary"],
        [8, "Hours fraction"],
      ],
    );
    const [snc, split, salary, fte] = v.rejected.map((p) => p.message);
    assert.match(snc, /"SNC" is not an authority of this partnership: use one of OCC .*CDC/);
    assert.match(split, /"70\/40" adds up to 110%.*must add up to 100%/);
    assert.match(salary, /blank/);
    assert.match(fte, /"N\/A" is not a number/);
    // Home authority by name; Split in partnership order; FTE and dates read.
    const [ce, mo, ad, pl] = v.posts;
    assert.equal(ce.home, "CDC");
    assert.equal(ce.salary, 190000);
    assert.equal(ce.start, serialFromDate(2018, 10, 1));
    assert.deepEqual(mo.shares, [0.5, 0.5]);
    assert.deepEqual(ad.shares, [0.6, 0.4]);
    assert.equal(ad.salary, 85000);
    assert.equal(ad.start, serialFromDate(2019, 1, 1));
    assert.equal(pl.joint, false);
    assert.equal(pl.fte, 0.8);
    assert.equal(pl.shares, null);
    assert.equal(pl.id, null);
  });

  it("accepts every row of the clean sample", () => {
    const v = validatePostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC);
    assert.deepEqual(v.rejected, []);
    assert.equal(v.posts.length, 10);
    assert.deepEqual(v.posts[0], {
      row: 2,
      id: "JW-001",
      title: "Chief Executive",
      home: "CDC",
      homeIndex: 1,
      joint: true,
      shares: [0.5, 0.5],
      salary: 190000,
      salaryMax: null,
      fte: 1,
      start: serialFromDate(2018, 10, 1),
      end: null,
      baselines: [null, null],
      status: "Permanent",
    });
    assert.equal(v.posts[8].joint, false);
    assert.equal(v.posts[8].shares, null);
  });

  it("lists every problem of a row, in column order", () => {
    const v = validatePostList(csv("X1,,Nowhere,maybe,,,lots,2,2019-13-01,01/04/2019,"), OCC_CDC);
    assert.equal(v.posts.length, 0);
    assert.deepEqual(
      v.rejected.map((p) => p.column),
      ["Post", "Home authority", "Joint", "Salary", "FTE", "Start"],
    );
    for (const p of v.rejected) assert.equal(p.row, 2);
  });

  it("skips blank lines without a problem, and counts records, not lines, for row numbers", () => {
    const grid = readDelimitedText([HEADER, "", 'JW-1,"Two\nlines",OCC,N,,,50000,,,,', ",,,,,,,,,,", "JW-2,Three,OCC,N,,,,,,,"].join("\n"));
    const v = validatePostList(grid, OCC_CDC);
    assert.deepEqual(v.posts.map((p) => p.row), [3]);
    assert.deepEqual(v.rejected.map((p) => [p.row, p.column]), [[5, "Salary"]]);
  });

  it("rejects shares that do not add up to 100%, and takes a blank share as 0 when the rest do", () => {
    const v = validatePostList(csv("A,Post A,OCC,Y,60%,30%,50000,,,,", "B,Post B,OCC,Y,100%,,50000,,,,", "C,Post C,OCC,Y,0.6,0.4,50000,,,,", "D,Post D,OCC,Y,60,40,50000,,,,", "E,Post E,OCC,Y,,,50000,,,,"), OCC_CDC);
    assert.deepEqual(v.posts.map((p) => [p.id, p.shares]), [["B", [1, 0]], ["C", [0.6, 0.4]]]);
    const byRow = new Map(v.rejected.map((p) => [p.row, p]));
    assert.match(byRow.get(2)!.message, /add up to 90%/);
    assert.equal(byRow.get(2)!.column, "Share OCC, Share CDC");
    assert.match(byRow.get(5)!.message, /not 50/);
    assert.match(byRow.get(6)!.message, /joint post .* no shares are given/);
  });

  it("checks end dates against start dates", () => {
    const v = validatePostList(csv("A,Post A,OCC,N,,,50000,,01/10/2019,30/09/2019,"), OCC_CDC);
    assert.equal(v.rejected.length, 1);
    assert.equal(v.rejected[0].column, "End");
    assert.match(v.rejected[0].message, /2019-09-30 is before Start 2019-10-01/);
  });

  it("keeps text exactly: titles that look like formulas, leading +, - and @", () => {
    const v = validatePostList(csv('A,"=1+1",OCC,N,,,1,,,,', "B,+Policy Lead,OCC,N,,,1,,,,", "C,-Lead,OCC,N,,,1,,,,", "D,@Lead,OCC,N,,,1,,,,"), OCC_CDC);
    assert.deepEqual(v.posts.map((p) => p.title), ["=1+1", "+Policy Lead", "-Lead", "@Lead"]);
  });

  it("matches the home authority by code or name in any case", () => {
    const v = validatePostList(csv("A,P,occ,N,,,1,,,,", "B,P,cherwell district council,N,,,1,,,,", "C,P, OCC ,N,,,1,,,,"), OCC_CDC);
    assert.deepEqual(v.posts.map((p) => p.home), ["OCC", "CDC", "OCC"]);
  });

  it("post ids are unique, except a re-based split on rows whose dates do not overlap", () => {
    const v = validatePostList(
      csv(
        "JW-100,Head of Service,OCC,Y,74%,26%,80000,,,02/10/2019,",
        "JW-100,Head of Service,OCC,Y,82%,18%,80000,,03/10/2019,,",
        "jw-100,Head of Service,OCC,Y,50%,50%,80000,,01/03/2020,,",
        "JW-200,Other,OCC,N,,,80000,,,,",
        "JW-200,Other again,OCC,N,,,80000,,,,",
      ),
      OCC_CDC,
    );
    assert.deepEqual(v.posts.map((p) => p.row), [2, 3, 5]);
    assert.deepEqual(v.rejected.map((p) => [p.row, p.column]), [[4, "Post ID"], [6, "Post ID"]]);
    assert.match(v.rejected[0].message, /already used on row 3 for dates that overlap/);
  });

  it("reads a three-way partnership's share columns and Split column", () => {
    const three = makePartnership(
      [
        { code: "AAA", name: "Alpha Council", pensionRate: 0.2 },
        { code: "BBB", name: "Beta Council", pensionRate: 0.18 },
        { code: "CCC", name: "Gamma Council", pensionRate: 0.15 },
      ],
      { year: 2023 },
    );
    const grid = readDelimitedText(["Post\tEmployer\tShared\tAAA %\tBBB %\tGamma Council share\tSplit\tSalary", "One\tAAA\tYes\t40%\t35%\t25%\t\t60000", "Two\tBeta Council\tYes\t\t\t\t34/33/33\t60000", "Three\tCCC\tYes\t\t\t\t50/50\t60000"].join("\n"));
    const v = validatePostList(grid, three);
    assert.deepEqual(v.posts.map((p) => p.shares), [[0.4, 0.35, 0.25], [0.34, 0.33, 0.33]]);
    assert.equal(v.rejected.length, 1);
    assert.match(v.rejected[0].message, /2 parts but the partnership has 3/);
  });

  it("reads baselines per authority, only for joint posts", () => {
    const grid = readDelimitedText(["Post,Employer,Joint,Split,Salary,Baseline OCC,CDC previous cost", "A,OCC,Y,50/50,90000,\"£200,000\",150000", "B,OCC,Y,50/50,90000,,150000", "C,OCC,N,,90000,junk,", "D,OCC,Y,50/50,90000,junk,"].join("\n"));
    const v = validatePostList(grid, OCC_CDC);
    assert.deepEqual(v.posts.map((p) => p.baselines), [[200000, 150000], [null, 150000], [null, null]]);
    assert.deepEqual(v.rejected.map((p) => [p.row, p.column]), [[5, "Baseline OCC"]]);
  });

  it("throws, naming the columns, when a required field has no column", () => {
    assert.throws(() => validatePostList(readDelimitedText("Name,Pay\nA,1\n"), OCC_CDC), /No column is mapped to Post.*"Name", "Pay"/s);
  });

  it("uses a mapping given by the user instead of the headers", () => {
    const grid = readDelimitedText("Title,Council,J,Pay\nA,OCC,N,50000\n");
    const v = validatePostList(grid, OCC_CDC, { mapping: { fields: { post: 0, home: 1, joint: 2, salary: 3 }, shares: {}, baselines: {} } });
    assert.equal(v.posts.length, 1);
  });

  it("finds the header row below title rows", () => {
    const grid = readDelimitedText(["Joint posts 2019/20,,,", ",,,", "Post,Employer,Joint,Salary", "A,OCC,N,50000"].join("\n"));
    assert.equal(findHeaderRow(grid, OCC_CDC.authorities), 2);
    const v = validatePostList(grid, OCC_CDC);
    assert.deepEqual(v.posts.map((p) => p.row), [4]);
    assert.equal(v.lists[0].headerRowNumber, 3);
  });

  it("numbers rows from where the range starts and names the source", () => {
    const v = validatePostList(csv("A,P,OCC,N,,,,,,,"), OCC_CDC, { firstRowNumber: 5, source: "Sheet1" });
    assert.deepEqual(v.rejected.map((p) => [p.source, p.row]), [["Sheet1", 6]]);
    assert.equal(v.lists[0].headerRowNumber, 5);
  });
});
