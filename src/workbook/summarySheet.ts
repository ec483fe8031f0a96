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
  const layout: SummaryLayout = {
    headerRow,
    firstAuthorityRow: first,
    totalRow,
    noWorseCell: cell(2, noWorseRow),
    payVoteCell: cell(2, noWorseRow + 1),
    assumedCell: cell(2, noWorseRow + 2),
    columns: { code: 1, name: 2, jointCostShare: 3, singlePostCost: 4, baseline: 5, saving: 6, worseOff: 7 },
  };
  const perAuthority = authorities.map((a, k) => {
    const row = first + k;
    return [
      `=${roundMoney(`SUMIFS(${col(posts.part[k])},${col(posts.joint)},"Y")`)}`,
      `=${roundMoney(`SUMIFS(${col(posts.costThisYear)},${col(posts.joint)},"N",${col(posts.home)},${cell(1, row)})`)}`,
      `=${roundMoney(`SUM(${col(posts.baselineThisYear[k])})`)}`,
      `=${roundMoney(`SUM(${col(posts.saving[k])})`)}`,
      `=IF(NOT(${noWorseFormula(cell(6, row), NAME.noWorseTolerance)}),"Worse off","No")`,
    ];
  });
  // Sums of whole pence, rounded so each total is exactly its pence (LibreOffice's SUM compensates, Excel's does not).
  const totals = [3, 4, 5, 6].map((c) => `=${roundMoney(`SUM(${range(c, first, c, last)})`)}`);
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
      values: [["Authority", "Name", "Share of joint posts", "Single posts", "Baseline", "Saving", "Worse off?"]],
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
  ];
  if (benefits) {
    const section = benefitsSummaryBlocks(authorities, layout, benefits.layout, benefits.count, noWorseRow + 6);
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
