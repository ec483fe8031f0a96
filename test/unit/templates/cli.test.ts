import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/jw-summary";
import { costAndSummarise, makePartnership, summaryJson, type Post, type Problem } from "../../../src/postlist";
import { checkTemplate, consolidateReturns, consolidatedSummary, readReturnFile, type TemplateRead } from "../../../src/templates";
import { toPence } from "../../../src/core/money";
import { GOOD, filledReturn, partnership, type Filled } from "../../support/templateFixtures";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PARTNERSHIP_CSV = fileURLToPath(new URL("../../../../shared/samples/occ-cdc-partnership.csv", import.meta.url));

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("jw-summary over returned templates", function () {
  this.timeout(60000);
  let dir: string;
  let a: string;
  let b: string;
  const mistake: Filled = { post: "Vacant Officer", home: "OCC", joint: "N", salary: 0 };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "jw-returns-"));
    a = join(dir, "north.xlsx");
    b = join(dir, "south.xlsx");
    writeFileSync(a, await filledReturn(GOOD.slice(0, 2)));
    writeFileSync(b, await filledReturn([GOOD[2], mistake, GOOD[3]]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The pure pipeline over the same files: read, check, cost, summarise. */
  async function pipeline() {
    const posts: Post[] = [];
    const rejected: Problem[] = [];
    for (const path of [a, b]) {
      const file = await readReturnFile(path, new Uint8Array((await import("node:fs")).readFileSync(path)), ExcelJS);
      const check = checkTemplate(file.templates[0] as TemplateRead, { source: path });
      posts.push(...check.posts);
      for (const p of check.problems) rejected.push({ source: path, row: p.row, column: p.field, columnIndex: p.column - 1, message: `${p.what} (cell ${p.cell}): ${p.todo}` });
    }
    return summaryJson(costAndSummarise({ posts, rejected, lists: [] }, partnership), { withSource: true });
  }

  it("detects the templates by their marker and needs no --partnership or --year", async () => {
    const r = await cli("--posts", a, b, "--json");
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), await pipeline());
  });

  it("gives the same figures as the task pane's consolidation of the same files", async () => {
    const r = await cli("--posts", a, b, "--json");
    const json = JSON.parse(r.stdout);
    const files = [];
    for (const path of [a, b]) files.push(await readReturnFile(path, new Uint8Array((await import("node:fs")).readFileSync(path)), ExcelJS));
    const c = consolidateReturns({ partnership, existing: [], returns: files });
    const pane = consolidatedSummary(c.posts, partnership);
    pane.authorities.forEach((x, k) => {
      assert.equal(toPence(json.authorities[k].saving), x.saving);
      assert.equal(toPence(json.authorities[k].jointCostShare), x.jointCostShare);
      assert.equal(toPence(json.authorities[k].singlePostCost), x.singlePostCost);
    });
    assert.equal(json.posts.length, c.added.length);
    assert.equal(json.rejected.length, 1);
    assert.match(json.rejected[0].message, /Salary is 0 \(cell /);
  });

  it("gives the same result with the partnership file and year given", async () => {
    const r = await cli("--posts", a, b, "--partnership", PARTNERSHIP_CSV, "--year", "2019/20", "--json");
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), await pipeline());
  });

  it("prints the readable summary too", async () => {
    const r = await cli("--posts", a, b);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /financial year 2019\/20/);
  });

  it("refuses a template of another partnership, and a post list without --partnership", async () => {
    const foreign = join(dir, "foreign.xlsx");
    writeFileSync(foreign, await filledReturn(GOOD.slice(0, 1), makePartnership(partnership.authorities, { year: "2020/21" })));
    const r = await cli("--posts", a, foreign, "--json");
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /foreign\.xlsx.*another partnership.*2020\/21/);
    const list = join(dir, "list.csv");
    writeFileSync(list, "Post,Home authority,Joint,Salary\nClerk,OCC,N,30000\n");
    const m = await cli("--posts", a, list, "--json");
    assert.equal(m.code, 2);
    assert.match(m.stderr, /Missing --partnership, --year: .*list\.csv is a post list/);
    const both = await cli("--posts", a, list, "--partnership", PARTNERSHIP_CSV, "--year", "2019/20", "--json");
    assert.equal(both.code, 0, both.stderr);
    assert.equal(JSON.parse(both.stdout).posts.length, 3);
  });

  it("runs as `npx jw-summary --posts a.xlsx b.xlsx`", () => {
    const r = spawnSync("npx", ["--no-install", "jw-summary", "--posts", a, b, "--json"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).posts.length, 4);
  });
});
