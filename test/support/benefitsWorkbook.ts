/**
 * The differential check of the benefits register as written: the JW Benefits table's computed
 * cells and the Summary's benefits section, as an engine evaluated them, against the core.
 */
import { cellComparer } from "./cellComparer";
import type { Benefit } from "../../src/benefits/benefit";
import { costBenefits, summariseBenefits, totalBenefit, type BenefitCost, type BenefitSummary, type TotalBenefit } from "../../src/benefits/summarise";
import { BENEFIT_KINDS } from "../../src/core/benefits";
import type { Partnership } from "../../src/postlist/partnership";
import type { Post } from "../../src/postlist/post";
import { columnLetter, importPlan, plannedBenefit, plannedPost, BENEFIT_SHEET, SHEET } from "../../src/workbook/index";
import { buildImport, type CellReader, type Expected } from "./nativeWorkbook";
import { awkwardShares, pick } from "./randomPosts";
import { random } from "./generatedPostList";
import type { ImportPlan } from "../../src/workbook/index";

export interface BenefitsExpected extends Expected {
  benefitCosts: BenefitCost[];
  benefitSummary: BenefitSummary;
  totalBenefit: TotalBenefit;
}

export function buildWithBenefits(partnership: Partnership, posts: readonly Post[], benefits: readonly Benefit[]): ImportPlan & BenefitsExpected {
  const base = buildImport(partnership, posts);
  const built = importPlan({
    partnership,
    posts: posts.map(plannedPost),
    rejected: [],
    sourceHeaders: [],
    includePartnership: true,
    benefits: { benefits: benefits.map(plannedBenefit), rejected: [], sourceHeaders: [] },
  });
  const benefitCosts = costBenefits(benefits, partnership);
  const benefitSummary = summariseBenefits(benefitCosts, partnership.authorities.length);
  return { ...built, costs: base.costs, totals: base.totals, highCosts: base.highCosts, highTotals: base.highTotals, benefitCosts, benefitSummary, totalBenefit: totalBenefit(base.totals, benefitSummary) };
}

/** Random benefits: every kind, awkward shares, one council alone, part years, amounts with pence and negatives. */
export function randomBenefits(seed: number, partnership: Partnership, count: number): Benefit[] {
  const rnd = random(seed);
  const n = partnership.authorities.length;
  const { first, last } = partnership.year;
  const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const out: Benefit[] = [];
  for (let i = 0; i < count; i++) {
    let start: number | null = rnd() < 0.5 ? null : between(first - 40, last + 40);
    let end: number | null = rnd() < 0.7 ? null : between(first - 40, last + 40);
    if (start !== null && end !== null && end < start) [start, end] = [end, start];
    const alone = rnd() < 0.3 ? between(0, n - 1) : -1;
    out.push({
      row: i + 2,
      title: `Benefit ${i + 1}`,
      kind: pick(rnd, BENEFIT_KINDS),
      amount: pick(rnd, [20000, between(100, 500000) + between(0, 99) / 100, 0.05, 1001, 3333.33, -between(1, 5000)]),
      shares: alone >= 0 ? Array.from({ length: n }, (_, k) => (k === alone ? 1 : 0)) : awkwardShares(rnd, n),
      start,
      end,
      cashable: rnd() < 0.5,
      evidence: null,
    });
  }
  return out;
}


export function benefitDifferences(read: CellReader, built: ImportPlan & BenefitsExpected): { lines: string[]; compared: number } {
  const { pence: expectPence, value: expectValue, result } = cellComparer(read);
  const l = built.benefits!;
  built.benefitCosts.forEach((c, i) => {
    const row = l.firstDataRow + i;
    const at = (column: number) => `${columnLetter(column)}${row}`;
    expectValue(BENEFIT_SHEET.benefits, at(l.days), c.days, `days of benefit ${i + 1}`);
    expectPence(BENEFIT_SHEET.benefits, at(l.thisYear), c.thisYear, `this year of benefit ${i + 1}`);
    c.parts.forEach((p, k) => expectPence(BENEFIT_SHEET.benefits, at(l.part[k]), p, `part ${k + 1} of benefit ${i + 1}`));
  });
  const s = built.summary.benefits!;
  const b = built.benefitSummary;
  const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
  built.totals.authorities.forEach((a, k) => {
    const row = s.firstAuthorityRow + k;
    expectPence(SHEET.summary, `C${row}`, a.saving, `${a.code} post saving`);
    expectPence(SHEET.summary, `D${row}`, b.cashableBenefits[k], `${a.code} cashable benefits`);
    expectPence(SHEET.summary, `E${row}`, b.otherBenefits[k] - b.cashableBenefits[k], `${a.code} non-cashable benefits`);
    expectPence(SHEET.summary, `F${row}`, b.otherBenefits[k], `${a.code} other benefits`);
    expectPence(SHEET.summary, `G${row}`, built.totalBenefit.totalBenefit[k], `${a.code} total benefit`);
    expectPence(SHEET.summary, `H${row}`, a.saving + b.cashableBenefits[k], `${a.code} saving + cashable`);
  });
  expectPence(SHEET.summary, `F${s.totalRow}`, sum(b.otherBenefits), "total other benefits");
  expectPence(SHEET.summary, `D${s.totalRow}`, sum(b.cashableBenefits), "total cashable benefits");
  expectPence(SHEET.summary, `G${s.totalRow}`, built.totalBenefit.grandTotal, "total benefit");
  expectValue(SHEET.summary, s.noWorseCell, built.totalBenefit.noWorseWithCashable, "Principle 3 with cashable benefits");
  return result();
}
