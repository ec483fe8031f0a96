/** A1 cells and ranges as the plan gives them, turned into what the file's parts need. */
import { columnLetter, quoteSheet } from "../../workbook/a1";

export interface CellPosition {
  /** 1-based. */
  column: number;
  /** 1-based. */
  row: number;
}

export interface CellRange {
  from: CellPosition;
  to: CellPosition;
}

/** Excel's grid: a reference past it is a plan bug that would corrupt the file. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

export function parseCell(a1: string): CellPosition {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 cell: ${a1}`);
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = +m[2];
  if (column > MAX_COLUMN || row < 1 || row > MAX_ROW) throw new Error(`outside the sheet: ${a1}`);
  return { column, row };
}

/** "B2:D9" or a single cell "B2", with its corners in order. */
export function parseRange(a1: string): CellRange {
  const [a, b = a, ...rest] = a1.split(":");
  if (rest.length) throw new Error(`not an A1 range: ${a1}`);
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    from: { column: Math.min(p.column, q.column), row: Math.min(p.row, q.row) },
    to: { column: Math.max(p.column, q.column), row: Math.max(p.row, q.row) },
  };
}

export function rangeA1({ from, to }: CellRange): string {
  const a = `${columnLetter(from.column)}${from.row}`;
  const b = `${columnLetter(to.column)}${to.row}`;
  return a === b ? a : `${a}:${b}`;
}

/** 'Sheet'!$A$1:$B$2, as a chart's series formulas hold their data. */
export function absoluteRangeOnSheet(sheet: string, range: CellRange): string {
  const abs = (p: CellPosition) => `$${columnLetter(p.column)}$${p.row}`;
  const a = abs(range.from);
  const b = abs(range.to);
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}
