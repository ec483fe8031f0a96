import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { checkTemplate, consolidateReturns, consolidatedBenefits, consolidationImport, consolidationAddsAnything, readReturnFile, type TemplateRead } from "../../../src/templates";
import { BENEFIT_SHEET, SHEET, importPlan, plannedPost, type PlannedPost } from "../../../src/workbook";
import { costBenefits } from "../../../src/benefits/summarise";
import { planInHyperFormula, valueAt } from "../../support/planInHyperFormula";
import { GOOD, benefitEntries, blankTemplate, d, entries, partnership, type Filled, type FilledBenefit } from "../../support/templateFixtures";
import { fillTemplate } from "../../support/templateFiles";

/**
 * Version 4 returns: a budget holder adds other benefits (rule 12) and, at year end, each post's
 * actual cost (rule 15); the check judges them as the register and the outturn imports do, and
 * consolidation gathers them beside the posts.
 */

const EMERGENCY: FilledBenefit = { benefit: "Emergency planning and business continuity provided by OCC", kind: "Cost avoidance", amount: 20000, shares: [0, 1], cashable: "N" };
const PROCUREMENT: FilledBenefit = { benefit: "Joint insurance procurement", kind: "Joint procurement", amount: 12345.67, shares: [0.6, 0.4], cashable: "Y" };
const MID_YEAR: FilledBenefit = { benefit: "Shared office lease", kind: "Property", amount: 36500, shares: [0.5, 0.5], start: d(2019, 10, 1), cashable: "Yes" };

async function v4Return(posts: readonly Filled[], benefits: readonly FilledBenefit[], name = "return.xlsx") {
  const { bytes, layout } = await blankTemplate(partnership, 8);
  const filled = await fillTemplate(bytes, [...posts.flatMap((p, i) => entries(layout, layout.firstPostRow + i, p)), ...benefits.flatMap((b, i) => benefitEntries(layout, i, b))]);
  return { file: await readReturnFile(name, filled, ExcelJS), layout };
}

