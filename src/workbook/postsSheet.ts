import { FORMAT, type Block, type PlannedValue, type SheetPlan } from "./plan";
import { NAME, SHEET, TABLE } from "./sheetNames";
import { cell, columnLetter, range } from "./a1";
import {
  baselineAssumedFormula,
  baselineThisYearFormula,
  daysCoveredFormula,
  employerNiFormula,
  employmentCostFromPieces,
  onCostFormula,
  payFormula,
  payVoteFormula,
  plainSum,
  salaryHighFormula,
  proRataDaysFormula,
  savingFormula,
  splitFloorFormula,
  splitPartFormula,
  splitRemainderFormula,
  type NiRefs,
  type SplitRefs,
  type YearRefs,
} from "../formulas/index";

/** One validated post, as the Posts table holds its inputs. */
export interface PlannedPost {
  /** The record's row in the source (header = 1). */
  sourceRow: number;
  id: string | null;
  post: string;
  /** Home authority code. */
  home: string;
  joint: boolean;
  /** Fractions per authority in partnership order (joint posts); null for a single post. */
  shares: readonly number[] | null;
  salary: number;
  /** The top of a grade range (rule 13), or null/absent for a post on one salary. */
  salaryMax?: number | null;
  fte: number;
  /** Excel serials; null for the year's own start or end. */
  start: number | null;
  end: number | null;
  /** Annual baselines per authority in partnership order, or null where the row gives none. */
  baselines: readonly (number | null)[] | null;
  status: string | null;
  /** Where the row came from (file name), for consolidated returns. */
  source?: string | null;
}

/** The columns every post-input table has, wherever it sits (the Posts table, a costing template). */
export interface PostInputColumns {
  post: number;
  home: number;
  joint: number;
  share: number[];
  salary: number;
  fte: number;
  start: number;
  end: number;
  baseline: number[];
  lastInput: number;
}

/**
 * Where each column of the Posts table is, for N authorities. Input columns hold the imported
 * values; the rest are built-in Excel formulas over them and the Method sheet's named figures
 * (src/formulas), so the table computes in any Excel or LibreOffice without the add-in. The split
 * needs a floor and a remainder per authority: working columns at the far right, hidden.
 */
export interface PostsLayout extends PostInputColumns {
  authorities: readonly string[];
  id: number;
  status: number;
  source: number;
  sourceRow: number;
  pay: number;
  ni: number;
  pension: number;
  levy: number;
  annualCost: number;
  days: number;
  costThisYear: number;
  part: number[];
  baselineThisYear: number[];
  saving: number[];
  baselineAssumed: number;
  payVote: number;
  /** Rule 13: the top of a grade range (input), and the figures worked at the top (posts without a range at their salary). */
  salaryMax: number;
  payHigh: number;
  annualCostHigh: number;
  costThisYearHigh: number;
  partHigh: number[];
  baselineThisYearHigh: number[];
  savingHigh: number[];
  /** Working columns of the split (hidden), at the bottom and at the top of the ranges. */
  splitFloor: number[];
  splitRemainder: number[];
  splitFloorHigh: number[];
  splitRemainderHigh: number[];
  lastVisible: number;
  last: number;
  headers: string[];
  firstDataRow: number;
}

