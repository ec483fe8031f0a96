import { FORMAT, type Block, type NamePlan, type PlannedValue, type SheetPlan, type WorkbookPlan } from "./plan";
import { NAME, SHEET, TABLE } from "./sheetNames";
import { absolute, cell, columnLetter, quoteSheet, range } from "./a1";
import type { PostsLayout } from "./postsSheet";
import { methodSheetPlan, type MethodSettings } from "./methodSheet";
import type { ProjectionAssumptions } from "./projectionMethod";
import {
  adjustmentFormula,
  matchCountFormula,
  matchKeyFormula,
  matchSumFormula,
  plainSum,
  roundMoney,
  rowOutturnFloorFormula,
  rowOutturnPenceFormula,
  rowOutturnRemainderFormula,
  splitFloorFormula,
  splitPartFormula,
  splitRemainderFormula,
  withinToleranceFormula,
  type RowOutturnRefs,
  type SplitRefs,
} from "../formulas/index";
import type { TrueUpStatus } from "../core/trueUp";

/**
 * The year-end true-up (rule 15) as two sheets of built-in formulas:
 * - JW Outturn: the outturn as imported (Post ID and Notes as text, Actual cost as a value) in an
 *   Excel table, each row saying whether it matched a joint post;
 * - JW True-up: per council what it pays as a partner, receives as home council and the net, with
 *   what each partner owes each home council (the invoice, or a credit note, to raise); then one
 *   row per row of the JW Posts table (a re-based post has two) with the post's estimate, outturn,
 *   difference, whether it is within the tolerance, the row's part of the outturn and each
 *   partner's adjustment.
 * The rows follow JW Posts by position, so the sheet is written for the table as it stands: after
 * a new import of the post list, write the true-up again. The tolerance is JW_TrueUpTolerance on
 * the Method sheet.
 */

/** The sheet's words for each status of src/core/trueUp.ts. */
export const STATUS_TEXT: Readonly<Record<TrueUpStatus, string>> = {
  adjust: "Adjust",
  within: "Within tolerance",
  noOutturn: "No outturn",
  noEstimate: "No estimate",
  single: "Single post",
  noPostId: "No Post ID",
};

export const OUTTURN_MATCH_TEXT = {
  matched: "Matched",
  noPost: "No such post",
  duplicate: "Duplicate Post ID",
  singlePost: "Single post: no true-up",
  noEstimate: "No estimate",
} as const;

/** One outturn row as the JW Outturn table holds it. */
export interface PlannedOutturn {
  postId: string;
  /** Pounds, to the penny. */
  actual: number;
  notes: string | null;
  /** Its row in the file it came from. */
  sourceRow: number;
}

export interface OutturnLayout {
  postId: 1;
  actual: 2;
  notes: 3;
  sourceRow: 4;
  match: 5;
  key: 6;
  firstDataRow: 2;
  count: number;
}

export interface TrueUpLayout {
  authorities: readonly string[];
  toleranceCell: string;
  /** Per-council table: first row, and its columns. */
  councilHeaderRow: number;
  firstCouncilRow: number;
  totalRow: number;
  councilColumns: { code: 1; name: 2; pays: 3; receives: 4; net: 5; position: 6; owes: number[] };
  /** Counts: row of each, value in column B. */
  countRows: { compared: number; adjusted: number; noOutturn: number; unmatchedOutturn: number; noPostId: number; noEstimate: number };
  /** Per-row block. */
  headerRow: number;
  firstDataRow: number;
  count: number;
  id: number;
  post: number;
  home: number;
  joint: number;
  estimate: number;
  postEstimate: number;
  outturn: number;
  difference: number;
  band: number;
  within: number;
  status: number;
  rowOutturn: number;
  adjustment: number[];
  owedToHome: number;
  lastVisible: number;
  key: number;
  rowsOfPost: number;
  jointRows: number;
  outturnCount: number;
  estimatePence: number;
  postEstimatePence: number;
  outturnPence: number;
  rowFloor: number;
  rowRemainder: number;
  rowOutturnPence: number;
  first: number;
  compared: number;
  active: number;
  outturnPart: number[];
  splitFloor: number[];
  splitRemainder: number[];
  last: number;
  headers: string[];
}

