import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { FakeExcel } from "../../support/fakeExcel";
import { OCC_CDC, sample } from "../../support/samples";
import { importPostList } from "../../../src/postlist/index";
import { validateBenefits } from "../../../src/benefits/index";
import { BENEFIT_SHEET, NAME, SHEET, importPlan, plannedBenefit, plannedPost, postsLayout, trueUpSheetsPlan, type PlannedOutturn } from "../../../src/workbook/index";
import { templateWorkbookPlan, planToXlsx, readReturnFile, type TemplateRead } from "../../../src/templates/index";
import { fillTemplate } from "../../support/templateFiles";
import { benefitEntries, entries, type FilledBenefit } from "../../support/templateFixtures";

const g = globalThis as Record<string, unknown>;

/**
 * Consolidating version-4 returns into the open workbook (Office.js, against the fake Excel): one
 * write appends the returned posts, benefits and actual costs, rewrites the true-up over the new
 * posts, and keeps what the workbook had (the register, the outturn, the Method's typed figures).
 */
describe("excel/consolidateReturns: a version-4 return into a workbook with a register and a true-up", () => {
  afterEach(() => delete g.Excel);

  const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).validation.posts.map(plannedPost);
  const register = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC).benefits.map(plannedBenefit);
  const outturns: PlannedOutturn[] = [{ postId: "JW-002", actual: 101000, notes: "ledger", sourceRow: 2 }];
  const procurement: FilledBenefit = { benefit: "Joint insurance procurement", kind: "Joint procurement", amount: 12345.67, shares: [0.6, 0.4], cashable: "Y" };

  it("appends posts, benefits and actual costs in one write, keeps the rest, and refuses nothing it need not", async () => {
    const fake = new FakeExcel();
    g.Excel = fake.global();
    const { writePlan } = await import("../../../src/excel/writePlan");
    const built = importPlan({ partnership: OCC_CDC, posts, rejected: [], sourceHeaders: [], includePartnership: true, benefits: { benefits: register, rejected: [], sourceHeaders: [] } });
    const t = trueUpSheetsPlan({ authorities: OCC_CDC.authorities, yearLabel: "2019/20", posts: built.posts, postCount: posts.length, outturns });
    await writePlan({ ...built.plan, sheets: [...built.plan.sheets, ...t.sheets] });
    const payVote = fake.names.find((n) => n.name === NAME.payVoteThreshold)!.reference.replace(/^=.*!/, "").replace(/\$/g, "");
    fake.sheet(SHEET.method).cells.get(payVote)!.value = 120000;

    // A template pre-filled from JW Posts comes back with JW-001's actual cost, a new post and a benefit.
    const plan = templateWorkbookPlan(OCC_CDC, { posts: posts.slice(0, 2), postRows: 6 });
    const l = plan.layout;
    const blank = await planToXlsx(plan.workbook, ExcelJS);
    const newPost = { post: "Joint Data Lead", home: "CDC", joint: "Y", shares: [0.61, 0.39], salary: 70000, id: "JW-021" };
    const bytes = await fillTemplate(blank, [[l.firstPostRow, l.actualCost!, 270000], ...entries(l, l.firstPostRow + 2, newPost), ...benefitEntries(l, 0, procurement)]);
    assert.equal(((await readReturnFile("x", bytes, ExcelJS)).templates[0] as TemplateRead).layout.version, 4);

    const { consolidateIntoWorkbook } = await import("../../../src/excel/consolidateReturns");
    const r = await consolidateIntoWorkbook([{ name: "service.xlsx", bytes }], OCC_CDC);
    assert.equal(r.written, true);
    const report = r.consolidation.reports[0];
    assert.deepEqual([report.taken, report.alreadyInPosts, report.benefits, report.actualCosts], [1, 2, 1, 1], report.summary);

    const live = fake.liveSheets().map((s) => s.name);
    for (const name of [SHEET.posts, SHEET.summary, SHEET.outturn, SHEET.trueUp, BENEFIT_SHEET.benefits]) assert.ok(live.includes(name), name);
    assert.ok(!live.some((n) => n.includes("(old)")), "the replaced sheets are gone");
    // JW Posts: the list's posts once, then the new one with its source.
    const pl = postsLayout(["OCC", "CDC"]);
    const column = (c: number) => String.fromCharCode(64 + c);
    assert.equal(fake.cell(SHEET.posts, `${column(pl.id)}${posts.length + 2}`).value, "JW-021");
    assert.equal(fake.cell(SHEET.posts, `${column(pl.id)}${posts.length + 3}`).value ?? "", "");
    // JW Benefits: the register, then the returned benefit.
    assert.equal(fake.cell(BENEFIT_SHEET.benefits, `A${register.length + 2}`).value, procurement.benefit);
    // JW Outturn: the earlier row kept, the returned actual cost after it, saying where it came from.
    assert.equal(fake.cell(SHEET.outturn, "A2").value, "JW-002");
    assert.equal(fake.cell(SHEET.outturn, "A3").value, "JW-001");
    assert.equal(fake.cell(SHEET.outturn, "B3").value, 270000);
    assert.equal(fake.cell(SHEET.outturn, "C3").value, "From service.xlsx");
    assert.equal(fake.cell(SHEET.method, payVote).value, 120000, "the typed pay-vote threshold is kept");

    // The same return again is refused whole: its rows are in the workbook now.
    const again = await consolidateIntoWorkbook([{ name: "service.xlsx", bytes }], OCC_CDC);
    assert.equal(again.written, false);
    assert.match(again.consolidation.reports[0].summary, /already in the Posts table, and 1 benefit from service\.xlsx is already in the JW Benefits table/);
  });
});