export function postsLayout(codes: readonly string[]): PostsLayout {
  let c = 1;
  const next = () => c++;
  const many = () => codes.map(() => next());
  const id = next(), post = next(), home = next(), joint = next();
  const share = many();
  const salary = next(), salaryMax = next(), fte = next(), start = next(), end = next();
  const baseline = many();
  const status = next(), source = next(), sourceRow = next();
  const lastInput = c - 1;
  const pay = next(), ni = next(), pension = next(), levy = next();
  const annualCost = next(), days = next(), costThisYear = next();
  const part = many();
  const baselineThisYear = many();
  const saving = many();
  const baselineAssumed = next(), payVote = next();
  const payHigh = next(), annualCostHigh = next(), costThisYearHigh = next();
  const partHigh = many();
  const baselineThisYearHigh = many();
  const savingHigh = many();
  const lastVisible = c - 1;
  const splitFloor = many();
  const splitRemainder = many();
  const splitFloorHigh = many();
  const splitRemainderHigh = many();
  const headers = [
    "Post ID", "Post", "Home authority", "Joint",
    ...codes.map((k) => `Share ${k}`),
    "Salary", "Salary max", "FTE", "Start", "End",
    ...codes.map((k) => `Baseline ${k}`),
    "Status", "Source", "Source row",
    "Pay", "Employer NI", "Employer pension", "Apprenticeship levy",
    "Annual cost", "Days this year", "Cost this year",
    ...codes.map((k) => `Part ${k}`),
    ...codes.map((k) => `Baseline this year ${k}`),
    ...codes.map((k) => `Saving ${k}`),
    "Baseline assumed", "Pay vote",
    "Pay high", "Annual cost high", "Cost this year high",
    ...codes.map((k) => `Part high ${k}`),
    ...codes.map((k) => `Baseline this year high ${k}`),
    ...codes.map((k) => `Saving high ${k}`),
    ...codes.map((k) => `Split working: whole pence ${k}`),
    ...codes.map((k) => `Split working: remainder ${k}`),
    ...codes.map((k) => `Split working high: whole pence ${k}`),
    ...codes.map((k) => `Split working high: remainder ${k}`),
  ];
  return {
    authorities: codes, id, post, home, joint, share, salary, fte, start, end, baseline, status, source, sourceRow,
    pay, ni, pension, levy, annualCost, days, costThisYear, part, baselineThisYear, saving, baselineAssumed, payVote,
    salaryMax, payHigh, annualCostHigh, costThisYearHigh, partHigh, baselineThisYearHigh, savingHigh,
    splitFloor, splitRemainder, splitFloorHigh, splitRemainderHigh, lastVisible,
    lastInput, last: c - 1, headers, firstDataRow: 2,
  };
}

/** The Method sheet's figures as the Posts table's formulas read them. */
const YEAR: YearRefs = { first: NAME.yearFirstDay, last: NAME.yearLastDay, days: NAME.yearDays };
const NI: NiRefs = { threshold: NAME.niThreshold, rate: NAME.niRate };

