import { FORMAT, type Block, type SheetPlan } from "./plan";
import { NAME, SHEET } from "./sheetNames";
import { noWorseFormula, roundMoney } from "../formulas/index";
import { cell, range } from "./a1";
import { postsColumn, type PostsLayout } from "./postsSheet";
import { benefitsSummaryBlocks, type BenefitsSummaryLayout } from "./benefitsSummary";
import type { BenefitsLayout } from "./benefitsSheet";

export interface SummaryLayout {
  headerRow: number;
  firstAuthorityRow: number;
  totalRow: number;
  noWorseCell: string;
  payVoteCell: string;
  assumedCell: string;
  /** Rule 13: the same table at the top of every grade range (columns as above). */
  high: { headerRow: number; firstAuthorityRow: number; totalRow: number; noWorseCell: string };
  columns: { code: 1; name: 2; jointCostShare: 3; singlePostCost: 4; baseline: 5; saving: 6; worseOff: 7 };
  /** With a benefits register: its section below the posts' (rule 12). */
  benefits?: BenefitsSummaryLayout;
}

/**
 * The Summary sheet, laid out like the seeds' savings table: per authority its share of joint
 * posts, its single posts, baseline and saving, with totals, the no-worse-off check and the
 * posts needing a pay vote, all live over the Posts table; and a chart of savings.
 */
