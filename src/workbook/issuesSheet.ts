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
export function issuesSheetPlan(sourceHeaders: readonly string[], rejected: readonly RejectedRecord[]): SheetPlan {
  const headers = ["Source", "Source row", "Column", "What is wrong and what to do", ...sourceHeaders.map((h) => `File: ${h}`)];
  const width = headers.length;
  const rows = rejected.flatMap((r) =>
    r.problems.map((p) => {
      const cells = sourceHeaders.map((_, i) => r.cells[i] ?? "");
      return [r.source ?? "", String(r.row), p.column, p.message, ...cells];
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