export function trueUpLayout(codes: readonly string[], postCount: number): TrueUpLayout {
  const n = codes.length;
  const councilHeaderRow = 5;
  const firstCouncilRow = councilHeaderRow + 1;
  const totalRow = firstCouncilRow + n;
  const countsFirst = totalRow + 2;
  const countRows = { compared: countsFirst, adjusted: countsFirst + 1, noOutturn: countsFirst + 2, unmatchedOutturn: countsFirst + 3, noPostId: countsFirst + 4, noEstimate: countsFirst + 5 };
  const headerRow = countsFirst + 8;
  let c = 1;
  const next = () => c++;
  const many = () => codes.map(() => next());
  const id = next(), post = next(), home = next(), joint = next();
  const estimate = next(), postEstimate = next(), outturn = next(), difference = next(), band = next(), within = next(), status = next();
  const rowOutturn = next();
  const adjustment = many();
  const owedToHome = next();
  const lastVisible = c - 1;
  const key = next(), rowsOfPost = next(), jointRows = next(), outturnCount = next();
  const estimatePence = next(), postEstimatePence = next(), outturnPence = next();
  const rowFloor = next(), rowRemainder = next(), rowOutturnPence = next();
  const first = next(), compared = next(), active = next();
  const outturnPart = many();
  const splitFloor = many();
  const splitRemainder = many();
  const headers = [
    "Post ID", "Post", "Home authority", "Joint",
    "Estimate (this row)", "Post estimate", "Outturn", "Difference", "Tolerance band", "Within tolerance", "Status",
    "Outturn (this row)",
    ...codes.map((k) => `Adjustment ${k}`),
    "Owed to home council",
    "Working: match key", "Working: rows of the post", "Working: joint rows", "Working: outturn rows",
    "Working: estimate (pence)", "Working: post estimate (pence)", "Working: outturn (pence)",
    "Working: row split whole pence", "Working: row split remainder", "Working: row outturn (pence)",
    "Working: first row of the post", "Working: compared", "Working: adjusted",
    ...codes.map((k) => `Working: outturn part ${k}`),
    ...codes.map((k) => `Split working: whole pence ${k}`),
    ...codes.map((k) => `Split working: remainder ${k}`),
  ];
  return {
    authorities: codes,
    toleranceCell: "B3",
    councilHeaderRow,
    firstCouncilRow,
    totalRow,
    councilColumns: { code: 1, name: 2, pays: 3, receives: 4, net: 5, position: 6, owes: codes.map((_, h) => 7 + h) },
    countRows,
    headerRow,
    firstDataRow: headerRow + 1,
    count: postCount,
    id, post, home, joint, estimate, postEstimate, outturn, difference, band, within, status, rowOutturn, adjustment, owedToHome, lastVisible,
    key, rowsOfPost, jointRows, outturnCount, estimatePence, postEstimatePence, outturnPence, rowFloor, rowRemainder, rowOutturnPence,
    first, compared, active, outturnPart, splitFloor, splitRemainder,
    last: c - 1,
    headers,
  };
}

export function outturnLayout(count: number): OutturnLayout {
  return { postId: 1, actual: 2, notes: 3, sourceRow: 4, match: 5, key: 6, firstDataRow: 2, count };
}

/** A whole column of a block (at least one row, so an empty table still gives a valid range). */
function column(sheet: string, col: number, firstRow: number, count: number): string {
  return absolute(sheet, col, firstRow, col, firstRow + Math.max(1, count) - 1);
}

