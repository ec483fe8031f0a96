import { FORMAT, type Block, type PlannedValue, type SheetPlan } from "./plan";
import { NAME, SHEET, TABLE } from "./sheetNames";
import { cell, columnLetter, range } from "./a1";

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
 * values; the rest are live JW formulas over them and the partnership's named ranges.
 */
export interface PostsLayout extends PostInputColumns {
  authorities: readonly string[];
  id: number;
  status: number;
  source: number;
  sourceRow: number;
  annualCost: number;
  costThisYear: number;
  part: number[];
  baselineThisYear: number[];
  saving: number[];
  baselineAssumed: number;
  payVote: number;
  last: number;
  headers: string[];
  firstDataRow: number;
}

export function postsLayout(codes: readonly string[]): PostsLayout {
  const n = codes.length;
  let c = 1;
  const next = () => c++;
  const many = () => codes.map(() => next());
  const id = next(), post = next(), home = next(), joint = next();
  const share = many();
  const salary = next(), fte = next(), start = next(), end = next();
  const baseline = many();
  const status = next(), source = next(), sourceRow = next();
  const lastInput = c - 1;
  const annualCost = next(), costThisYear = next();
  const part = many();
  const baselineThisYear = many();
  const saving = many();
  const baselineAssumed = next(), payVote = next();
  const headers = [
    "Post ID", "Post", "Home authority", "Joint",
    ...codes.map((k) => `Share ${k}`),
    "Salary", "FTE", "Start", "End",
    ...codes.map((k) => `Baseline ${k}`),
    "Status", "Source", "Source row",
    "Annual cost", "Cost this year",
    ...codes.map((k) => `Part ${k}`),
    ...codes.map((k) => `Baseline this year ${k}`),
    ...codes.map((k) => `Saving ${k}`),
    "Baseline assumed", "Pay vote",
  ];
  void n;
  return {
    authorities: codes, id, post, home, joint, share, salary, fte, start, end, baseline, status, source, sourceRow,
    annualCost, costThisYear, part, baselineThisYear, saving, baselineAssumed, payVote,
    lastInput, last: c - 1, headers, firstDataRow: 2,
  };
}

/** The formulas of one row: the only place the Posts table's calculations are written. */
export function postFormulas(l: PostsLayout, row: number): string[] {
  const at = (column: number) => cell(column, row);
  const shares = range(l.share[0], row, l.share[l.share.length - 1], row);
  const baselines = range(l.baseline[0], row, l.baseline[l.baseline.length - 1], row);
  const baselinesThisYear = range(l.baselineThisYear[0], row, l.baselineThisYear[l.baselineThisYear.length - 1], row);
  const joint = `${at(l.joint)}="Y"`;
  const thisYear = at(l.costThisYear);
  const out: string[] = [];
  out.push(`=JW.EMPLOYMENTCOST(${at(l.salary)},${NAME.year},INDEX(${NAME.pensionRates},MATCH(${at(l.home)},${NAME.codes},0)),${at(l.fte)},${NAME.levy})`);
  out.push(`=JW.PRORATA(${at(l.annualCost)},${NAME.year},${at(l.start)},${at(l.end)})`);
  l.authorities.forEach((code, k) => {
    out.push(`=IF(${joint},JW.SPLITCOST(${thisYear},${shares},${k + 1}),IF(${at(l.home)}="${code}",${thisYear},0))`);
  });
  l.authorities.forEach((_, k) => {
    // Rule 6: where the row gives no baseline for a council, one taking a share is taken to have needed its own post.
    const given = at(l.baseline[k]);
    out.push(
      `=IF(${joint},IF(${given}="",IF(${at(l.share[k])}>0,${thisYear},0),JW.PRORATA(${given},${NAME.year},${at(l.start)},${at(l.end)})),0)`,
    );
  });
  l.authorities.forEach((_, k) => {
    out.push(`=IF(${joint},JW.JOINTSAVING(${baselinesThisYear},${thisYear},${shares},${k + 1}),0)`);
  });
  out.push(`=AND(${joint},COUNT(${baselines})<${l.authorities.length})`);
  out.push(`=JW.PAYVOTE(${at(l.salary)}*${at(l.fte)})`);
  return out;
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
  formats[l.baselineAssumed - l.lastInput - 1] = FORMAT.GENERAL;
  formats[l.payVote - l.lastInput - 1] = FORMAT.GENERAL;
  return formats;
}

/**
 * The Posts sheet: an Excel table whose input columns hold the imported values (text as text)
 * and whose cost, part, baseline and saving columns are JW formulas with `part`, since arrays
 * cannot spill inside a table.
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
      columnFormats: postInputFormats(l, { [l.sourceRow]: FORMAT.INTEGER }),
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
    },
  };
}

/** A whole column of the table's data, A1 style, for the summary's formulas. */
export function postsColumn(l: PostsLayout, column: number, count: number): string {
  const last = Math.max(l.firstDataRow, l.firstDataRow + count - 1);
  return `'${SHEET.posts}'!$${columnLetter(column)}$${l.firstDataRow}:$${columnLetter(column)}$${last}`;
}
