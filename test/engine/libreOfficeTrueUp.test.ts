import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { planToXlsx } from "../../src/templates/index";
import { SHEET, columnLetter, trueUpLayout, outturnLayout } from "../../src/workbook/index";
import { main as summary } from "../../src/cli/jw-summary";
import { main as workbook } from "../../src/cli/jw-workbook";
import type { TrueUpJson } from "../../src/outturn/index";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip, type XlsxFile, readerOf, errorsAndAddInCalls } from "../support/libreOffice";
import { buildTrueUp, randomTrueUpCase, trueUpDifferences, type BuiltTrueUp } from "../support/trueUpWorkbook";
import { issueCases, type TrueUpCase } from "../support/trueUpCases";
import { SAMPLES_DIR } from "../support/samples";

/**
 * LibreOffice headless as an Excel without the add-in: the JW True-up and JW Outturn sheets,
 * recalculated on load, equal the core to the penny (the issue's cases and random partnerships
 * with re-based posts), and the workbook jw-workbook --outturn writes equals jw-summary --outturn
 * --json, with no error cell and no JW call. One LibreOffice run for every file.
 */
// A post list with the sample's posts and a re-based one (74/26, then 82/18 from 3 October), and
// an outturn with every kind of row: over, under, within, re-based, single, unknown, another case.
const REBASED = [
  "JW-020,Head of Joint Commissioning,OCC,Y,74%,26%,90000,1,,2019-10-02,Permanent",
  "JW-020,Head of Joint Commissioning,OCC,Y,82%,18%,90000,1,2019-10-03,,Permanent",
  "JW-021,Joint Data Lead,CDC,Y,61%,39%,70000,0.8,,,Interim",
];
const OUTTURN = ["Post ID,Actual cost,Notes", "JW-001,270000,acting-up", "jw-002,146000,within", "JW-004,80000.01,vacancy", "JW-020,150000,re-based", "JW-021,60000,", "JW-009,1,single", "JW-404,5,unknown", "JW-006,=1+1,text"];