/** The formulas of one row: the only place the Posts table's calculations are put together. */
export function postFormulas(l: PostsLayout, row: number): string[] {
  const at = (column: number) => cell(column, row);
  const n = l.authorities.length;
  const span = (columns: readonly number[]) => range(columns[0], row, columns[columns.length - 1], row);
  const joint = `${at(l.joint)}="Y"`;
  const cost = at(l.costThisYear);
  const split: SplitRefs = {
    amount: cost,
    weights: l.share.map(at),
    floors: l.splitFloor.map(at),
    remainders: l.splitRemainder.map(at),
    floorsRange: span(l.splitFloor),
    remaindersRange: span(l.splitRemainder),
  };
  const costHigh = at(l.costThisYearHigh);
  const splitHigh: SplitRefs = {
    amount: costHigh,
    weights: split.weights,
    floors: l.splitFloorHigh.map(at),
    remainders: l.splitRemainderHigh.map(at),
    floorsRange: span(l.splitFloorHigh),
    remaindersRange: span(l.splitRemainderHigh),
  };
  const pensionRate = `INDEX(${NAME.pensionRates},MATCH(${at(l.home)},${NAME.codes},0))`;
  const out = new Map<number, string>();
  out.set(l.pay, `=${payFormula(at(l.salary), at(l.fte))}`);
  out.set(l.ni, `=${employerNiFormula(at(l.pay), NI)}`);
  out.set(l.pension, `=${onCostFormula(at(l.pay), pensionRate)}`);
  out.set(l.levy, `=${onCostFormula(at(l.pay), NAME.levy)}`);
  out.set(l.annualCost, `=${employmentCostFromPieces(at(l.pay), at(l.ni), at(l.pension), at(l.levy))}`);
  out.set(l.days, `=${daysCoveredFormula(at(l.start), at(l.end), YEAR)}`);
  out.set(l.costThisYear, `=${proRataDaysFormula(at(l.annualCost), at(l.days), YEAR)}`);
  // The import only accepts shares adding up to 100% (to 1e-9); a share edited away from that
  // gives #N/A in the parts, not a figure split by shares nobody agreed.
  const agreed = `ABS(${plainSum(split.weights)}-1)<=0.000000001`;
  l.authorities.forEach((code, k) => {
    out.set(l.part[k], `=IF(${joint},IF(${agreed},${splitPartFormula(split, k)},NA()),IF(${at(l.home)}="${code}",${cost},0))`);
    // Rule 6: where the row gives no baseline for a council, one taking a share is taken to have needed its own post.
    out.set(l.baselineThisYear[k], `=IF(${joint},${baselineThisYearFormula(at(l.baseline[k]), at(l.share[k]), cost, at(l.days), YEAR)},0)`);
    out.set(l.saving[k], `=IF(${joint},${savingFormula(at(l.baselineThisYear[k]), at(l.part[k]))},0)`);
    out.set(l.splitFloor[k], `=IF(${joint},${splitFloorFormula(split, k)},0)`);
    out.set(l.splitRemainder[k], `=IF(${joint},${splitRemainderFormula(split, k)},0)`);
  });
  out.set(l.baselineAssumed, `=AND(${joint},${baselineAssumedFormula(span(l.baseline), n)})`);
  // Rule 13: the same steps at the top of the range; rule 9 is judged there.
  out.set(l.payVote, `=${payVoteFormula(at(l.payHigh), NAME.payVoteThreshold)}`);
  out.set(l.payHigh, `=${payFormula(salaryHighFormula(at(l.salary), at(l.salaryMax)), at(l.fte))}`);
  const payHigh = at(l.payHigh);
  out.set(l.annualCostHigh, `=${employmentCostFromPieces(payHigh, employerNiFormula(payHigh, NI), onCostFormula(payHigh, pensionRate), onCostFormula(payHigh, NAME.levy))}`);
  out.set(l.costThisYearHigh, `=${proRataDaysFormula(at(l.annualCostHigh), at(l.days), YEAR)}`);
  l.authorities.forEach((code, k) => {
    out.set(l.partHigh[k], `=IF(${joint},IF(${agreed},${splitPartFormula(splitHigh, k)},NA()),IF(${at(l.home)}="${code}",${costHigh},0))`);
    out.set(l.baselineThisYearHigh[k], `=IF(${joint},${baselineThisYearFormula(at(l.baseline[k]), at(l.share[k]), costHigh, at(l.days), YEAR)},0)`);
    out.set(l.savingHigh[k], `=IF(${joint},${savingFormula(at(l.baselineThisYearHigh[k]), at(l.partHigh[k]))},0)`);
    out.set(l.splitFloorHigh[k], `=IF(${joint},${splitFloorFormula(splitHigh, k)},0)`);
    out.set(l.splitRemainderHigh[k], `=IF(${joint},${splitRemainderFormula(splitHigh, k)},0)`);
  });
  const formulas: string[] = [];
  for (let column = l.lastInput + 1; column <= l.last; column++) formulas.push(out.get(column)!);
  return formulas;
}

function inputRow(l: PostsLayout, p: PlannedPost): PlannedValue[] {
  const row: PlannedValue[] = new Array(l.lastInput).fill(null);
  const set = (column: number, value: PlannedValue) => (row[column - 1] = value);
  set(l.id, p.id);
  set(l.post, p.post);
  set(l.home, p.home);
  set(l.joint, p.joint ? "Y" : "N");
  l.share.forEach((column, k) => set(column, p.joint && p.shares ? p.shares[k] : null));
  set(l.salary, p.salary);
  set(l.salaryMax, p.salaryMax ?? null);
  set(l.fte, p.fte);
  set(l.start, p.start);
  set(l.end, p.end);
  l.baseline.forEach((column, k) => set(column, p.baselines ? p.baselines[k] ?? null : null));
  set(l.status, p.status);
  set(l.source, p.source ?? null);
  set(l.sourceRow, p.sourceRow);
  return row;
}

