import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SAMPLES = fileURLToPath(new URL("../../../../shared/samples/", import.meta.url));
const BIN = join(ROOT, "bin", "jw-summary.mjs");
const PARTNERSHIP = join(SAMPLES, "occ-cdc-partnership.csv");

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("postlist: the jw-summary CLI", function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "jw-summary-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("--json prints only the summary JSON in the contract's shape, and exits 0 with rejected rows", () => {
    const r = cli("--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2019/20", "--json");
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ["year", "authorities", "total", "noWorse", "totalBenefit", "noWorseWithCashableBenefits", "posts", "rejected", "benefits", "benefitsRejected", "high"]);
    assert.equal(json.year, "2019/20");
    assert.deepEqual(Object.keys(json.authorities[0]), ["code", "name", "jointCostShare", "singlePostCost", "baseline", "saving", "otherBenefits", "cashableBenefits", "totalBenefit"]);
    assert.deepEqual(json.authorities.map((a: { code: string }) => a.code), ["OCC", "CDC"]);
    assert.deepEqual(Object.keys(json.total), ["jointCostShare", "singlePostCost", "baseline", "saving", "otherBenefits", "cashableBenefits", "totalBenefit"]);
    // Without a benefits register: no other benefits, and each total benefit is the post saving.
    for (const a of json.authorities) assert.deepEqual([a.otherBenefits, a.cashableBenefits, a.totalBenefit], [0, 0, a.saving]);
    assert.equal(json.totalBenefit, json.total.saving);
    assert.equal(typeof json.noWorse, "boolean");
    assert.deepEqual(Object.keys(json.posts[0]), ["row", "id", "post", "home", "joint", "annualCost", "costThisYear", "parts", "savings"]);
    assert.deepEqual(json.posts[0], {
      row: 2,
      id: null,
      post: "Chief Executive",
      home: "CDC",
      joint: true,
      annualCost: 247328.78,
      costThisYear: 247328.78,
      parts: { OCC: 123664.39, CDC: 123664.39 },
      savings: { OCC: 123664.39, CDC: 123664.39 },
    });
    assert.equal(json.posts[1].post, '=HYPERLINK("http://example.invalid","Monitoring Officer")');
    assert.deepEqual(json.rejected.map((p: { row: number }) => p.row), [5, 6, 7, 8]);
    assert.deepEqual(Object.keys(json.rejected[0]), ["row", "column", "message"]);
  });

  it("prints a readable table without --json", () => {
    const r = cli("--posts", join(SAMPLES, "occ-cdc-2019-20-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2019");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /OCC\s+Oxfordshire County Council\s+£485,857\.47/);
    assert.match(r.stdout, /No partner worse off: yes/);
    assert.match(r.stdout, /Full Council pay vote/);
  });

  it("reads .xlsx post lists and partnerships, several post lists at once, and --levy", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Posts");
    ws.addRow(["Post ID", "Post", "Home authority", "Joint", "Split", "Salary"]);
    ws.addRow(["X-1", "Shared Lawyer", "OCC", "Y", "50/50", 60000]);
    const posts = join(dir, "posts.xlsx");
    writeFileSync(posts, new Uint8Array(await wb.xlsx.writeBuffer()));
    const pw = new ExcelJS.Workbook();
    const ps = pw.addWorksheet("Partnership");
    ps.addRow(["Code", "Name", "Employer pension rate"]);
    ps.addRow(["OCC", "Oxfordshire County Council", 0.199]);
    ps.addRow(["CDC", "Cherwell District Council", "16.5%"]);
    const partnership = join(dir, "partnership.xlsx");
    writeFileSync(partnership, new Uint8Array(await pw.xlsx.writeBuffer()));

    const r = cli("--posts", posts, join(SAMPLES, "occ-cdc-2019-20-posts.csv"), "--partnership", partnership, "--year", "2019-20", "--json", "--levy", "0");
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.posts.length, 11);
    assert.equal(json.posts[0].file, posts);
    // £60,000 at OCC, no levy: NI 51,368 × 13.8% = 7,088.784 → 7,088.78; pension 11,940.00.
    assert.equal(json.posts[0].annualCost, 79028.78);
    const again = cli("--posts", posts, "--posts", posts, "--partnership", partnership, "--year", "2019/20", "--json");
    assert.equal(again.code, 0, again.stderr);
    const twice = JSON.parse(again.stdout);
    assert.equal(twice.posts.length, 1);
    assert.match(twice.rejected[0].message, /Post ID "X-1" is already used/);
  });

  const failures: [string, string[], number, RegExp][] = [
    ["a missing post list", ["--posts", "no-such.csv", "--partnership", PARTNERSHIP, "--year", "2019/20"], 1, /no-such\.csv: no such file/],
    ["a missing partnership", ["--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", "nope.csv", "--year", "2019/20"], 1, /partnership file cannot be used: Cannot read nope\.csv/],
    ["an unknown year", ["--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2031/32"], 1, /2031\/32.*2017\/18 to 2026\/27/],
    ["an unreadable year", ["--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", PARTNERSHIP, "--year", "next year"], 1, /not a financial year/],
    ["an unreadable partnership", ["--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", join(SAMPLES, "messy-posts.csv"), "--year", "2019/20"], 1, /partnership file .* cannot be used/],
    ["a post list without the needed columns", ["--posts", PARTNERSHIP, "--partnership", PARTNERSHIP, "--year", "2019/20"], 1, /No column is mapped to Post/],
    ["a missing --year", ["--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", PARTNERSHIP], 2, /Missing --year/],
    ["an unknown option", ["--frobnicate"], 2, /Unknown option --frobnicate/],
  ];
  for (const [what, args, code, message] of failures) {
    it(`exits ${code} with a message on stderr for ${what}`, () => {
      const r = cli(...args, "--json");
      assert.equal(r.code, code, r.stderr);
      assert.equal(r.stdout, "");
      assert.match(r.stderr, message);
    });
  }

  it("runs as `npx jw-summary` from the repository root", () => {
    const r = spawnSync("npx", ["--no-install", "jw-summary", "--posts", join(SAMPLES, "messy-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2019/20", "--json"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).posts.length, 4);
  });
});
