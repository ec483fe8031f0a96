import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkTemplate, readReturnFile, type TemplateRead } from "../../src/templates/index";
import { SHEET, columnLetter, trueUpLayout } from "../../src/workbook/index";
import { main as summaryMain } from "../../src/cli/jw-summary";
import { main as workbookMain } from "../../src/cli/jw-workbook";
import { main as templateMain } from "../../src/cli/jw-template";
import type { CliIo } from "../../src/cli/runCommand";
import { errorsAndAddInCalls, readBackValues, readerOf, recalculateInLibreOffice, requireLibreOfficeOrSkip } from "../support/libreOffice";
import { SAMPLES } from "../support/runBin";
import { fillTemplate } from "../support/templateFiles";
import { benefitEntries, type FilledBenefit } from "../support/templateFixtures";

const PARTNERSHIP = join(SAMPLES, "occ-cdc-partnership.csv");
const POSTS = join(SAMPLES, "occ-cdc-2019-20-posts.csv");

async function cli(main: (argv: readonly string[], io: CliIo) => Promise<number>, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const EMERGENCY: FilledBenefit = { benefit: "Emergency planning and business continuity provided by OCC", kind: "Cost avoidance", amount: 20000, shares: [0, 1], cashable: "N" };
const PROCUREMENT: FilledBenefit = { benefit: "Joint insurance procurement", kind: "Joint procurement", amount: 12345.67, shares: [0.6, 0.4], cashable: "Y" };

/**
 * A year-end return: the template pre-filled from the post list (so its rows carry Post IDs),
 * with actual costs typed on two joint posts and two other benefits added. The headless commands
 * gather them as the task pane's consolidation does: the pre-filled posts are not counted twice,
 * the benefits join the register, the actual costs the outturn; and the workbook jw-workbook
 * writes, recalculated in LibreOffice, equals jw-summary --json.
 */
describe("a returned template's benefits and actual costs, headless", function () {
  this.timeout(300_000);
  let dir: string;
  let ret: string;
  let actuals: Map<string, number>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "jw-returns-"));
    const blank = join(dir, "blank.xlsx");
    const made = await cli(templateMain, "--partnership", PARTNERSHIP, "--year", "2019/20", "--posts", POSTS, "--out", blank);
    assert.equal(made.code, 0, made.stderr);
    const read = (await readReturnFile("blank.xlsx", new Uint8Array(readFileSync(blank)))).templates[0] as TemplateRead;
    const l = read.layout;
    const byId = new Map(checkTemplate(read).posts.map((p) => [p.id, p.row]));
    actuals = new Map([
      ["JW-001", 270000],
      ["JW-002", 112000.5],
    ]);
    const typed = [...actuals].map(([id, amount]) => [byId.get(id)!, l.actualCost!, amount] as [number, number, number]);
    ret = join(dir, "service-return.xlsx");
    writeFileSync(ret, await fillTemplate(new Uint8Array(readFileSync(blank)), [...typed, ...benefitEntries(l, 0, EMERGENCY), ...benefitEntries(l, 1, PROCUREMENT)]));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("jw-template --benefits pre-fills the other-benefit rows from a register, read back as they were", async () => {
    const out = join(dir, "with-benefits.xlsx");
    const r = await cli(templateMain, "--partnership", PARTNERSHIP, "--year", "2019/20", "--posts", POSTS, "--benefits", join(SAMPLES, "occ-cdc-2019-20-benefits.csv"), "--out", out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /10 other-benefit rows, 1 benefit pre-filled/);
    const check = checkTemplate((await readReturnFile("with-benefits.xlsx", new Uint8Array(readFileSync(out)))).templates[0] as TemplateRead);
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.benefits.map((b) => [b.title, b.kind, b.amount, b.shares, b.cashable]), [["Emergency planning and business continuity provided by OCC", "cost avoidance", 20000, [0, 1], false]]);
  });

  it("jw-template --benefit-rows sets the other-benefit rows, and refuses a number out of range or below the benefits to pre-fill", async () => {
    const out = join(dir, "rows.xlsx");
    const r = await cli(templateMain, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefit-rows", "25", "--out", out);
    assert.equal(r.code, 0, r.stderr);
    const read = (await readReturnFile("rows.xlsx", new Uint8Array(readFileSync(out)))).templates[0] as TemplateRead;
    assert.equal(read.layout.benefits!.rows, 25);
    assert.equal(read.benefitRows.length, 25);
    const zero = await cli(templateMain, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefit-rows", "0", "--out", join(dir, "zero.xlsx"));
    assert.equal(zero.code, 2);
    assert.match(zero.stderr, /--benefit-rows 0: give a whole number of other-benefit rows from 1 to 200/);
    const few = await cli(templateMain, "--partnership", PARTNERSHIP, "--year", "2019/20", "--benefits", join(SAMPLES, "occ-cdc-2019-20-benefits.csv"), "--benefit-rows", "1", "--out", join(dir, "few.xlsx"));
    assert.equal(few.code, 0, few.stderr);
  });

  it("jw-summary counts the pre-filled posts once, and adds the returned benefits and true-up", async () => {
    const alone = JSON.parse((await cli(summaryMain, "--posts", POSTS, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json")).stdout);
    const r = await cli(summaryMain, "--posts", POSTS, ret, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json");
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.authorities.map((a: { saving: number }) => a.saving),
      alone.authorities.map((a: { saving: number }) => a.saving),
      "the same savings: nothing counted twice",
    );
    const [occ, cdc] = json.authorities;
    assert.equal(cdc.otherBenefits, 24938.27);
    assert.equal(cdc.cashableBenefits, 4938.27);
    assert.equal(occ.otherBenefits, 7407.4);
    assert.equal(cdc.totalBenefit, Math.round((cdc.saving + cdc.otherBenefits) * 100) / 100);
    assert.deepEqual(
      json.trueUp.posts.map((p: { postId: string; outturn: number }) => [p.postId, p.outturn]),
      [...actuals],
    );
  });

  it("jw-workbook with the return, recalculated in LibreOffice, equals jw-summary --json; so does the return itself", async function () {
    requireLibreOfficeOrSkip(this);
    const args = ["--posts", POSTS, ret, "--partnership", PARTNERSHIP, "--year", "2019/20"];
    const out = join(dir, "workbook.xlsx");
    const w = await cli(workbookMain, ...args, "--out", out);
    assert.equal(w.code, 0, w.stderr);
    const json = JSON.parse((await cli(summaryMain, ...args, "--json")).stdout);
    const files = await recalculateInLibreOffice([
      { name: "workbook.xlsx", bytes: new Uint8Array(readFileSync(out)) },
      { name: "return.xlsx", bytes: new Uint8Array(readFileSync(ret)) },
    ]);
    const reading = await readBackValues(files.get("workbook.xlsx")!);
    assert.deepEqual(errorsAndAddInCalls(reading), []);
    const read = readerOf(reading);
    const codes: string[] = json.authorities.map((a: { code: string }) => a.code);
    // The Summary's benefits section: find its header, then one row per council.
    let header = 1;
    while (header < 200 && read(SHEET.summary, `F${header}`) !== "Other benefits") header++;
    json.authorities.forEach((a: { code: string; otherBenefits: number; cashableBenefits: number; totalBenefit: number }, k: number) => {
      assert.equal(read(SHEET.summary, `A${header + 1 + k}`), a.code);
      assert.equal(read(SHEET.summary, `F${header + 1 + k}`), a.otherBenefits, `${a.code} other benefits`);
      assert.equal(read(SHEET.summary, `D${header + 1 + k}`), a.cashableBenefits, `${a.code} cashable`);
      assert.equal(read(SHEET.summary, `G${header + 1 + k}`), a.totalBenefit, `${a.code} total benefit`);
    });
    const t = trueUpLayout(codes, json.posts.length);
    codes.forEach((code, k) => {
      const row = t.firstCouncilRow + k;
      assert.equal(read(SHEET.trueUp, `${columnLetter(t.councilColumns.pays)}${row}`), json.trueUp.authorities[code].pays, `${code} pays`);
      assert.equal(read(SHEET.trueUp, `${columnLetter(t.councilColumns.net)}${row}`), json.trueUp.authorities[code].net, `${code} net`);
    });
    assert.ok(json.trueUp.authorities.OCC.pays !== 0 || json.trueUp.authorities.CDC.pays !== 0, "an adjustment to compare");
    const back = await readBackValues(files.get("return.xlsx")!);
    assert.deepEqual(errorsAndAddInCalls(back), [], "the return computes without the add-in");
  });
});