describe("the true-up in LibreOffice (an Excel without the add-in)", function () {
  this.timeout(600_000);
  const cases: { name: string; built: BuiltTrueUp; c?: TrueUpCase }[] = [];
  let recalculated: Map<string, Uint8Array>;
  let dir: string;
  let json: TrueUpJson;
  let codes: string[];

  before(async function () {
    requireLibreOfficeOrSkip(this);
    dir = mkdtempSync(join(tmpdir(), "jw-trueup-lo-"));
    for (const c of issueCases()) cases.push({ name: `issue-${cases.length}`, built: buildTrueUp(c.partnership, c.posts, c.outturns, c.tolerance), c });
    for (let seed = 1; seed <= 8; seed++) {
      const r = randomTrueUpCase(seed * 7727, 80);
      cases.push({ name: `random-${seed}`, built: buildTrueUp(r.partnership, r.posts, r.outturns, r.tolerance) });
    }
    const files: XlsxFile[] = [];
    for (const c of cases) files.push({ name: `${c.name}.xlsx`, bytes: await planToXlsx(c.built.plan, ExcelJS) });

    // The headless pair: jw-workbook writes the file, jw-summary gives the JSON.
    const posts = join(dir, "posts.csv");
    writeFileSync(posts, `${readFileSync(join(SAMPLES_DIR, "occ-cdc-2019-20-posts.csv"), "utf8").trimEnd()}\n${REBASED.join("\n")}\n`);
    const outturn = join(dir, "outturn.csv");
    writeFileSync(outturn, `${OUTTURN.join("\n")}\n`);
    const args = ["--posts", posts, "--partnership", join(SAMPLES_DIR, "occ-cdc-partnership.csv"), "--year", "2019/20", "--outturn", outturn, "--tolerance", "3%"];
    const io = { out: "", err: "" };
    const sink = { stdout: (t: string) => (io.out += t), stderr: (t: string) => (io.err += t) };
    assert.equal(await workbook([...args, "--out", join(dir, "cli.xlsx")], sink), 0, io.err);
    io.out = "";
    assert.equal(await summary([...args, "--json"], sink), 0, io.err);
    const all = JSON.parse(io.out);
    json = all.trueUp;
    codes = all.authorities.map((a: { code: string }) => a.code);
    files.push({ name: "cli.xlsx", bytes: readFileSync(join(dir, "cli.xlsx")) });
    recalculated = await recalculateInLibreOffice(files, { timeoutMs: 540_000 });
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("the issue's cases and random partnerships: every true-up cell equals the core, no error, no JW call", async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const reading = await readBackValues(recalculated.get(`${c.name}.xlsx`)!);
      const read = readerOf(reading);
      problems.push(...errorsAndAddInCalls(reading).slice(0, 5).map((p) => `${c.name}: ${p}`));
      const r = trueUpDifferences(read, c.built);
      problems.push(...r.lines.slice(0, 5).map((p) => `${c.name}: ${p}`));
      compared += r.compared;
      if (c.c) {
        try {
          c.c.check(c.built, read);
        } catch (e) {
          problems.push(`${c.name} (${c.c.name}): ${(e as Error).message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(compared > 3000, `compared ${compared}`);
  });

  it("jw-workbook --outturn, recalculated, equals jw-summary --outturn --json to the penny", async () => {
    const reading = await readBackValues(recalculated.get("cli.xlsx")!);
    assert.deepEqual(errorsAndAddInCalls(reading), []);
    const read = readerOf(reading);
    const postCount = 13;
    const t = trueUpLayout(codes, postCount);
    const S = SHEET.trueUp;
    const at = (col: number, row: number) => read(S, `${columnLetter(col)}${row}`);
    // Per post: its rows on the sheet, the post's figures on each, the adjustments summed over them.
    const rowsOf = new Map<string, number[]>();
    for (let i = 0; i < postCount; i++) {
      const id = String(at(t.id, t.firstDataRow + i) ?? "").toUpperCase();
      rowsOf.set(id, [...(rowsOf.get(id) ?? []), t.firstDataRow + i]);
    }
    assert.ok(json.posts.length >= 5, `posts: ${json.posts.map((p) => p.postId)}`);
    for (const p of json.posts) {
      const rows = rowsOf.get(p.postId.toUpperCase())!;
      assert.ok(rows, p.postId);
      assert.equal(at(t.postEstimate, rows[0]), p.estimate, `${p.postId} estimate`);
      assert.equal(at(t.outturn, rows[0]), p.outturn, `${p.postId} outturn`);
      assert.equal(at(t.difference, rows[0]), p.difference, `${p.postId} difference`);
      assert.equal(at(t.within, rows[0]), p.withinTolerance, `${p.postId} within`);
      codes.forEach((code, k) => {
        const sum = Math.round(rows.reduce((s, r) => s + (at(t.adjustment[k], r) as number) * 100, 0)) / 100;
        assert.equal(sum, p.adjustments[code], `${p.postId} adjustment ${code}`);
      });
    }
    assert.equal(rowsOf.get("JW-020")!.length, 2, "the re-based post is on two rows");
    codes.forEach((code, k) => {
      const row = t.firstCouncilRow + k;
      assert.equal(at(t.councilColumns.pays, row), json.authorities[code].pays, `${code} pays`);
      assert.equal(at(t.councilColumns.receives, row), json.authorities[code].receives, `${code} receives`);
      assert.equal(at(t.councilColumns.net, row), json.authorities[code].net, `${code} net`);
    });
    for (const s of json.settlements) assert.equal(at(t.councilColumns.owes[codes.indexOf(s.home)], t.firstCouncilRow + codes.indexOf(s.partner)), s.amount, `${s.partner} owes ${s.home}`);
    // Listed, never guessed: the same counts, and each outturn row's match.
    const count = (reason: string) => json.unmatched.filter((u) => u.reason === reason).length;
    assert.equal(read(S, `B${t.countRows.noOutturn}`), count("noOutturn"));
    assert.equal(read(S, `B${t.countRows.unmatchedOutturn}`), count("noPost") + count("singlePost") + count("noEstimate"));
    const o = outturnLayout(0);
    const matches: string[] = [];
    for (let r = o.firstDataRow; read(SHEET.outturn, `A${r}`); r++) matches.push(`${read(SHEET.outturn, `A${r}`)}: ${read(SHEET.outturn, `E${r}`)}`);
    assert.deepEqual(matches, ["JW-001: Matched", "jw-002: Matched", "JW-004: Matched", "JW-020: Matched", "JW-021: Matched", "JW-009: Single post: no true-up", "JW-404: No such post"]);
    assert.deepEqual(json.rejected.map((r) => r.row), [9], "the text amount is refused, not written");
  });
});
