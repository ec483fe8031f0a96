import type { Cell } from "../postlist/cells";

/**
 * A worksheet as the template reader sees it, whatever it came from (an .xlsx file read with
 * exceljs, or the open workbook through Office.js): each cell's value, and whether the cell holds
 * a formula, a link or an error instead of a value. Rows and columns are 1-based.
 */
export interface RawCell {
  value: Cell;
  /** The cell's formula, when it has one (a value typed by the user has none). */
  formula?: string;
  /** A hyperlink's target, when the cell is a link. */
  link?: string;
  /** An error value such as #N/A. */
  error?: string;
}

export interface SheetCells {
  name: string;
  /** Last row and column holding anything (0 for an empty sheet). */
  lastRow: number;
  lastColumn: number;
  cell(row: number, column: number): RawCell;
}

const EMPTY: RawCell = { value: null };

/**
 * A sheet from the rectangle of values and formulas Office.js returns for a range starting at
 * A1: values as Excel gives them ("" for an empty cell, dates as serials), formulas as text
 * ("=…" for a formula, else the value again), value types ("Error" for #N/A and the like).
 */
export function sheetFromOffice(
  name: string,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[],
  valueTypes?: readonly (readonly string[])[],
  extent?: { lastRow: number; lastColumn: number },
): SheetCells {
  const lastRow = extent?.lastRow ?? values.length;
  const lastColumn = extent?.lastColumn ?? values.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    name,
    lastRow,
    lastColumn,
    cell(row, column) {
      const v = values[row - 1]?.[column - 1];
      if (v === undefined) return EMPTY;
      const f = formulas[row - 1]?.[column - 1];
      const type = valueTypes?.[row - 1]?.[column - 1];
      const value: Cell = v === "" ? null : (v as Cell);
      if (typeof f === "string" && f.startsWith("=")) return { value, formula: f };
      if (type === "Error") return { value: null, error: String(v) };
      return { value };
    },
  };
}

/** A sheet from plain rows of cells (tests, and grids already read). */
export function sheetFromRows(name: string, rows: readonly (readonly (Cell | RawCell)[])[]): SheetCells {
  const lastRow = rows.length;
  const lastColumn = rows.reduce((m, r) => Math.max(m, r.length), 0);
  return {
    name,
    lastRow,
    lastColumn,
    cell(row, column) {
      const v = rows[row - 1]?.[column - 1];
      if (v === undefined || v === null) return EMPTY;
      if (typeof v === "object" && !(v instanceof Date)) return v;
      return { value: v };
    },
  };
}