/** The formulas of one row of the per-row block. */
function rowFormulas(t: TrueUpLayout, o: OutturnLayout, posts: PostsLayout, row: number, postsRow: number): string[] {
  const at = (col: number) => cell(col, row);
  const p = (col: number) => `${quoteSheet(SHEET.posts)}!${cell(col, postsRow)}`;
  const own = (col: number) => column(SHEET.trueUp, col, t.firstDataRow, t.count);
  const through = (col: number) => `${quoteSheet(SHEET.trueUp)}!$${columnLetter(col)}$${t.firstDataRow}:${cell(col, row)}`;
  const outturnKeys = column(SHEET.outturn, o.key, o.firstDataRow, o.count);
  const outturnAmounts = column(SHEET.outturn, o.actual, o.firstDataRow, o.count);
  const tolerance = NAME.trueUpTolerance;
  const compared = `${at(t.compared)}=1`;
  const active = `${at(t.active)}=1`;
  const jointRow = `${at(t.joint)}="Y"`;
  const rows: RowOutturnRefs = {
    outturn: at(t.outturnPence),
    estimate: at(t.estimatePence),
    postEstimate: at(t.postEstimatePence),
    floor: at(t.rowFloor),
    remainder: at(t.rowRemainder),
    key: at(t.key),
    keys: own(t.key),
    floors: own(t.rowFloor),
    remainders: own(t.rowRemainder),
    keysThrough: through(t.key),
    remaindersThrough: through(t.rowRemainder),
  };
  const span = (cols: readonly number[]) => range(cols[0], row, cols[cols.length - 1], row);
  const split: SplitRefs = {
    amount: at(t.rowOutturn),
    weights: posts.share.map(p),
    floors: t.splitFloor.map(at),
    remainders: t.splitRemainder.map(at),
    floorsRange: span(t.splitFloor),
    remaindersRange: span(t.splitRemainder),
  };
  const within = withinToleranceFormula(at(t.postEstimatePence), at(t.outturnPence), tolerance);
  const out = new Map<number, string>();
  out.set(t.id, `=""&${p(posts.id)}`);
  out.set(t.post, `=""&${p(posts.post)}`);
  out.set(t.home, `=""&${p(posts.home)}`);
  out.set(t.joint, `=""&${p(posts.joint)}`);
  out.set(t.estimate, `=${roundMoney(p(posts.costThisYear))}`);
  out.set(t.postEstimate, `=IF(${at(t.id)}="","",${roundMoney(`${at(t.postEstimatePence)}/100`)})`);
  out.set(t.outturn, `=IF(${at(t.outturnCount)}=0,"",${roundMoney(`${at(t.outturnPence)}/100`)})`);
  out.set(t.difference, `=IF(${compared},${roundMoney(`(${at(t.outturnPence)}-${at(t.postEstimatePence)})/100`)},"")`);
  out.set(t.band, `=IF(${compared},${roundMoney(`${tolerance}*${at(t.postEstimatePence)}/100`)},"")`);
  out.set(t.within, `=IF(${compared},${at(t.status)}="${STATUS_TEXT.within}","")`);
  out.set(
    t.status,
    `=IF(${at(t.id)}="",IF(${jointRow},"${STATUS_TEXT.noPostId}","${STATUS_TEXT.single}"),IF(${at(t.jointRows)}=0,"${STATUS_TEXT.single}",IF(${at(t.outturnCount)}=0,"${STATUS_TEXT.noOutturn}",IF(${at(t.postEstimatePence)}=0,"${STATUS_TEXT.noEstimate}",IF(${within},"${STATUS_TEXT.within}","${STATUS_TEXT.adjust}")))))`,
  );
  out.set(t.rowOutturn, `=IF(${compared},${roundMoney(`${at(t.rowOutturnPence)}/100`)},"")`);
  t.authorities.forEach((code, k) => {
    out.set(t.adjustment[k], `=${adjustmentFormula(active, `${at(t.home)}="${code}"`, at(t.outturnPart[k]), p(posts.part[k]))}`);
    out.set(t.outturnPart[k], `=IF(${active},IF(${jointRow},${splitPartFormula(split, k)},IF(${at(t.home)}="${code}",${at(t.rowOutturn)},0)),0)`);
    out.set(t.splitFloor[k], `=IF(AND(${active},${jointRow}),${splitFloorFormula(split, k)},0)`);
    out.set(t.splitRemainder[k], `=IF(AND(${active},${jointRow}),${splitRemainderFormula(split, k)},0)`);
  });
  out.set(t.owedToHome, `=${roundMoney(plainSum(t.adjustment.map(at)))}`);
  out.set(t.key, `=${matchKeyFormula(at(t.id))}`);
  out.set(t.rowsOfPost, `=${matchCountFormula(own(t.key), at(t.key))}`);
  out.set(t.jointRows, `=SUMPRODUCT((${own(t.key)}=${at(t.key)})*(${own(t.joint)}="Y"))`);
  out.set(t.outturnCount, `=IF(${at(t.id)}="",0,${matchCountFormula(outturnKeys, at(t.key))})`);
  out.set(t.estimatePence, `=ROUND(${at(t.estimate)}*100,0)`);
  out.set(t.postEstimatePence, `=${matchSumFormula(own(t.key), at(t.key), own(t.estimatePence))}`);
  out.set(t.outturnPence, `=IF(${at(t.outturnCount)}=0,0,ROUND(${matchSumFormula(outturnKeys, at(t.key), outturnAmounts)}*100,0))`);
  out.set(t.rowFloor, `=IF(${compared},${rowOutturnFloorFormula(rows)},0)`);
  out.set(t.rowRemainder, `=IF(${compared},${rowOutturnRemainderFormula(rows)},-1)`);
  out.set(t.rowOutturnPence, `=IF(${compared},IF(${at(t.rowsOfPost)}=1,${at(t.outturnPence)},${rowOutturnPenceFormula(rows)}),0)`);
  out.set(t.first, `=IF(${matchCountFormula(through(t.key), at(t.key))}=1,1,0)`);
  out.set(t.compared, `=IF(OR(${at(t.status)}="${STATUS_TEXT.adjust}",${at(t.status)}="${STATUS_TEXT.within}"),1,0)`);
  out.set(t.active, `=IF(${at(t.status)}="${STATUS_TEXT.adjust}",1,0)`);
  const formulas: string[] = [];
  for (let col = 1; col <= t.last; col++) formulas.push(out.get(col)!);
  return formulas;
}

