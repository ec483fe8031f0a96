import { FORMAT, type Block, type SheetPlan } from "./plan";
import { SHEET, TABLE } from "./sheetNames";
import { cell, range } from "./a1";

export interface RejectedRecord {
  /** Row in the source (header = 1). */
  row: number;
  problems: readonly { column: string; message: string }[];
  /** The record's cells as they were in the file, shown as text. */
  cells: readonly string[];
  source?: string | null;
}

/**
 * The issues sheet: every rejected row with its reasons and its original cells, as text, so
 * nothing is silently dropped and the row can be fixed and imported again.
 */
/** Most characters an Excel cell holds, and a table's column name. */
const CELL_TEXT = 32_767;
const HEADER_TEXT = 255;

/** Text cut to fit a cell, saying so (a rejected row may be rejected for a cell that is too long). */
function fit(text: string, most: number): string {
  if (text.length <= most) return text;
  const note = ` … (cut: ${text.length.toLocaleString("en-GB")} characters)`;
  return text.slice(0, most - note.length) + note;
}

export function issuesSheetPlan(sourceHeaders: readonly string[], rejected: readonly RejectedRecord[]): SheetPlan {
  const headers = ["Source", "Source row", "Column", "What is wrong and what to do", ...sourceHeaders.map((h) => fit(`File: ${h}`, HEADER_TEXT))];
  const width = headers.length;
  const rows = rejected.flatMap((r) =>
    r.problems.map((p) => {
      const cells = sourceHeaders.map((_, i) => fit(r.cells[i] ?? "", CELL_TEXT));
      return [r.source ?? "", String(r.row), fit(p.column, CELL_TEXT), fit(p.message, CELL_TEXT), ...cells];
    }),
  );
  const blocks: Block[] = [
    { address: "A1", rows: 1, columns: width, values: [headers], columnFormats: new Array(width).fill(FORMAT.TEXT), style: "header" },
  ];
  if (rows.length > 0) {
    blocks.push({ address: cell(1, 2), rows: rows.length, columns: width, values: rows, columnFormats: new Array(width).fill(FORMAT.TEXT) });
  }
  return {
    name: SHEET.issues,
    blocks,
    table: { name: TABLE.issues, address: range(1, 1, width, Math.max(2, rows.length + 1)) },
    freezeRows: 1,
    columnWidths: [16, 10, 20, 70, ...sourceHeaders.map(() => 18)],
  };
}
