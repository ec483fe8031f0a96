import assert from "node:assert/strict";
import { RuleError } from "../../../src/core/errors";
import { PAY_VOTE_THRESHOLD } from "../../../src/core/checks";
import { DEFAULT_TRUE_UP_TOLERANCE } from "../../../src/core/trueUp";
import {
  BENEFIT_SHEET,
  NAME,
  SHEET,
  importPlan,
  methodSettingsFromCells,
  methodSheetPlan,
  outturnsFromTable,
  plannedBenefit,
  plannedPost,
  postsLayout,
  trueUpSheetsPlan,
  workbookKeeps,
  type PlannedOutturn,
  type WorkbookPlan,
} from "../../../src/workbook/index";
import type { Grid } from "../../../src/postlist/cells";
import { planSheetValues } from "../../support/planInHyperFormula";
import { randomCase } from "../../support/randomPosts";
import { randomBenefits } from "../../support/benefitsWorkbook";
import { OCC_CDC } from "../../support/samples";

const codes = OCC_CDC.authorities.map((a) => a.code);

function outturnPlan(outturns: readonly PlannedOutturn[]): WorkbookPlan {
  const t = trueUpSheetsPlan({ authorities: OCC_CDC.authorities, yearLabel: "2019/20", posts: postsLayout(codes), postCount: 3, outturns });
  return { sheets: t.sheets, names: [] };
}

/** The cell a workbook name points at, as Excel hands it back, in a grid of the plan. */
function named(names: { name: string; reference: string }[], name: string, grid: Grid) {
  const reference = names.find((n) => n.name === name)!.reference;
  const m = /\$([A-Z]+)\$(\d+)$/.exec(reference)!;
  return grid[+m[2] - 1][m[1].charCodeAt(0) - 65];
}

describe("workbook keeps: what an import reads back beside the posts", () => {
  it("reads back the JW Outturn table's inputs as written: IDs and notes as text, amounts, source rows", () => {
    const outturns: PlannedOutturn[] = [
      { postId: "JW-001", actual: 270000.5, notes: "acting up", sourceRow: 2 },
      { postId: "00042", actual: 0, notes: null, sourceRow: 3 },
      { postId: "=HYPERLINK(\"http://example.invalid\",\"x\")", actual: 1234.56, notes: "+Policy Lead", sourceRow: 7 },
    ];
    assert.deepEqual(outturnsFromTable(planSheetValues(outturnPlan(outturns), SHEET.outturn)), outturns);
  });

  it("reads an empty JW Outturn (its table's one blank row) as no outturn rows", () => {
    assert.deepEqual(outturnsFromTable(planSheetValues(outturnPlan([]), SHEET.outturn)), []);
  });

  it("refuses an outturn amount that is not a number, rather than reading it as 0", () => {
    const grid = planSheetValues(outturnPlan([{ postId: "JW-001", actual: 1, notes: null, sourceRow: 2 }]), SHEET.outturn).map((r) => [...r]);
    grid[1][1] = "see ledger";
    assert.throws(() => outturnsFromTable(grid), (e: unknown) => e instanceof RuleError && /JW Outturn row 2: Actual cost "see ledger" is not an amount/.test(e.message));
  });

  it("refuses a sheet that is not the add-in's JW Outturn", () => {
    assert.throws(() => outturnsFromTable([["Post", "Cost"], ["JW-001", 5]]), /JW Outturn does not start with the columns Post ID, Actual cost, Notes, Source row: write the true-up again/);
  });

  it("reads back the Method sheet's typed figures by their names; defaults when nothing was typed", () => {
    for (const settings of [{ payVoteThreshold: 95000, noWorseTolerance: 250, trueUpTolerance: 0.05 }, {}]) {
      const method = methodSheetPlan(2, undefined, settings);
      const grid = planSheetValues({ sheets: [method.sheet], names: method.names }, SHEET.method);
      const read = methodSettingsFromCells({
        payVoteThreshold: named(method.names, NAME.payVoteThreshold, grid),
        noWorseTolerance: named(method.names, NAME.noWorseTolerance, grid),
        trueUpTolerance: named(method.names, NAME.trueUpTolerance, grid),
      });
      assert.deepEqual(read, { payVoteThreshold: PAY_VOTE_THRESHOLD, noWorseTolerance: 0, trueUpTolerance: DEFAULT_TRUE_UP_TOLERANCE, ...settings });
    }
  });

  it("keeps a Method figure only when it is a number: text, a blank or an error falls back to the default", () => {
    assert.deepEqual(methodSettingsFromCells({ payVoteThreshold: "n/a", noWorseTolerance: "", trueUpTolerance: 0 }), { trueUpTolerance: 0 });
    assert.deepEqual(methodSettingsFromCells({ payVoteThreshold: null, noWorseTolerance: true, trueUpTolerance: "#REF!" }), {});
  });

  it("reads the register and the outturn through one function; null for a sheet that is not there", () => {
    const { partnership, posts } = randomCase(7, 10);
    const benefits = randomBenefits(7, partnership, 6).map(plannedBenefit);
    const c = partnership.authorities.map((a) => a.code);
    const built = importPlan({ partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: false, benefits: { benefits, rejected: [], sourceHeaders: [] } });
    const none = { payVoteThreshold: null, noWorseTolerance: null, trueUpTolerance: null };
    const keeps = workbookKeeps({ benefits: planSheetValues(built.plan, BENEFIT_SHEET.benefits), outturn: null, method: none, report: true, projection: false }, c);
    assert.deepEqual(keeps, { benefits, outturns: null, method: {}, report: true, projection: false });
    assert.deepEqual(workbookKeeps({ benefits: null, outturn: null, method: none, report: false, projection: false }, c).benefits, null);
  });

  it("refuses a register laid out for other councils, saying how to go on, rather than dropping it", () => {
    const built = importPlan({ partnership: OCC_CDC, posts: [], rejected: [], sourceHeaders: [], includePartnership: false, benefits: { benefits: [], rejected: [], sourceHeaders: [] } });
    const grid = planSheetValues(built.plan, BENEFIT_SHEET.benefits);
    const none = { payVoteThreshold: null, noWorseTolerance: null, trueUpTolerance: null };
    assert.throws(
      () => workbookKeeps({ benefits: grid, outturn: null, method: none, report: false, projection: false }, ["OCC", "WODC"]),
      (e: unknown) => e instanceof RuleError && /shares are for other councils.*delete the JW Benefits sheet, import, then import the register again/.test(e.message),
    );
  });
});