describe("version 4 returns: other benefits and actual costs", () => {
  it("the seeds' benefits: £20k to CDC alone, 60/40 to the penny, a mid-year start pro rata by days", async () => {
    const { file } = await v4Return(GOOD.slice(0, 1), [EMERGENCY, PROCUREMENT, MID_YEAR]);
    const check = checkTemplate(file.templates[0] as TemplateRead);
    assert.deepEqual(check.problems, []);
    assert.equal(check.benefits.length, 3);
    const [emergency, procurement, midYear] = costBenefits(check.benefits, partnership);
    assert.deepEqual(emergency.parts, [0, 2_000_000]);
    assert.equal(emergency.benefit.cashable, false);
    assert.equal(emergency.benefit.kind, "cost avoidance");
    assert.deepEqual(procurement.parts, [740_740, 493_827]);
    assert.equal(procurement.parts[0] + procurement.parts[1], 1_234_567);
    // 1 October 2019 to 31 March 2020 is 183 of the year's 366 days.
    assert.equal(midYear.thisYear, Math.round((3_650_000 * 183) / 366));
    assert.equal(midYear.benefit.cashable, true);
  });

  it("bad benefit rows are listed with their cell and reason, and the good ones still taken", async () => {
    const bad: FilledBenefit[] = [
      { benefit: "No amount", amount: null, shares: [0.5, 0.5] },
      { benefit: "Shares off", amount: 1000, shares: [0.6, 0.6] },
      { benefit: "Unknown kind", kind: "Savings", amount: 1000, shares: [1, 0] },
      { benefit: "Ends before it starts", amount: 1000, shares: [1, 0], start: d(2019, 9, 1), end: d(2019, 6, 1) },
      { benefit: "Outside the year", amount: 1000, shares: [1, 0], start: d(2020, 5, 1) },
      { benefit: "=HYPERLINK(\"x\")", amount: 500, shares: [0, 1], cashable: "maybe" },
      EMERGENCY,
    ];
    const { file, layout } = await v4Return([], bad);
    const check = checkTemplate(file.templates[0] as TemplateRead);
    const b = layout.benefits!;
    assert.deepEqual(check.rejectedBenefitRows, [0, 1, 2, 3, 4, 5].map((i) => b.firstRow + i));
    assert.equal(check.benefits.length, 1);
    assert.equal(check.benefits[0].title, EMERGENCY.benefit);
    const byRow = (i: number) => check.problems.filter((p) => p.row === b.firstRow + i).map((p) => `${p.field}: ${p.what}`);
    assert.match(byRow(0).join(), /Amount: Amount is blank/);
    assert.match(byRow(1).join(), /add up to 120%/);
    assert.match(byRow(2).join(), /Kind: Kind "Savings"/);
    assert.match(byRow(3).join(), /is before Start/);
    assert.match(byRow(4).join(), /outside the financial year/);
    assert.match(byRow(5).join(), /Cashable: Cashable "maybe"/);
  });

  it("an actual cost is taken with its Post ID; without one, or negative, the row is rejected and says why", async () => {
    const posts: Filled[] = [
      { ...GOOD[0], id: "P1", actual: 300000 },
      { ...GOOD[1], actual: 90000 },
      { ...GOOD[3], id: "P4", actual: -5 },
      { ...GOOD[2], id: "P3" },
    ];
    const { file, layout } = await v4Return(posts, []);
    const check = checkTemplate(file.templates[0] as TemplateRead);
    assert.deepEqual(check.outturns.map((o) => [o.postId, o.actual, o.row]), [["P1", 300000, layout.firstPostRow]]);
    assert.deepEqual(check.rejectedRows, [layout.firstPostRow + 1, layout.firstPostRow + 2]);
    assert.deepEqual(
      check.problems.map((p) => [p.row, p.field]),
      [
        [layout.firstPostRow + 1, "Post ID"],
        [layout.firstPostRow + 2, "Actual cost (year end)"],
      ],
    );
    assert.deepEqual(check.posts.map((p) => p.id), ["P1", "P3"]);
  });

  it("consolidation gathers benefits and actual costs; a pre-filled post already in JW Posts is not added twice", async () => {
    const existing: PlannedPost[] = [{ ...plannedPost({ ...(checkTemplate((await v4Return([{ ...GOOD[0], id: "P1" }], [])).file.templates[0] as TemplateRead).posts[0]) }), source: "posts.csv" }];
    const existingBenefits = [{ sourceRow: 2, title: "Earlier benefit", kind: "income", amount: 100, shares: [1, 0], start: null, end: null, cashable: true, evidence: null, source: "register.csv" }];
    const a = await v4Return([{ ...GOOD[0], id: "P1", actual: 250000 }, { ...GOOD[1], id: "P2" }], [EMERGENCY], "a.xlsx");
    const b = await v4Return([{ ...GOOD[1], id: "P2", actual: 100000 }], [PROCUREMENT], "b.xlsx");
    const again = await v4Return([{ ...GOOD[3], id: "P9", actual: 1 }, { ...GOOD[3], id: "P1", actual: 2 }], [], "c.xlsx");
    const c = consolidateReturns({ partnership, existing, returns: [a.file, b.file, again.file], existingBenefits, existingOutturns: [] });
    assert.ok(consolidationAddsAnything(c));
    // P1 is in JW Posts already; P2 comes from a.xlsx and b.xlsx both (two posts: nothing says they are one).
    assert.deepEqual(c.added.map((p) => [p.id, p.source]), [["P2", "a.xlsx"], ["P2", "b.xlsx"], ["P9", "c.xlsx"]]);
    assert.equal(c.reports[0].alreadyInPosts, 1);
    assert.match(c.reports[0].notes.join(), /already in JW Posts was not added again/);
    assert.deepEqual(c.benefits!.map((x) => [x.title, x.source]), [["Earlier benefit", "register.csv"], [EMERGENCY.benefit, "a.xlsx"], [PROCUREMENT.benefit, "b.xlsx"]]);
    // One actual cost per Post ID: c.xlsx's second figure for P1 is refused, saying where the first came from.
    assert.deepEqual(c.outturns!.map((o) => [o.postId, o.actual, o.notes]), [["P1", 250000, "From a.xlsx"], ["P2", 100000, "From b.xlsx"], ["P9", 1, "From c.xlsx"]]);
    assert.equal(c.reports[2].refusedActualCosts, 1);
    assert.match(c.reports[2].problems.map((p) => p.what).join(), /P1 already has an actual cost, from a\.xlsx/);
    assert.equal(c.reports[2].status, "partly");
    assert.match(c.reports[0].summary, /1 post taken, 1 benefit taken, 1 actual cost taken/);

    // The pane's report shows each council's other benefits as the Summary will.
    assert.deepEqual(consolidatedBenefits(c)!.otherBenefits, [750_740, 2_493_827]);
    assert.deepEqual(consolidatedBenefits(c)!.cashableBenefits, [750_740, 493_827]);

    // The import it makes writes the benefits table and counts them in the Summary, in built-in formulas.
    const input = consolidationImport(c)!;
    const built = importPlan({ ...input, includePartnership: true });
    const hf = planInHyperFormula(built.plan);
    const s = built.summary.benefits!;
    assert.ok(built.plan.sheets.some((x) => x.name === BENEFIT_SHEET.benefits));
    // Other benefits: OCC the earlier £100 and 60% of £12,345.67; CDC the £20,000 and 40%.
    assert.equal(valueAt(hf, SHEET.summary, `F${s.firstAuthorityRow}`), 7507.4);
    assert.equal(valueAt(hf, SHEET.summary, `F${s.firstAuthorityRow + 1}`), 24938.27);
    assert.equal(valueAt(hf, SHEET.summary, `D${s.firstAuthorityRow + 1}`), 4938.27, "CDC's cashable: the procurement only");
    hf.destroy();
  });

  it("a return whose rows are already in JW Benefits is refused as a whole, as one already in JW Posts is", async () => {
    const a = await v4Return([], [EMERGENCY], "a.xlsx");
    const c = consolidateReturns({
      partnership,
      existing: [],
      returns: [a.file],
      existingBenefits: [{ sourceRow: 30, title: "x", kind: "other", amount: 1, shares: [1, 0], start: null, end: null, cashable: false, evidence: null, source: "a.xlsx" }],
    });
    assert.equal(c.reports[0].status, "refused");
    assert.match(c.reports[0].summary, /1 benefit from a\.xlsx is already in the JW Benefits table: delete it there first/);
    assert.equal(consolidationAddsAnything(c), false);
  });
});
