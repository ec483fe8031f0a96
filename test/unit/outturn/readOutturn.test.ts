import assert from "node:assert/strict";
import { readOutturn, trueUpPosts, trueUpJson } from "../../../src/outturn/index";
import { importPostList, readDelimitedText } from "../../../src/postlist/index";
import { RuleError } from "../../../src/core/errors";
import { OCC_CDC, sample } from "../../support/samples";

const csv = (text: string) => readDelimitedText(text);

describe("outturn import: Post ID, Actual cost, Notes", () => {
  it("reads a clean list: £ signs, commas, notes as text, headers in any case", () => {
    const r = readOutturn({ grid: csv('post id,ACTUAL COST,notes\nJW-001,"£260,123.45",=HYPERLINK("x")\nJW-002,104500,\n') });
    assert.deepEqual(r.rejected, []);
    assert.deepEqual(r.outturns, [
      { row: 2, postId: "JW-001", actual: 260123.45, notes: '=HYPERLINK("x")' },
      { row: 3, postId: "JW-002", actual: 104500, notes: null },
    ]);
  });

  it("finds the header below title rows and recognises other names (Outturn, Position ID, Comments)", () => {
    const r = readOutturn({ grid: [["Year-end outturn 2019/20"], [], ["Position ID", "Outturn", "Comments"], ["A", 10, "ok"]] });
    assert.equal(r.headerRowNumber, 3);
    assert.deepEqual(r.outturns, [{ row: 4, postId: "A", actual: 10, notes: "ok" }]);
  });

  it("rejects text for an amount, a negative outturn, a blank ID and a duplicate Post ID, each with its row and column", () => {
    const r = readOutturn({ grid: csv("Post ID,Actual cost,Notes\nA,about 100k,\nB,-5,\n,100,\nC,100,\nc ,200,\nD,,\nE,£1.005,\n") });
    const lines = r.rejected.map((p) => `${p.row} ${p.column}: ${p.message}`);
    assert.equal(lines.length, 6, lines.join("\n"));
    assert.match(lines[0], /^2 Actual cost: Actual cost "about 100k" is not an amount/);
    assert.match(lines[1], /^3 Actual cost: Actual cost is -5: an actual cost cannot be negative/);
    assert.match(lines[2], /^4 Post ID: Post ID is blank/);
    assert.match(lines[3], /^5 Post ID: Post ID "C" is also on row 6: give each post one actual cost/);
    assert.match(lines[4], /^6 Post ID: Post ID "c" is also on row 5/);
    assert.match(lines[5], /^7 Actual cost: Actual cost is blank/);
    assert.deepEqual(r.outturns, [{ row: 8, postId: "E", actual: 1.01, notes: null }]);
  });

  it("refuses a list with no Post ID or Actual cost column, naming its headers", () => {
    assert.throws(() => readOutturn({ grid: csv("Ref,Amount\nA,1\n") }), (e: unknown) => e instanceof RuleError && /no column for Post ID or Actual cost.*"Ref", "Amount"/.test(e.message));
    assert.throws(() => readOutturn({ grid: [] }), /is empty/);
  });

  it("a mapping chosen by hand is used instead", () => {
    const r = readOutturn({ grid: csv("Ref,Amount\nA,1\n"), mapping: { postId: 0, actual: 1 } });
    assert.deepEqual(r.outturns.map((o) => [o.postId, o.actual]), [["A", 1]]);
  });

  it("the OCC/CDC sample trued up: JSON with posts, authorities, settlements, unmatched and rejected rows", () => {
    const imported = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC);
    const costs = imported.costs;
    const estimate = (id: string) => costs.find((c) => c.post.id === id)!.costThisYear / 100;
    const outturn = readOutturn({
      grid: [
        ["Post ID", "Actual cost"],
        ["JW-001", Math.round(estimate("JW-001") * 1.02 * 100) / 100],
        ["JW-002", Math.round(estimate("JW-002") * 1.05 * 100) / 100],
        ["JW-009", 1],
        ["JW-999", 1],
        ["JW-003", "n/a"],
      ],
    });
    const t = trueUpPosts(costs, outturn.outturns, OCC_CDC);
    const json = trueUpJson(t, costs, outturn, OCC_CDC);
    assert.equal(json.tolerance, 0.03);
    assert.deepEqual(json.posts.map((p) => [p.postId, p.withinTolerance]), [["JW-001", true], ["JW-002", false]]);
    // JW-002 is on an OCC contract, 50/50: CDC owes half the difference.
    const p2 = json.posts[1];
    assert.equal(p2.adjustments.OCC, 0);
    assert.ok(Math.abs(p2.adjustments.CDC - p2.difference / 2) <= 0.01);
    assert.deepEqual(json.authorities.CDC, { pays: p2.adjustments.CDC, receives: 0, net: p2.adjustments.CDC });
    assert.deepEqual(json.settlements, [{ partner: "CDC", home: "OCC", amount: p2.adjustments.CDC }]);
    assert.deepEqual(json.unmatched.map((u) => [u.reason, u.postId, u.outturnRow, u.postRows]), [
      ["singlePost", "JW-009", 4, [10]],
      ["noPost", "JW-999", 5, []],
      ["noOutturn", "JW-003", null, [4]],
      ["noOutturn", "JW-004", null, [5]],
      ["noOutturn", "JW-005", null, [6]],
      ["noOutturn", "JW-006", null, [7]],
      ["noOutturn", "JW-007", null, [8]],
      ["noOutturn", "JW-008", null, [9]],
    ]);
    assert.deepEqual(json.rejected.map((r) => [r.row, r.column]), [[6, "Actual cost"]]);
  });
});