function rowFormats(t: TrueUpLayout): string[] {
  const formats = new Array<string>(t.last).fill(FORMAT.GENERAL);
  for (const col of [t.estimate, t.postEstimate, t.outturn, t.difference, t.band, t.rowOutturn, ...t.adjustment, t.owedToHome]) formats[col - 1] = FORMAT.MONEY;
  return formats;
}

/** The JW Outturn table's headers: the first four are its inputs (read back by outturnsFromTable). */
export const OUTTURN_HEADERS: readonly string[] = ["Post ID", "Actual cost", "Notes", "Source row", "Match", "Working: match key"];

function outturnSheet(o: OutturnLayout, t: TrueUpLayout, outturns: readonly PlannedOutturn[]): SheetPlan {
  const headers = [...OUTTURN_HEADERS];
  const keys = column(SHEET.trueUp, t.key, t.firstDataRow, t.count);
  const joints = column(SHEET.trueUp, t.joint, t.firstDataRow, t.count);
  const estimates = column(SHEET.trueUp, t.estimatePence, t.firstDataRow, t.count);
  const ownKeys = column(SHEET.outturn, o.key, o.firstDataRow, o.count);
  const blocks: Block[] = [{ address: "A1", rows: 1, columns: headers.length, values: [headers], columnFormats: new Array(headers.length).fill(FORMAT.TEXT), style: "header" }];
  if (outturns.length > 0) {
    blocks.push({
      address: cell(1, o.firstDataRow),
      rows: outturns.length,
      columns: 4,
      values: outturns.map((x): PlannedValue[] => [x.postId, x.actual, x.notes, x.sourceRow]),
      columnFormats: [FORMAT.TEXT, FORMAT.MONEY, FORMAT.TEXT, FORMAT.INTEGER],
    });
    blocks.push({
      address: cell(o.match, o.firstDataRow),
      rows: outturns.length,
      columns: 2,
      formulas: outturns.map((_, i) => {
        const row = o.firstDataRow + i;
        const key = cell(o.key, row);
        const m = OUTTURN_MATCH_TEXT;
        return [
          `=IF(${cell(o.postId, row)}="","",IF(${matchCountFormula(keys, key)}=0,"${m.noPost}",IF(${matchCountFormula(ownKeys, key)}>1,"${m.duplicate}",IF(SUMPRODUCT((${keys}=${key})*(${joints}="Y"))=0,"${m.singlePost}",IF(${matchSumFormula(keys, key, estimates)}=0,"${m.noEstimate}","${m.matched}")))))`,
          `=${matchKeyFormula(cell(o.postId, row))}`,
        ];
      }),
      columnFormats: [FORMAT.GENERAL, FORMAT.GENERAL],
    });
  }
  return {
    name: SHEET.outturn,
    blocks,
    table: { name: TABLE.outturn, address: range(1, 1, headers.length, Math.max(2, outturns.length + 1)) },
    freezeRows: 1,
    columnWidths: [16, 16, 44, 12, 24, 16],
    hiddenColumns: [o.key],
  };
}

