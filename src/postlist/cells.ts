/**
 * The grid every post list arrives as, whatever its source (a CSV file, an .xlsx sheet, the
 * selected range, pasted text): rows of cells. Text stays text: nothing here evaluates it.
 *
 * A `Date` cell is read by its UTC calendar date (as exceljs gives date cells); a number in a
 * date column is an Excel serial (as a selected range gives dates).
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = readonly (readonly Cell[])[];

/** A blank cell: null, undefined, or text of nothing but white space. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** A cell as text, for headers, titles and messages (a date as yyyy-mm-dd). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell);
}

/** A cell quoted for a message: `"N/A"`, `42`. */
export function shown(cell: Cell): string {
  return typeof cell === "string" ? JSON.stringify(cell.trim()) : cellText(cell);
}
