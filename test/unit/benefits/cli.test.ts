import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { main as summaryMain } from "../../../src/cli/jw-summary";
import { main as workbookMain } from "../../../src/cli/jw-workbook";
import { runMain } from "../../support/runMain";

const SAMPLES = fileURLToPath(new URL("../../../../shared/samples/", import.meta.url));
const PARTNERSHIP = join(SAMPLES, "occ-cdc-partnership.csv");
const POSTS = join(SAMPLES, "occ-cdc-2019-20-posts.csv");
const BENEFITS = join(SAMPLES, "occ-cdc-2019-20-benefits.csv");

const MAINS = { "jw-summary": summaryMain, "jw-workbook": workbookMain };

/** The command's main() in this process (test/unit/report runs the jw-report launcher itself). */
function cli(bin: keyof typeof MAINS, ...args: string[]) {
  return runMain(MAINS[bin], ...args);
}

describe("benefits: jw-summary --benefits and jw-workbook --benefits", function () {
  this.timeout(60000);
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "jw-benefits-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("jw-summary --benefits --json: per authority otherBenefits, cashableBenefits, totalBenefit; a top-level totalBenefit; existing fields unchanged", async () => {
    const plain = JSON.parse((await cli("jw-summary", "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json")).stdout);
    const r = await cli("jw-summary", "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", BENEFITS, "--json");
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    for (const key of ["year", "noWorse", "posts", "rejected"]) assert.deepEqual(json[key], plain[key]);
    const [occ, cdc] = json.authorities;
    assert.deepEqual([occ.otherBenefits, occ.cashableBenefits, occ.totalBenefit], [0, 0, occ.saving]);
    assert.deepEqual([cdc.otherBenefits, cdc.cashableBenefits], [20000, 0]);
    assert.equal(cdc.totalBenefit, Math.round((cdc.saving + 20000) * 100) / 100);
    assert.equal(cdc.saving, plain.authorities[1].saving);
    assert.equal(json.totalBenefit, Math.round((json.total.saving + 20000) * 100) / 100);
    assert.equal(json.total.otherBenefits, 20000);
    assert.equal(json.noWorseWithCashableBenefits, true);
    assert.equal(json.benefits.length, 1);
    assert.deepEqual(json.benefits[0].parts, { OCC: 0, CDC: 20000 });
    assert.equal(json.benefits[0].kind, "cost avoidance");
    assert.deepEqual(json.benefitsRejected, []);
  });

  it("jw-summary --benefits lists bad benefit rows with row and reason (JSON and text), exit 0", async () => {
    const file = join(dir, "bad-benefits.csv");
    writeFileSync(file, "Benefit,Kind,Amount,Share OCC,Share CDC,Start,End,Cashable,Evidence\nGood,Income,100,50%,50%,,,Y,\nNo amount,Income,,50%,50%,,,Y,\nOff,Income,10,50%,40%,,,Y,\n");
    const json = JSON.parse((await cli("jw-summary", "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", file, "--json")).stdout);
    assert.deepEqual(json.benefitsRejected.map((p: { row: number }) => p.row), [3, 4]);
    assert.equal(json.benefits.length, 1);
    const text = await cli("jw-summary", "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", file);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Other benefits \(1 accepted, 2 rejected\)/);
    assert.match(text.stdout, /row 3, Amount: Amount is blank/);
    assert.match(text.stdout, /Principle 3, rule 12\): yes/);
  });

  it("jw-summary: a register that cannot be read exits 1 naming it", async () => {
    const r = await cli("jw-summary", "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", join(dir, "nope.csv"));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /benefits register cannot be used: Cannot read .*nope\.csv: no such file/);
  });

  it("jw-workbook --benefits writes the JW Benefits table, its issues sheet and the Summary's benefits section (text stays text)", async () => {
    const file = join(dir, "inject.csv");
    writeFileSync(file, `${readFileSync(BENEFITS, "utf8").trimEnd()}\n"=HYPERLINK(""http://x"")",Other,10,1,0,,,N,@evil\nBroken,Other,,1,0,,,N,\n`);
    const out = join(dir, "wb.xlsx");
    const r = await cli("jw-workbook", "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", file, "--out", out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2 benefits \(rejected rows on the JW Benefit issues sheet\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.ok(wb.getWorksheet("JW Benefits"));
    assert.ok(wb.getWorksheet("JW Benefit issues"));
    const ws = wb.getWorksheet("JW Benefits")!;
    assert.equal(ws.getCell("A3").value, '=HYPERLINK("http://x")');
    assert.equal(ws.getCell("A3").numFmt, "@");
    assert.equal(ws.getCell("I3").value, "@evil");
    assert.equal(wb.getWorksheet("JW Benefit issues")!.getCell("B2").value, "4");
  });
});
