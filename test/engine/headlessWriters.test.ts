import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip, type WorkbookReading } from "../support/libreOffice";
import { readReturnFile, checkTemplate } from "../../src/templates/index";
import { SHEET } from "../../src/workbook/index";
import { SAMPLES, runBin } from "../support/runBin";
import { main as workbookMain } from "../../src/cli/jw-workbook";
import { main as templateMain } from "../../src/cli/jw-template";
import { main as summaryMain } from "../../src/cli/jw-summary";
import type { CliIo } from "../../src/cli/runCommand";

const PARTNERSHIP = join(SAMPLES, "occ-cdc-partnership.csv");
const MAINS: Record<string, (argv: readonly string[], io: CliIo) => Promise<number>> = { "jw-workbook": workbookMain, "jw-template": templateMain, "jw-summary": summaryMain };

/** A bin's main() called in this process with its output captured (a spawn costs seconds of compiling). */
async function cli(bin: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await MAINS[bin](args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

function cellsOf(reading: WorkbookReading, sheet: string) {
  const cells = reading.get(sheet);
  if (!cells) throw new Error(`no sheet ${sheet}`);
  return cells;
}

/**
 * jw-workbook and jw-template: the task pane's workbook and template written headless, opened in
 * LibreOffice (an Excel without the add-in) with every formula recalculated, give the figures of
 * `jw-summary --json` to the penny, with no error cell; the usual command-line conventions hold.
 */
describe("headless writers: jw-workbook and jw-template", function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "jw-writers-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe("command line", () => {
    it("prints its usage for --help and exits 0 (run as a user runs it); a missing option exits 2 with the usage", async () => {
      for (const bin of ["jw-workbook", "jw-template"]) {
        const help = runBin(bin, "--help");
        assert.equal(help.code, 0);
        assert.match(help.stdout, new RegExp(`^Usage: ${bin} `));
        const bad = await cli(bin, "--partnership", PARTNERSHIP);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, new RegExp(`^${bin}: Missing .*--out`));
        assert.match(bad.stderr, /Usage:/);
      }
      const unknown = await cli("jw-workbook", "--posts", "a.csv", "--colour", "blue");
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /Unknown option --colour/);
    });

    it("never overwrites a file without --force, and says so", async () => {
      const out = join(dir, "mine.xlsx");
      writeFileSync(out, "a finance officer's own workbook");
      const r = await cli("jw-workbook", "--posts", join(SAMPLES, "occ-cdc-2019-20-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", out);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /already exists: give another --out, or add --force/);
      assert.equal(readFileSync(out, "utf8"), "a finance officer's own workbook");
      const forced = await cli("jw-workbook", "--posts", join(SAMPLES, "occ-cdc-2019-20-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", out, "--force");
      assert.equal(forced.code, 0, forced.stderr);
      assert.ok(statSync(out).size > 5000);
    });

    it("refuses an --out that is not .xlsx, an unknown year and --rows out of range, with exit 1 or 2", async () => {
      const notXlsx = await cli("jw-workbook", "--posts", join(SAMPLES, "occ-cdc-2019-20-posts.csv"), "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", join(dir, "x.csv"));
      assert.equal(notXlsx.code, 1);
      assert.match(notXlsx.stderr, /ending in \.xlsx/);
      const year = await cli("jw-template", "--partnership", PARTNERSHIP, "--year", "2031/32", "--out", join(dir, "y.xlsx"));
      assert.equal(year.code, 1);
      assert.match(year.stderr, /2017\/18 to 2026\/27/);
      const rows = await cli("jw-template", "--partnership", PARTNERSHIP, "--year", "2019/20", "--rows", "0", "--out", join(dir, "z.xlsx"));
      assert.equal(rows.code, 2);
      assert.match(rows.stderr, /--rows 0: give a whole number of post rows from 1 to 500/);
      assert.ok(!existsSync(join(dir, "y.xlsx")) && !existsSync(join(dir, "z.xlsx")));
    });

    it("jw-template --posts lists the rejected rows on stderr, leaves them out, and pre-fills the rest", async () => {
      const out = join(dir, "prefilled.xlsx");
      const r = await cli("jw-template", "--partnership", PARTNERSHIP, "--year", "2019/20", "--posts", join(SAMPLES, "messy-posts.csv"), "--out", out);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stderr.trim().split("\n").map((line) => /row (\d+)/.exec(line)![1]), ["5", "6", "7", "8"]);
      assert.match(r.stdout, /4 pre-filled/);
      // Read back as a return: the pre-filled rows are good posts, the title text as typed.
      const ret = await readReturnFile("prefilled.xlsx", new Uint8Array(readFileSync(out)));
      const t = ret.templates[0];
      assert.equal(t.kind, "template");
      if (t.kind !== "template") return;
      const check = checkTemplate(t);
      assert.equal(check.posts.length, 4);
      assert.deepEqual(check.problems, []);
      assert.equal(check.posts[1].title, '=HYPERLINK("http://example.invalid","Monitoring Officer")');
    });
  });

  describe("in LibreOffice, against jw-summary --json", () => {
    before(function () {
      requireLibreOfficeOrSkip(this);
    });

    it("the workbook and the pre-filled template of the OCC/CDC sample and the messy sample", async () => {
      const files: { name: string; bytes: Uint8Array }[] = [];
      const expected = new Map<string, { authorities: { code: string; jointCostShare: number; singlePostCost: number; baseline: number; saving: number }[]; total: { saving: number }; noWorse: boolean }>();
      for (const list of ["occ-cdc-2019-20-posts.csv", "messy-posts.csv"]) {
        const posts = join(SAMPLES, list);
        const summary = await cli("jw-summary", "--posts", posts, "--partnership", PARTNERSHIP, "--year", "2019/20", "--json");
        assert.equal(summary.code, 0, summary.stderr);
        expected.set(list, JSON.parse(summary.stdout));
        const wb = join(dir, `${list}.workbook.xlsx`);
        const tp = join(dir, `${list}.template.xlsx`);
        assert.equal((await cli("jw-workbook", "--posts", posts, "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", wb)).code, 0);
        assert.equal((await cli("jw-template", "--posts", posts, "--partnership", PARTNERSHIP, "--year", "2019/20", "--out", tp)).code, 0);
        files.push({ name: `${list}.workbook.xlsx`.replace(/[^A-Za-z0-9.-]/g, "-"), bytes: new Uint8Array(readFileSync(wb)) });
        files.push({ name: `${list}.template.xlsx`.replace(/[^A-Za-z0-9.-]/g, "-"), bytes: new Uint8Array(readFileSync(tp)) });
      }
      const out = await recalculateInLibreOffice(files);
      for (const [list, json] of expected) {
        const reading = await readBackValues(out.get(`${list}.workbook.xlsx`.replace(/[^A-Za-z0-9.-]/g, "-"))!);
        const errors = [...reading].flatMap(([sheet, cells]) => [...cells].filter(([, c]) => c.error).map(([a1, c]) => `${sheet}!${a1} ${c.error}`));
        assert.deepEqual(errors, [], list);
        assert.deepEqual([...reading.keys()].sort(), [SHEET.partnership, SHEET.posts, SHEET.summary, SHEET.issues, SHEET.method].sort());
        const summary = cellsOf(reading, SHEET.summary);
        json.authorities.forEach((a, k) => {
          const row = 5 + k;
          assert.equal(summary.get(`A${row}`)!.value, a.code);
          assert.equal(summary.get(`C${row}`)!.value, a.jointCostShare, `${list} ${a.code} share of joint posts`);
          assert.equal(summary.get(`D${row}`)!.value, a.singlePostCost, `${list} ${a.code} single posts`);
          assert.equal(summary.get(`E${row}`)!.value, a.baseline, `${list} ${a.code} baseline`);
          assert.equal(summary.get(`F${row}`)!.value, a.saving, `${list} ${a.code} saving`);
        });
        assert.equal(summary.get(`F${5 + json.authorities.length}`)!.value, json.total.saving);
        const template = await readBackValues(out.get(`${list}.template.xlsx`.replace(/[^A-Za-z0-9.-]/g, "-"))!);
        const templateErrors = [...template].flatMap(([sheet, cells]) => [...cells].filter(([, c]) => c.error).map(([a1, c]) => `${sheet}!${a1} ${c.error}`));
        assert.deepEqual(templateErrors, [], `${list} template`);
      }
    });
  });
});
