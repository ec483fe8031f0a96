import { FORMAT, type Block } from "./plan";
import { NAME } from "./sheetNames";
import { cell, range } from "./a1";
import { benefitsColumn, type BenefitsLayout } from "./benefitsSheet";
import { cashableBenefitsFormula, noWorseWithCashableFormula, otherBenefitsFormula, roundMoney, savingWithCashableFormula, totalBenefitFormula } from "../formulas/index";
import type { SummaryLayout } from "./summarySheet";

/** Where the Summary's benefits section is (below the posts' section, which keeps its cells). */
export interface BenefitsSummaryLayout {
  headerRow: number;
  firstAuthorityRow: number;
  totalRow: number;
  /** Principle 3 judged on post savings plus cashable benefits. */
  noWorseCell: string;
  columns: { postSaving: 3; cashable: 4; nonCashable: 5; otherBenefits: 6; totalBenefit: 7; savingWithCashable: 8 };
}

export const PRINCIPLE_3_WITH_BENEFITS =
  "Principle 3 with other benefits (cost-split rule 12): each council's post saving plus its cashable benefits must not be below zero. Non-cashable benefits, such as a cost avoided, count in the total benefit but not towards Principle 3.";

/**
 * The Summary's second section: per council its post saving (from the section above), its other
 * benefits from the Benefits table, cashable and non-cashable apart, its total benefit, and
 * Principle 3 judged on post savings plus cashable benefits, saying so.
 */
export function benefitsSummaryBlocks(
  authorities: readonly { code: string; name: string }[],
  summary: SummaryLayout,
  benefits: BenefitsLayout,
  count: number,
  headerRow: number,
): { blocks: Block[]; layout: BenefitsSummaryLayout } {
  const n = authorities.length;
  const first = headerRow + 1;
  const last = headerRow + n;
  const totalRow = last + 1;
  const noWorseRow = totalRow + 2;
  const col = (c: number) => benefitsColumn(benefits, c, count);
  const rows = authorities.map((_, k) => {
    const row = first + k;
    return [
      `=${cell(summary.columns.saving, summary.firstAuthorityRow + k)}`,
      `=${cashableBenefitsFormula(col(benefits.part[k]), col(benefits.cashable))}`,
      `=${roundMoney(`${cell(6, row)}-${cell(4, row)}`)}`,
      `=${otherBenefitsFormula(col(benefits.part[k]))}`,
      `=${totalBenefitFormula(cell(3, row), cell(6, row))}`,
      `=${savingWithCashableFormula(cell(3, row), cell(4, row))}`,
    ];
  });
  const totals = [3, 4, 5, 6, 7, 8].map((c) => `=${roundMoney(`SUM(${range(c, first, c, last)})`)}`);
  const blocks: Block[] = [
    {
      address: cell(1, headerRow - 1),
      rows: 1,
      columns: 1,
      values: [["Other benefits (the JW Benefits table) and each council's total benefit"]],
      columnFormats: [FORMAT.TEXT],
      style: "header",
    },
    {
      address: cell(1, headerRow),
      rows: 1,
      columns: 8,
      values: [["Authority", "Name", "Post saving", "Cashable benefits", "Non-cashable benefits", "Other benefits", "Total benefit", "Post saving + cashable benefits"]],
      columnFormats: new Array(8).fill(FORMAT.TEXT),
      style: "header",
    },
    { address: cell(1, first), rows: n, columns: 2, values: authorities.map((a) => [a.code, a.name]), columnFormats: [FORMAT.TEXT, FORMAT.TEXT] },
    { address: cell(3, first), rows: n, columns: 6, formulas: rows, columnFormats: new Array(6).fill(FORMAT.MONEY) },
    { address: cell(1, totalRow), rows: 1, columns: 2, values: [["Total", ""]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "header" },
    { address: cell(3, totalRow), rows: 1, columns: 6, formulas: [totals], columnFormats: new Array(6).fill(FORMAT.MONEY), style: "header" },
    {
      address: cell(1, noWorseRow),
      rows: 1,
      columns: 1,
      values: [["No council worse off (Principle 3, on post savings plus cashable benefits)"]],
      columnFormats: [FORMAT.TEXT],
      style: "header",
    },
    { address: cell(2, noWorseRow), rows: 1, columns: 1, formulas: [[`=${noWorseWithCashableFormula(range(8, first, 8, last), NAME.noWorseTolerance)}`]], columnFormats: [FORMAT.GENERAL] },
    { address: cell(1, noWorseRow + 1), rows: 1, columns: 1, values: [[PRINCIPLE_3_WITH_BENEFITS]], columnFormats: [FORMAT.TEXT], style: "note" },
  ];
  return {
    blocks,
    layout: {
      headerRow,
      firstAuthorityRow: first,
      totalRow,
      noWorseCell: cell(2, noWorseRow),
      columns: { postSaving: 3, cashable: 4, nonCashable: 5, otherBenefits: 6, totalBenefit: 7, savingWithCashable: 8 },
    },
  };
}