export function summarySheetPlan(
  authorities: readonly { code: string; name: string }[],
  yearLabel: string,
  posts: PostsLayout,
  postCount: number,
  benefits?: { layout: BenefitsLayout; count: number },
): { sheet: SheetPlan; layout: SummaryLayout } {
  const n = authorities.length;
  const headerRow = 4;
  const first = headerRow + 1;
  const last = headerRow + n;
  const totalRow = last + 1;
  const col = (c: number) => postsColumn(posts, c, postCount);
  const savingRange = range(6, first, 6, last);
  const noWorseRow = totalRow + 2;
  const highTitleRow = noWorseRow + 6;
  const highHeaderRow = highTitleRow + 1;
  const highFirst = highHeaderRow + 1;
  const highTotalRow = highFirst + n;
  const highNoWorseRow = highTotalRow + 2;
  const layout: SummaryLayout = {
    headerRow,
    firstAuthorityRow: first,
    totalRow,
    noWorseCell: cell(2, noWorseRow),
    payVoteCell: cell(2, noWorseRow + 1),
    assumedCell: cell(2, noWorseRow + 2),
    high: { headerRow: highHeaderRow, firstAuthorityRow: highFirst, totalRow: highTotalRow, noWorseCell: cell(2, highNoWorseRow) },
    columns: { code: 1, name: 2, jointCostShare: 3, singlePostCost: 4, baseline: 5, saving: 6, worseOff: 7 },
  };
  // One end of the ranges: the bottom (the Posts table's main columns) or the top (its "high" columns).
  const end = (firstRow: number, c: { part: number[]; cost: number; baseline: number[]; saving: number[] }) =>
    authorities.map((a, k) => {
      const row = firstRow + k;
      return [
        `=${roundMoney(`SUMIFS(${col(c.part[k])},${col(posts.joint)},"Y")`)}`,
        `=${roundMoney(`SUMIFS(${col(c.cost)},${col(posts.joint)},"N",${col(posts.home)},${cell(1, row)})`)}`,
        `=${roundMoney(`SUM(${col(c.baseline[k])})`)}`,
        `=${roundMoney(`SUM(${col(c.saving[k])})`)}`,
        `=IF(NOT(${noWorseFormula(cell(6, row), NAME.noWorseTolerance)}),"Worse off","No")`,
      ];
    });
  const perAuthority = end(first, { part: posts.part, cost: posts.costThisYear, baseline: posts.baselineThisYear, saving: posts.saving });
  const perAuthorityHigh = end(highFirst, { part: posts.partHigh, cost: posts.costThisYearHigh, baseline: posts.baselineThisYearHigh, saving: posts.savingHigh });
  // Sums of whole pence, rounded so each total is exactly its pence (LibreOffice's SUM compensates, Excel's does not).
  const totals = [3, 4, 5, 6].map((c) => `=${roundMoney(`SUM(${range(c, first, c, last)})`)}`);
  const totalsHigh = [3, 4, 5, 6].map((c) => `=${roundMoney(`SUM(${range(c, highFirst, c, highTotalRow - 1)})`)}`);
  const headers = ["Authority", "Name", "Share of joint posts", "Single posts", "Baseline", "Saving", "Worse off?"];
  const blocks: Block[] = [
    { address: "A1", rows: 1, columns: 1, values: [[`Joint working: savings ${yearLabel}`]], columnFormats: [FORMAT.TEXT], style: "title" },
    {
      address: "A2",
      rows: 1,
      columns: 1,
      values: [[`Live formulas over the ${SHEET.posts} table and the ${SHEET.method} sheet: edit a salary or an assumption and these figures follow. No add-in needed.`]],
      columnFormats: [FORMAT.TEXT],
      style: "note",
    },
    {
      address: cell(1, headerRow),
      rows: 1,
      columns: 7,
      values: [headers],
      columnFormats: new Array(7).fill(FORMAT.TEXT),
      style: "header",
    },
    {
      address: cell(1, first),
      rows: n,
      columns: 2,
      values: authorities.map((a) => [a.code, a.name]),
      columnFormats: [FORMAT.TEXT, FORMAT.TEXT],
    },
    {
      address: cell(3, first),
      rows: n,
      columns: 5,
      formulas: perAuthority,
      columnFormats: [FORMAT.MONEY, FORMAT.MONEY, FORMAT.MONEY, FORMAT.MONEY, FORMAT.GENERAL],
    },
    { address: cell(1, totalRow), rows: 1, columns: 2, values: [["Total", ""]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "header" },
    { address: cell(3, totalRow), rows: 1, columns: 4, formulas: [totals], columnFormats: new Array(4).fill(FORMAT.MONEY), style: "header" },
    {
      address: cell(1, noWorseRow),
      rows: 3,
      columns: 1,
      values: [["No council worse off"], ["Posts needing a Full Council pay vote"], ["Joint posts costed on the assumed baseline"]],
      columnFormats: [FORMAT.TEXT],
      style: "header",
    },
    {
      address: cell(2, noWorseRow),
      rows: 3,
      columns: 1,
      formulas: [
        [`=${noWorseFormula(savingRange, NAME.noWorseTolerance)}`],
        [`=COUNTIF(${col(posts.payVote)},TRUE())`],
        [`=COUNTIF(${col(posts.baselineAssumed)},TRUE())`],
      ],
      columnFormats: [FORMAT.GENERAL],
    },
    {
      address: cell(1, noWorseRow + 4),
      rows: 1,
      columns: 1,
      values: [[
        "Assumed baseline (cost-split rule 6): where a joint post gives no baseline, each council that takes a share is taken to have needed its own post at the same cost, and a council with no share none.",
      ]],
      columnFormats: [FORMAT.TEXT],
      style: "note",
    },
    {
      address: cell(1, highTitleRow),
      rows: 1,
      columns: 1,
      values: [["At the top of the grade ranges (rule 13): posts on a range costed at its top, the others at their salary. The table above is the bottom."]],
      columnFormats: [FORMAT.TEXT],
      style: "note",
    },
    { address: cell(1, highHeaderRow), rows: 1, columns: 7, values: [headers], columnFormats: new Array(7).fill(FORMAT.TEXT), style: "header" },
    { address: cell(1, highFirst), rows: n, columns: 2, values: authorities.map((a) => [a.code, a.name]), columnFormats: [FORMAT.TEXT, FORMAT.TEXT] },
    { address: cell(3, highFirst), rows: n, columns: 5, formulas: perAuthorityHigh, columnFormats: [FORMAT.MONEY, FORMAT.MONEY, FORMAT.MONEY, FORMAT.MONEY, FORMAT.GENERAL] },
    { address: cell(1, highTotalRow), rows: 1, columns: 2, values: [["Total", ""]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "header" },
    { address: cell(3, highTotalRow), rows: 1, columns: 4, formulas: [totalsHigh], columnFormats: new Array(4).fill(FORMAT.MONEY), style: "header" },
    { address: cell(1, highNoWorseRow), rows: 1, columns: 1, values: [["No council worse off at the top of the ranges"]], columnFormats: [FORMAT.TEXT], style: "header" },
    { address: cell(2, highNoWorseRow), rows: 1, columns: 1, formulas: [[`=${noWorseFormula(range(6, highFirst, 6, highTotalRow - 1), NAME.noWorseTolerance)}`]], columnFormats: [FORMAT.GENERAL] },
  ];
  if (benefits) {
    // Below the table at the top of the grade ranges (rule 13).
    const section = benefitsSummaryBlocks(authorities, layout, benefits.layout, benefits.count, highNoWorseRow + 3);
    blocks.push(...section.blocks);
    layout.benefits = section.layout;
  }
  return {
    layout,
    sheet: {
      name: SHEET.summary,
      blocks,
      freezeRows: headerRow,
      columnWidths: [40, 32, 20, 16, 16, 16, 12, ...(benefits ? [18] : [])],
      chart: {
        title: `Saving per council, ${yearLabel}`,
        seriesName: "Saving",
        categories: range(1, first, 1, last),
        values: savingRange,
        position: range(9, headerRow, 16, headerRow + 16),
      },
    },
  };
}
