/**
 * The issue's cases for the true-up, each with the check that shows it, shared by the
 * HyperFormula and LibreOffice tests: a post 2% over its estimate at 3% (no adjustment); 5% over,
 * split 61/39 (the partner owes its 39% of the difference, to the penny); a re-based post's
 * outturn split across its periods; an unmatched outturn row and a post with no outturn, listed.
 */
import assert from "node:assert/strict";
import { costPost } from "../../src/postlist/costPost";
import type { Post } from "../../src/postlist/post";
import type { Outturn } from "../../src/outturn/index";
import type { Partnership } from "../../src/postlist/partnership";
import { serialFromDate } from "../../src/core/dates";
import { SHEET, columnLetter } from "../../src/workbook/index";
import type { BuiltTrueUp } from "./trueUpWorkbook";
import type { CellReader } from "./nativeWorkbook";
import { OCC_CDC } from "./samples";

export interface TrueUpCase {
  name: string;
  partnership: Partnership;
  posts: Post[];
  outturns: Outturn[];
  tolerance: number;
  check(b: BuiltTrueUp, read: CellReader): void;
}

let nextRow = 2;
export function jointPost(id: string | null, shares: number[], options: Partial<Post> = {}): Post {
  return { row: nextRow++, id, title: `Post ${id}`, home: "OCC", homeIndex: 0, joint: true, shares, salary: 190000, fte: 1, start: null, end: null, baselines: [null, null], status: null, ...options };
}

const estimateOf = (p: Post) => costPost(p, OCC_CDC).costThisYear;
const outturn = (postId: string, pence: number, row = 2): Outturn => ({ row, postId, actual: pence / 100, notes: null });
const cellOf = (b: BuiltTrueUp, col: number, i = 0) => `${columnLetter(col)}${b.layout.firstDataRow + i}`;

export function issueCases(): TrueUpCase[] {
  const chief = jointPost("JW-001", [0.61, 0.39]);
  const e = estimateOf(chief); // 253,978.78 for the Chief Executive at OCC's 19.9%: pence
  const rebasedA = jointPost("JW-100", [0.74, 0.26], { end: serialFromDate(2019, 10, 2), salary: 100000 });
  const rebasedB = jointPost("JW-100", [0.82, 0.18], { start: serialFromDate(2019, 10, 3), salary: 100000 });
  const eA = estimateOf(rebasedA);
  const eB = estimateOf(rebasedB);
  return [
    {
      name: "a post 2% over its estimate, at a 3% tolerance: no adjustment",
      partnership: OCC_CDC,
      posts: [chief],
      outturns: [outturn("JW-001", Math.round(e * 1.02))],
      tolerance: 0.03,
      check(b, read) {
        assert.equal(b.result.posts[0].withinTolerance, true);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.within)), true);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.adjustment[1])), 0);
        assert.equal(read(SHEET.trueUp, `C${b.layout.firstCouncilRow + 1}`), 0);
      },
    },
    {
      name: "5% over, split 61/39 with OCC at home: CDC owes its 39% of the difference, to the penny",
      partnership: OCC_CDC,
      posts: [chief],
      outturns: [outturn("JW-001", Math.round(e * 1.05))],
      tolerance: 0.03,
      check(b, read) {
        const difference = Math.round(e * 1.05) - e;
        const cdc = b.result.posts[0].adjustments[1];
        assert.ok(Math.abs(cdc - difference * 0.39) <= 1, `CDC ${cdc} against 39% of ${difference}`);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.adjustment[1])), cdc / 100);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.adjustment[0])), 0, "OCC's own part is not invoiced");
        // CDC pays, OCC receives; the Owes matrix has the invoice OCC raises to CDC.
        const c = b.layout.councilColumns;
        assert.equal(read(SHEET.trueUp, `${columnLetter(c.pays)}${b.layout.firstCouncilRow + 1}`), cdc / 100);
        assert.equal(read(SHEET.trueUp, `${columnLetter(c.receives)}${b.layout.firstCouncilRow}`), cdc / 100);
        assert.equal(read(SHEET.trueUp, `${columnLetter(c.net)}${b.layout.firstCouncilRow}`), -cdc / 100);
        assert.equal(read(SHEET.trueUp, `${columnLetter(c.owes[0])}${b.layout.firstCouncilRow + 1}`), cdc / 100);
      },
    },
    {
      name: "a re-based post (74/26, then 82/18 from 3 October) takes one outturn, split across its periods by their estimates",
      partnership: OCC_CDC,
      posts: [rebasedA, rebasedB],
      outturns: [outturn("JW-100", eA + eB + 1_000_000)],
      tolerance: 0.03,
      check(b, read) {
        const [rowA, rowB] = b.result.rows;
        assert.equal(rowA.outturn + rowB.outturn, eA + eB + 1_000_000);
        assert.ok(Math.abs(rowA.outturn - ((eA + eB + 1_000_000) * eA) / (eA + eB)) < 1);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.rowOutturn, 0)), rowA.outturn / 100);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.rowOutturn, 1)), rowB.outturn / 100);
        // CDC: 26% of the first period's extra and 18% of the second's, each to the penny.
        assert.ok(Math.abs(rowA.adjustments[1] - (rowA.outturn - eA) * 0.26) <= 1);
        assert.ok(Math.abs(rowB.adjustments[1] - (rowB.outturn - eB) * 0.18) <= 1);
        assert.equal(b.result.posts[0].adjustments[1], rowA.adjustments[1] + rowB.adjustments[1]);
      },
    },
    {
      name: "an outturn row with no post and a joint post with no outturn are both listed",
      partnership: OCC_CDC,
      posts: [chief, jointPost("JW-002", [0.5, 0.5], { salary: 110000 })],
      outturns: [outturn("JW-001", e, 2), outturn("JW-404", 12345, 3)],
      tolerance: 0.03,
      check(b, read) {
        assert.deepEqual(b.result.unmatched.map((u) => [u.reason, u.postId]), [["noPost", "JW-404"], ["noOutturn", "JW-002"]]);
        assert.equal(read(SHEET.trueUp, cellOf(b, b.layout.status, 1)), "No outturn");
        assert.equal(read(SHEET.outturn, `E3`), "No such post");
        assert.equal(read(SHEET.trueUp, `B${b.layout.countRows.noOutturn}`), 1);
        assert.equal(read(SHEET.trueUp, `B${b.layout.countRows.unmatchedOutturn}`), 1);
      },
    },
  ];
}
