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

/** Most characters an Excel cell holds. */
export const EXCEL_CELL_TEXT = 32_767;

/** Most characters of a cell quoted in a message: enough to find it, short enough to read. */
export const SHOWN_LENGTH = 60;

/** A cell quoted for a message: `"N/A"`, `42`; long text cut, with its length. */
export function shown(cell: Cell): string {
  if (typeof cell !== "string") return cellText(cell);
  const text = cell.trim();
  if (text.length <= SHOWN_LENGTH) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, SHOWN_LENGTH)}…`)} (${text.length.toLocaleString("en-GB")} characters)`;
}

/** Headers listed for a message: the first few, quoted, then how many more. */
export function shownHeaders(headers: readonly Cell[], most = 20): string {
  const listed = headers.slice(0, most).map((h) => shown(cellText(h)));
  return headers.length > most ? `${listed.join(", ")} and ${(headers.length - most).toLocaleString("en-GB")} more` : listed.join(", ");
}
