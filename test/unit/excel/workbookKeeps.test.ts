import assert from "node:assert/strict";
import { FakeExcel } from "../../support/fakeExcel";
import { OCC_CDC, sample } from "../../support/samples";
import { importPostList } from "../../../src/postlist/index";
import { validateBenefits } from "../../../src/benefits/index";
import { RuleError } from "../../../src/core/errors";
import { BENEFIT_SHEET, NAME, NOTHING_KEPT, SHEET, importPlan, importPlanKeeping, plannedBenefit, plannedPost, trueUpSheetsPlan, type PlannedOutturn } from "../../../src/workbook/index";
import { planTrueUp, previewOutturn } from "../../../src/taskpane/trueUp/trueUpSteps";
import { readPastedText } from "../../../src/taskpane/import/postList";

const g = globalThis as Record<string, unknown>;

/** The cell a workbook name points at in the fake, as "B13". */
function namedAt(fake: FakeExcel, name: string): string {
  return fake.names.find((n) => n.name === name)!.reference.replace(/^=.*!/, "").replace(/\$/g, "");
}

describe("excel/workbookKeeps: what the open workbook holds beside the posts", () => {
  afterEach(() => delete g.Excel);

  const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts.map(plannedPost);
  const register = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC).benefits.map(plannedBenefit);
  const outturns: PlannedOutturn[] = [
    { postId: "JW-001", actual: 101000, notes: "=SUM(1,2)", sourceRow: 2 },
    { postId: "JW-404", actual: 5, notes: null, sourceRow: 3 },
  ];

  /** A workbook after an import with a register and a true-up, as the add-in writes it. */
  async function workbookWithEverything() {
    const { writePlan } = await import("../../../src/excel/writePlan");
    const built = importPlan({ partnership: OCC_CDC, posts, rejected: [], sourceHeaders: [], includePartnership: true, benefits: { benefits: register, rejected: [], sourceHeaders: [] } });
    const t = trueUpSheetsPlan({ authorities: OCC_CDC.authorities, yearLabel: "2019/20", posts: built.posts, postCount: posts.length, outturns });
    await writePlan({ ...built.plan, sheets: [...built.plan.sheets, ...t.sheets] });
  }

  it("reads the register, the outturn, the Method's typed figures and the report's presence in two syncs", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    await workbookWithEverything();
    // An officer raises the pay-vote threshold and the Principle 3 tolerance by hand.
    fake.sheet(SHEET.method).cells.get(namedAt(fake, NAME.payVoteThreshold))!.value = 120000;
    fake.sheet(SHEET.method).cells.get(namedAt(fake, NAME.noWorseTolerance))!.value = 50;
    const { readWorkbookKeeps } = await import("../../../src/excel/workbookKeeps");
    const syncs = fake.syncs;
    const keeps = await readWorkbookKeeps(OCC_CDC);
    assert.equal(fake.syncs - syncs, 2);
    assert.deepEqual(keeps, { benefits: register, outturns, method: { payVoteThreshold: 120000, noWorseTolerance: 50, trueUpTolerance: 0.03 }, report: false, projection: false });
  });

  it("readMethodSettings reads only the Method sheet's typed figures, in two syncs, without touching the tables", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    await workbookWithEverything();
    fake.sheet(SHEET.method).cells.get(namedAt(fake, NAME.trueUpTolerance))!.value = 0.04;
    // A text amount in JW Outturn stops readWorkbookKeeps; the Method figures alone are still read.
    fake.sheet(SHEET.outturn).cells.set("B2", { value: "see ledger", numberFormat: "@" });
    const { readMethodSettings } = await import("../../../src/excel/workbookKeeps");
    const syncs = fake.syncs;
    assert.deepEqual(await readMethodSettings(), { payVoteThreshold: 100000, noWorseTolerance: 0, trueUpTolerance: 0.04 });
    assert.equal(fake.syncs - syncs, 2);
  });

  it("a workbook with none of it reads as nothing kept", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    const { readWorkbookKeeps } = await import("../../../src/excel/workbookKeeps");
    assert.deepEqual(await readWorkbookKeeps(OCC_CDC), NOTHING_KEPT);
  });

  it("a re-import written with what was read keeps the outturn, the register and the typed figures", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    await workbookWithEverything();
    fake.sheet(SHEET.method).cells.get(namedAt(fake, NAME.payVoteThreshold))!.value = 120000;
    const { readWorkbookKeeps } = await import("../../../src/excel/workbookKeeps");
    const { writePlan } = await import("../../../src/excel/writePlan");
    const fewer = posts.slice(0, 3);
    await writePlan(importPlanKeeping({ partnership: OCC_CDC, posts: fewer, rejected: [], sourceHeaders: [], includePartnership: false }, await readWorkbookKeeps(OCC_CDC)).plan);
    const live = fake.liveSheets().map((s) => s.name);
    for (const name of [SHEET.trueUp, SHEET.outturn, BENEFIT_SHEET.benefits]) assert.ok(live.includes(name), name);
    assert.ok(!live.some((n) => n.includes("(old)")), "the replaced sheets are gone");
    assert.equal(fake.cell(SHEET.outturn, "C2").value, "=SUM(1,2)");
    assert.equal(fake.cell(SHEET.outturn, "C2").formula, undefined);
    assert.equal(fake.cell(BENEFIT_SHEET.benefits, "A2").value, register[0].title);
    assert.equal(fake.cell(SHEET.method, namedAt(fake, NAME.payVoteThreshold)).value, 120000);
    const again = await readWorkbookKeeps(OCC_CDC);
    assert.deepEqual(again.outturns, outturns);
    assert.deepEqual(again.benefits, register);
  });

  it("an outturn amount typed as text stops the import before anything is written", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    await workbookWithEverything();
    fake.sheet(SHEET.outturn).cells.set("B3", { value: "see ledger", numberFormat: "@" });
    const { readWorkbookKeeps } = await import("../../../src/excel/workbookKeeps");
    await assert.rejects(readWorkbookKeeps(OCC_CDC), (e: unknown) => e instanceof RuleError && /JW Outturn row 3/.test(e.message));
  });

  it("the true-up tab rewrites the Method sheet with the pay-vote threshold and Principle 3 tolerance typed there", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    await workbookWithEverything();
    fake.sheet(SHEET.method).cells.get(namedAt(fake, NAME.payVoteThreshold))!.value = 90000;
    fake.sheet(SHEET.method).cells.get(namedAt(fake, NAME.noWorseTolerance))!.value = 10;
    const { readWorkbookKeeps } = await import("../../../src/excel/workbookKeeps");
    const { writePlan } = await import("../../../src/excel/writePlan");
    const outturn = previewOutturn(readPastedText("Post ID\tActual cost\nJW-001\t100000\n"));
    await writePlan(planTrueUp(OCC_CDC, posts.length, outturn, 0.05, await readWorkbookKeeps(OCC_CDC)));
    assert.equal(fake.cell(SHEET.method, namedAt(fake, NAME.payVoteThreshold)).value, 90000);
    assert.equal(fake.cell(SHEET.method, namedAt(fake, NAME.noWorseTolerance)).value, 10);
    assert.equal(fake.cell(SHEET.method, namedAt(fake, NAME.trueUpTolerance)).value, 0.05, "the tolerance chosen on the tab wins");
  });
});
