import assert from "node:assert/strict";
import { importPostList, readPartnership, type Grid } from "../../src/postlist";
import { sample } from "../support/samples";
import { importPlan, plannedPost, rejectedRecords, columnLetter, SHEET } from "../../src/workbook";
import { planInHyperFormula, valueAt } from "../support/planInHyperFormula";


const pence = (pounds: unknown) => Math.round((pounds as number) * 100);

/**
 * The Posts table and Summary the task pane writes, evaluated in a real spreadsheet engine, give
 * the headless pipeline's figures (what `jw-summary` prints) to the penny.
 */
function check(postsGrid: Grid, partnershipGrid: Grid, year: string, levyRate?: number) {
  const partnership = readPartnership(partnershipGrid, { year, levyRate });
  const result = importPostList(postsGrid, partnership, { source: "posts.csv" });
  const built = importPlan({
    partnership,
    posts: result.validation.posts.map(plannedPost),
    rejected: rejectedRecords(result.validation.rejected, new Map([["posts.csv", { grid: postsGrid, firstRowNumber: 1 }]])),
    sourceHeaders: result.validation.lists[0]?.headers ?? [],
    includePartnership: true,
  });
  const hf = planInHyperFormula(built.plan);
  const l = built.posts;
  result.costs.forEach((cost, i) => {
    const row = l.firstDataRow + i;
    const at = (column: number) => valueAt(hf, SHEET.posts, `${columnLetter(column)}${row}`);
    assert.equal(pence(at(l.annualCost)), cost.annualCost, `annual cost, row ${cost.post.row}`);
    assert.equal(pence(at(l.costThisYear)), cost.costThisYear, `cost this year, row ${cost.post.row}`);
    cost.parts.forEach((part, k) => assert.equal(pence(at(l.part[k])), part, `part ${k + 1}, row ${cost.post.row}`));
    (cost.savings ?? cost.parts.map(() => 0)).forEach((saving, k) => assert.equal(pence(at(l.saving[k])), saving, `saving ${k + 1}, row ${cost.post.row}`));
    assert.equal(at(l.payVote), cost.payVote);
  });
  const s = built.summary;
  result.summary.authorities.forEach((a, k) => {
    const row = s.firstAuthorityRow + k;
    assert.equal(pence(valueAt(hf, SHEET.summary, `C${row}`)), a.jointCostShare, `${a.code} joint cost share`);
    assert.equal(pence(valueAt(hf, SHEET.summary, `D${row}`)), a.singlePostCost, `${a.code} single posts`);
    assert.equal(pence(valueAt(hf, SHEET.summary, `E${row}`)), a.baseline, `${a.code} baseline`);
    assert.equal(pence(valueAt(hf, SHEET.summary, `F${row}`)), a.saving, `${a.code} saving`);
  });
  assert.equal(pence(valueAt(hf, SHEET.summary, `F${s.totalRow}`)), result.summary.total.saving);
  assert.equal(valueAt(hf, SHEET.summary, s.noWorseCell), result.summary.noWorse);
  assert.equal(valueAt(hf, SHEET.summary, s.payVoteCell), result.summary.payVotes.length);
  return { result, built, hf };
}

describe("the written workbook agrees with the headless summary, to the penny", () => {
  const occCdc = sample("occ-cdc-partnership.csv");

  it("the OCC and CDC 2019/20 sample", () => {
    const { result } = check(sample("occ-cdc-2019-20-posts.csv"), occCdc, "2019/20");
    assert.equal(result.validation.posts.length, 10);
  });

  it("the messy sample, with its bad rows on the issues sheet", () => {
    const grid = sample("messy-posts.csv");
    const { result, built, hf } = check(grid, occCdc, "2019/20");
    assert.equal(result.validation.posts.length, 4);
    const issues = built.plan.sheets.find((x) => x.name === SHEET.issues)!;
    const rows = new Set(issues.blocks[1].values!.map((r) => r[1]));
    assert.equal(rows.size, 4);
    assert.equal(valueAt(hf, SHEET.posts, `${columnLetter(built.posts.post)}3`), "=HYPERLINK(\"http://example.invalid\",\"Monitoring Officer\")");
  });

  it("a three-way partnership with baselines, FTEs, dates and a re-based split, in 2025/26", () => {
    const partnership: Grid = [
      ["Code", "Name", "Employer pension rate"],
      ["AAA", "Alpha Council", "18%"],
      ["BBB", "Beta Council", 0.2],
      ["CCC", "Gamma Council", 0.155],
    ];
    const posts: Grid = [
      ["Post ID", "Post", "Home authority", "Joint", "Share AAA", "Share BBB", "Share CCC", "Salary", "FTE", "Start", "End", "Baseline AAA", "Baseline BBB", "Baseline CCC"],
      ["P1", "Chief Executive", "AAA", "Y", "1/3", "", "", "£150,000", "1", "", "", "", "", ""],
      ["P2", "Director", "BBB", "Y", "50%", "30%", "20%", "120000", "0.8", "01/06/2025", "", "90000", "60000", "40000"],
      ["P3a", "Head of Law", "CCC", "Y", "74%", "26%", "0%", "95000", "1", "", "02/10/2025", "", "", ""],
      ["P3b", "Head of Law", "CCC", "Y", "82%", "18%", "0%", "95000", "1", "03/10/2025", "", "", "", ""],
      ["P4", "Policy Officer", "BBB", "N", "", "", "", "41000", "0.5", "", "", "", "", ""],
    ];
    // Row 2 is deliberately invalid (a share of "1/3"); the rest must agree to the penny.
    const { result } = check(posts, partnership, "2025/26", 0.005);
    assert.equal(result.validation.posts.length, 4);
    assert.equal(result.validation.rejected[0].row, 2);
  });
});
