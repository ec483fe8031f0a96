import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main as summary } from "../../../src/cli/jw-summary";
import { main as workbook } from "../../../src/cli/jw-workbook";
import { SAMPLES_DIR } from "../../support/samples";

const POSTS = join(SAMPLES_DIR, "occ-cdc-2019-20-posts.csv");
const PARTNERSHIP = join(SAMPLES_DIR, "occ-cdc-partnership.csv");

async function run(cli: typeof summary, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await cli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("outturn: jw-summary and jw-workbook with --outturn and --tolerance", function () {
  this.timeout(60_000);
  let dir: string;
  let outturn: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "jw-trueup-"));
    outturn = join(dir, "outturn.csv");
    // JW-001 (CDC contract, 50/50) costs £247,328.78 in 2019/20: 270,000 is 9.2% over. JW-002 at £1 is far under.
    writeFileSync(outturn, "Post ID,Actual cost,Notes\nJW-001,270000,acting-up allowance\nJW-002,£1,vacant most of the year\nJW-009,100000,single\nJW-404,5,not ours\nJW-003,n/a,\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("--json gains trueUp: posts, authorities, settlements, unmatched, rejected (money in pounds)", async () => {
    const r = await run(summary, "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json", "--outturn", outturn);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.ok(json.authorities && json.posts, "the summary is still there");
    const t = json.trueUp;
    assert.equal(t.tolerance, 0.03);
    assert.deepEqual(Object.keys(t.posts[0]), ["postId", "estimate", "outturn", "difference", "withinTolerance", "adjustments"]);
    const jw1 = t.posts.find((p: { postId: string }) => p.postId === "JW-001");
    assert.equal(jw1.estimate, 247328.78);
    assert.equal(jw1.outturn, 270000);
    assert.equal(jw1.withinTolerance, false);
    // CDC is JW-001's home: OCC owes half the difference.
    assert.deepEqual(jw1.adjustments, { OCC: 11335.61, CDC: 0 });
    const sum = (code: string) => Math.round(t.posts.reduce((s: number, p: { adjustments: Record<string, number> }) => s + p.adjustments[code] * 100, 0)) / 100;
    assert.equal(t.authorities.OCC.pays, sum("OCC"));
    assert.equal(t.authorities.OCC.net, Math.round((t.authorities.OCC.pays - t.authorities.OCC.receives) * 100) / 100);
    assert.deepEqual(t.unmatched.map((u: { reason: string; postId: string }) => [u.reason, u.postId]).slice(0, 3), [["singlePost", "JW-009"], ["noPost", "JW-404"], ["noOutturn", "JW-003"]]);
    assert.deepEqual(t.rejected.map((x: { row: number; column: string }) => [x.row, x.column]), [[6, "Actual cost"]]);
  });

  it("--tolerance 5% takes JW-001's 9.2% over as still adjusted, 10% as within", async () => {
    const at = async (rate: string) => JSON.parse((await run(summary, "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json", "--outturn", outturn, "--tolerance", rate)).stdout).trueUp;
    assert.equal((await at("5%")).posts[0].withinTolerance, false);
    const wide = await at("0.1");
    assert.equal(wide.tolerance, 0.1);
    assert.equal(wide.posts[0].withinTolerance, true);
  });

  it("prints the true-up after the summary without --json", async () => {
    const r = await run(summary, "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--outturn", outturn);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Year-end true-up \(tolerance 3%\)/);
    assert.match(r.stdout, /JW-001: estimate £247,328\.78, outturn £270,000\.00, adjust OCC £11,335\.61/);
    assert.match(r.stdout, /CDC invoices OCC £11,335\.61/);
    assert.match(r.stdout, /rejected: outturn row 6, Actual cost: Actual cost "n\/a" is not an amount/);
  });

  it("refuses --tolerance without --outturn, a tolerance that is not a rate, and an outturn it cannot read", async () => {
    const base = ["--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20"];
    let r = await run(summary, ...base, "--tolerance", "3%");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--tolerance is for the true-up: give --outturn FILE too/);
    r = await run(summary, ...base, "--outturn", outturn, "--tolerance", "300%");
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--tolerance 300% is not a rate/);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "Ref,Amount\nA,1\n");
    r = await run(summary, ...base, "--outturn", bad);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /The outturn cannot be used: The outturn \(.*bad\.csv\) cannot be read: no column for Post ID or Actual cost/);
    r = await run(summary, ...base, "--outturn", join(dir, "missing.csv"));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no such file/);
  });

  it("jw-workbook --outturn writes the JW Outturn and JW True-up sheets; --tolerance without --outturn is refused", async () => {
    const out = join(dir, "book.xlsx");
    const r = await run(workbook, "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", out, "--outturn", outturn, "--tolerance", "2.5%");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /True-up: 2 joint posts compared, 2 adjusted; 8 listed/);
    assert.match(r.stderr, /outturn row 6, Actual cost/);
    assert.ok(existsSync(out));
    const bad = await run(workbook, "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", join(dir, "x.xlsx"), "--tolerance", "3%");
    assert.equal(bad.code, 2);
  });
});