/**
 * Number formats for a post-input table: text unless the column holds shares, money, an FTE or a
 * date; `extra` sets any other column (1-based) a table adds.
 */
export function postInputFormats(l: PostInputColumns, extra: Readonly<Record<number, string>> = {}): string[] {
  const formats: string[] = new Array(l.lastInput).fill(FORMAT.TEXT);
  for (const column of l.share) formats[column - 1] = FORMAT.PERCENT;
  for (const column of l.baseline) formats[column - 1] = FORMAT.MONEY;
  formats[l.salary - 1] = FORMAT.MONEY;
  formats[l.fte - 1] = FORMAT.FRACTION;
  formats[l.start - 1] = FORMAT.DATE;
  formats[l.end - 1] = FORMAT.DATE;
  for (const [column, format] of Object.entries(extra)) formats[+column - 1] = format;
  return formats;
}

function formulaFormats(l: PostsLayout): string[] {
  const formats: string[] = [];
  for (let column = l.lastInput + 1; column <= l.last; column++) formats.push(FORMAT.MONEY);
  const set = (column: number, format: string) => (formats[column - l.lastInput - 1] = format);
  set(l.days, FORMAT.INTEGER);
  set(l.baselineAssumed, FORMAT.GENERAL);
  set(l.payVote, FORMAT.GENERAL);
  for (const column of [...l.splitFloor, ...l.splitRemainder, ...l.splitFloorHigh, ...l.splitRemainderHigh]) set(column, FORMAT.GENERAL);
  return formats;
}

/**
 * The Posts sheet: an Excel table whose input columns hold the imported values (text as text)
 * and whose cost, part, baseline and saving columns are built-in formulas (no add-in needed).
 */
export function postsSheetPlan(codes: readonly string[], posts: readonly PlannedPost[]): { sheet: SheetPlan; layout: PostsLayout } {
  const l = postsLayout(codes);
  const count = posts.length;
  const blocks: Block[] = [
    { address: "A1", rows: 1, columns: l.last, values: [l.headers], columnFormats: new Array(l.last).fill(FORMAT.TEXT), style: "header" },
  ];
  if (count > 0) {
    blocks.push({
      address: cell(1, l.firstDataRow),
      rows: count,
      columns: l.lastInput,
      values: posts.map((p) => inputRow(l, p)),
      columnFormats: postInputFormats(l, { [l.sourceRow]: FORMAT.INTEGER, [l.salaryMax]: FORMAT.MONEY }),
    });
    blocks.push({
      address: cell(l.lastInput + 1, l.firstDataRow),
      rows: count,
      columns: l.last - l.lastInput,
      formulas: posts.map((_, i) => postFormulas(l, l.firstDataRow + i)),
      columnFormats: formulaFormats(l),
    });
  }
  const widths = l.headers.map((h) => Math.max(10, Math.min(40, h.length + 2)));
  widths[l.post - 1] = 44;
  return {
    layout: l,
    sheet: {
      name: SHEET.posts,
      blocks,
      // An Excel table needs at least one data row.
      table: { name: TABLE.posts, address: range(1, 1, l.last, Math.max(2, count + 1)) },
      freezeRows: 1,
      columnWidths: widths,
      hiddenColumns: [...l.splitFloor, ...l.splitRemainder, ...l.splitFloorHigh, ...l.splitRemainderHigh],
    },
  };
}

/** A whole column of the table's data, A1 style, for the summary's formulas. */
export function postsColumn(l: PostsLayout, column: number, count: number): string {
  const last = Math.max(l.firstDataRow, l.firstDataRow + count - 1);
  return `'${SHEET.posts}'!$${columnLetter(column)}$${l.firstDataRow}:$${columnLetter(column)}$${last}`;
}