function trueUpSheet(t: TrueUpLayout, o: OutturnLayout, posts: PostsLayout, authorities: readonly { code: string; name: string }[], yearLabel: string): SheetPlan {
  const n = authorities.length;
  const own = (col: number) => column(SHEET.trueUp, col, t.firstDataRow, t.count);
  const cc = t.councilColumns;
  const councilRows = authorities.map((_, p) => {
    const row = t.firstCouncilRow + p;
    const owes = authorities.map((__, h) => `=${roundMoney(`SUMPRODUCT((${own(t.home)}=$A$${t.firstCouncilRow + h})*${own(t.adjustment[p])})`)}`);
    const pays = roundMoney(plainSum(cc.owes.map((col) => cell(col, row))));
    const receives = roundMoney(plainSum(authorities.map((__, q) => cell(cc.owes[p], t.firstCouncilRow + q))));
    const net = cell(cc.net, row);
    return [`=${pays}`, `=${receives}`, `=${roundMoney(`${cell(cc.pays, row)}-${cell(cc.receives, row)}`)}`, `=IF(${net}>0,"Pays (net)",IF(${net}<0,"Receives (net)","Nothing to settle"))`, ...owes];
  });
  const status = own(t.status);
  const first = own(t.first);
  const outturnMatch = column(SHEET.outturn, o.match, o.firstDataRow, o.count);
  const countFormulas = [
    [`=SUMPRODUCT(${first}*${own(t.compared)})`],
    [`=SUMPRODUCT(${first}*${own(t.active)})`],
    [`=SUMPRODUCT(${first}*(${status}="${STATUS_TEXT.noOutturn}"))`],
    [`=SUMPRODUCT((${outturnMatch}<>"${OUTTURN_MATCH_TEXT.matched}")*(${outturnMatch}<>""))`],
    [`=SUMPRODUCT((${status}="${STATUS_TEXT.noPostId}")*1)`],
    [`=SUMPRODUCT(${first}*(${status}="${STATUS_TEXT.noEstimate}"))`],
  ];
  const blocks: Block[] = [
    { address: "A1", rows: 1, columns: 1, values: [[`Year-end true-up ${yearLabel}`]], columnFormats: [FORMAT.TEXT], style: "title" },
    {
      address: "A2",
      rows: 1,
      columns: 1,
      values: [[`Each joint post's estimate (its cost this year on ${SHEET.posts}) against its actual cost (${SHEET.outturn}). Within the tolerance nothing moves; otherwise each partner owes the home council its part of the outturn minus its part of the estimate (a negative amount is a credit). Live formulas; no add-in needed.`]],
      columnFormats: [FORMAT.TEXT],
      style: "note",
    },
    { address: "A3", rows: 1, columns: 1, values: [["Tolerance (JW Method)"]], columnFormats: [FORMAT.TEXT], style: "header" },
    { address: t.toleranceCell, rows: 1, columns: 1, formulas: [[`=${NAME.trueUpTolerance}`]], columnFormats: [FORMAT.PERCENT] },
    {
      address: cell(1, t.councilHeaderRow),
      rows: 1,
      columns: 6 + n,
      values: [["Authority", "Name", "Pays (as partner)", "Receives (as home)", "Net", "Year-end", ...authorities.map((a) => `Owes ${a.code}`)]],
      columnFormats: new Array(6 + n).fill(FORMAT.TEXT),
      style: "header",
    },
    { address: cell(1, t.firstCouncilRow), rows: n, columns: 2, values: authorities.map((a) => [a.code, a.name]), columnFormats: [FORMAT.TEXT, FORMAT.TEXT] },
    {
      address: cell(cc.pays, t.firstCouncilRow),
      rows: n,
      columns: 4 + n,
      formulas: councilRows,
      columnFormats: [FORMAT.MONEY, FORMAT.MONEY, FORMAT.MONEY, FORMAT.GENERAL, ...new Array(n).fill(FORMAT.MONEY)],
    },
    { address: cell(1, t.totalRow), rows: 1, columns: 2, values: [["Total", ""]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "header" },
    {
      address: cell(cc.pays, t.totalRow),
      rows: 1,
      columns: 3,
      formulas: [[cc.pays, cc.receives, cc.net].map((col) => `=${roundMoney(`SUM(${range(col, t.firstCouncilRow, col, t.totalRow - 1)})`)}`)],
      columnFormats: [FORMAT.MONEY, FORMAT.MONEY, FORMAT.MONEY],
      style: "header",
    },
    {
      address: cell(1, t.countRows.compared),
      rows: 6,
      columns: 1,
      values: [
        ["Joint posts compared with their outturn"],
        ["… of which outside the tolerance (adjusted)"],
        ["Joint posts with no outturn (status No outturn below)"],
        [`Outturn rows not matched to a joint post (see ${SHEET.outturn})`],
        ["Joint post rows with no Post ID"],
        ["Posts with no estimate this year (dates outside the year)"],
      ],
      columnFormats: [FORMAT.TEXT],
      style: "header",
    },
    { address: cell(2, t.countRows.compared), rows: 6, columns: 1, formulas: countFormulas, columnFormats: [FORMAT.INTEGER] },
    {
      address: cell(1, t.countRows.noEstimate + 1),
      rows: 1,
      columns: 1,
      values: [["Owes: row, the partner; column, the home council. A positive amount is the invoice the home council raises to the partner; a negative one, a credit note."]],
      columnFormats: [FORMAT.TEXT],
      style: "note",
    },
    { address: cell(1, t.headerRow), rows: 1, columns: t.last, values: [t.headers], columnFormats: new Array(t.last).fill(FORMAT.TEXT), style: "header" },
  ];
  if (t.count > 0) {
    blocks.push({
      address: cell(1, t.firstDataRow),
      rows: t.count,
      columns: t.last,
      formulas: Array.from({ length: t.count }, (_, i) => rowFormulas(t, o, posts, t.firstDataRow + i, posts.firstDataRow + i)),
      columnFormats: rowFormats(t),
    });
  }
  const widths = t.headers.map((h) => Math.max(12, Math.min(24, h.length + 2)));
  widths[0] = 34;
  widths[t.post - 1] = 36;
  const hidden: number[] = [];
  for (let col = t.lastVisible + 1; col <= t.last; col++) hidden.push(col);
  return { name: SHEET.trueUp, blocks, columnWidths: widths, hiddenColumns: hidden };
}

export interface TrueUpSheetsInput {
  authorities: readonly { code: string; name: string }[];
  yearLabel: string;
  posts: PostsLayout;
  postCount: number;
  outturns: readonly PlannedOutturn[];
}

/** The JW Outturn and JW True-up sheets, over a JW Posts table of `postCount` rows. */
export function trueUpSheetsPlan(input: TrueUpSheetsInput): { sheets: SheetPlan[]; layout: TrueUpLayout; outturn: OutturnLayout } {
  const codes = input.authorities.map((a) => a.code);
  const t = trueUpLayout(codes, input.postCount);
  const o = outturnLayout(input.outturns.length);
  return { sheets: [trueUpSheet(t, o, input.posts, input.authorities, input.yearLabel), outturnSheet(o, t, input.outturns)], layout: t, outturn: o };
}

/**
 * What the task pane writes for a true-up into a workbook that already has JW Posts: the two
 * sheets and the Method sheet again, carrying the tolerance chosen (its names are rewritten with
 * it), the other figures officers typed there (`method`), and the projection's block when the
 * workbook has a projection (its sheets read that block by name).
 */
export function trueUpWorkbookPlan(
  input: TrueUpSheetsInput & { tolerance: number; method?: MethodSettings; projection?: ProjectionAssumptions },
): { plan: WorkbookPlan; layout: TrueUpLayout; outturn: OutturnLayout } {
  const built = trueUpSheetsPlan(input);
  const method = methodSheetPlan(input.authorities.length, undefined, {
    ...input.method,
    trueUpTolerance: input.tolerance,
    ...(input.projection ? { projection: input.projection } : {}),
  });
  const names: NamePlan[] = method.names;
  return { plan: { sheets: [...built.sheets, method.sheet], names, activate: SHEET.trueUp }, layout: built.layout, outturn: built.outturn };
}

/** An accepted outturn row as the JW Outturn table holds it. */
export function plannedOutturn(o: { postId: string; actual: number; notes: string | null; row: number }): PlannedOutturn {
  return { postId: o.postId, actual: o.actual, notes: o.notes, sourceRow: o.row };
}
