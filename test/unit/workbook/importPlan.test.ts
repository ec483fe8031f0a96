import assert from "node:assert/strict";
import { DetailedCellError } from "hyperformula";
import { importPlan, columnLetter, SHEET, FORMAT, type PlannedPost } from "../../../src/workbook";
import { parseFinancialYear } from "../../../src/core/financialYear";
import { employmentCostPence } from "../../../src/core/onCosts";
import { proRataPence } from "../../../src/core/proRata";
import { splitPence } from "../../../src/core/split";
import { serialFromDate } from "../../../src/core/dates";
import { planInHyperFormula, valueAt } from "../../support/planInHyperFormula";

const year = parseFinancialYear("2019/20");
const partnership = {
  authorities: [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
  ],
  year,
  levyRate: 0.005,
  rechargePeriods: 12,
  vatOnRecharges: false,
};

const base = { sourceRow: 2, id: null, fte: 1, start: null, end: null, baselines: null, status: null };
const posts: PlannedPost[] = [
  { ...base, sourceRow: 2, id: "JW-001", post: "Chief Executive", home: "CDC", joint: true, shares: [0.5, 0.5], salary: 190000, start: serialFromDate(2018, 10, 1) },
  { ...base, sourceRow: 3, post: "=HYPERLINK(\"http://example.invalid\",\"x\")", home: "OCC", joint: true, shares: [0.6, 0.4], salary: 85000, start: serialFromDate(2019, 10, 1), baselines: [90000, 70000] },
  { ...base, sourceRow: 4, post: "+Policy Lead", home: "CDC", joint: false, shares: null, salary: 52000, fte: 0.8 },
];

/** The figures computed straight from the engine, independently of the workbook. */
function expected() {
  const cost = (p: PlannedPost) => {
    const rate = partnership.authorities.find((a) => a.code === p.home)!.pensionRate;
    const annual = employmentCostPence({ salary: p.salary, fte: p.fte, year, pensionRate: rate }).total;
    return proRataPence(annual, year, { start: p.start ?? undefined, end: p.end ?? undefined });
  };
  const joint = [0, 0], single = [0, 0], baseline = [0, 0], saving = [0, 0];
  for (const p of posts) {
    const c = cost(p);
    if (!p.joint) {
      single[p.home === "OCC" ? 0 : 1] += c;
      continue;
    }
    const parts = splitPence(c, p.shares!);
    parts.forEach((part, k) => {
      const b = p.baselines ? proRataPence(Math.round(p.baselines[k]! * 100), year, { start: p.start ?? undefined }) : p.shares![k] > 0 ? c : 0;
      joint[k] += part;
      baseline[k] += b;
      saving[k] += b - part;
    });
  }
  return { joint, single, baseline, saving };
}

describe("import plan evaluated in a real spreadsheet engine", () => {
  const { plan, summary, posts: layout } = importPlan({ partnership, posts, rejected: [], sourceHeaders: [], includePartnership: true });
  const hf = planInHyperFormula(plan);

  it("computes the same per-authority figures as the engine, to the penny", () => {
    const want = expected();
    for (let k = 0; k < 2; k++) {
      const row = summary.firstAuthorityRow + k;
      assert.equal(Math.round((valueAt(hf, SHEET.summary, `C${row}`) as number) * 100), want.joint[k], "share of joint posts");
      assert.equal(Math.round((valueAt(hf, SHEET.summary, `D${row}`) as number) * 100), want.single[k], "single posts");
      assert.equal(Math.round((valueAt(hf, SHEET.summary, `E${row}`) as number) * 100), want.baseline[k], "baseline");
      assert.equal(Math.round((valueAt(hf, SHEET.summary, `F${row}`) as number) * 100), want.saving[k], "saving");
    }
    assert.equal(valueAt(hf, SHEET.summary, summary.noWorseCell), want.saving.every((s) => s >= 0));
    assert.equal(valueAt(hf, SHEET.summary, summary.payVoteCell), 1);
    assert.equal(valueAt(hf, SHEET.summary, summary.assumedCell), 1);
  });

  it("keeps text from the file as text, never a formula", () => {
    assert.equal(valueAt(hf, SHEET.posts, "B3"), "=HYPERLINK(\"http://example.invalid\",\"x\")");
    assert.equal(valueAt(hf, SHEET.posts, "B4"), "+Policy Lead");
    const block = plan.sheets.find((s) => s.name === SHEET.posts)!.blocks[1];
    assert.equal(block.formulas, undefined);
    assert.equal(block.columnFormats![layout.post - 1], FORMAT.TEXT);
  });

  it("recalculates the summary when a salary is edited", () => {
    const id = hf.getSheetId(SHEET.posts)!;
    const before = valueAt(hf, SHEET.summary, `D${summary.firstAuthorityRow + 1}`) as number;
    hf.setCellContents({ sheet: id, row: 3, col: layout.salary - 1 }, [[62000]]);
    const after = valueAt(hf, SHEET.summary, `D${summary.firstAuthorityRow + 1}`) as number;
    assert.ok(after > before, `single-post cost rises (${before} → ${after})`);
  });

  it("shows an error, not a wrong figure, for a joint row whose shares do not add up to 100% (a share cleared by hand)", () => {
    const broken = importPlan({
      partnership,
      posts: [{ ...posts[0], shares: [0.5, null as unknown as number] }],
      rejected: [],
      sourceHeaders: [],
      includePartnership: true,
    });
    const hf2 = planInHyperFormula(broken.plan);
    const part = valueAt(hf2, SHEET.posts, `${columnLetter(broken.posts.part[1])}2`);
    assert.ok(part instanceof DetailedCellError, `got ${String(part)}`);
  });
});
