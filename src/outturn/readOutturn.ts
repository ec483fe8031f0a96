import { invalid } from "../core/errors";
import { toPence, toPounds } from "../core/money";
import { postKey } from "../core/trueUp";
import { type Cell, type Grid, EXCEL_CELL_TEXT, cellText, isBlank, isBlankRow, shown, shownHeaders } from "../postlist/cells";
import { FIELD_HEADERS } from "../postlist/columnMapping";
import { normaliseHeader } from "../postlist/headerText";
import { moneyFromCell } from "../postlist/values";
import type { Problem } from "../postlist/post";

/**
 * The year-end outturn as finance exports it from the ledger: one row per post, `Post ID, Actual
 * cost` and optional `Notes`, from a CSV, an .xlsx sheet, the selected range or pasted text (the
 * same grids as a post list). Headers are matched as the post list's are (case, spaces and
 * punctuation ignored). Every row is accepted or rejected with its row and column; nothing is
 * dropped, and nothing here writes anything.
 */

export type OutturnField = "postId" | "actual" | "notes";

export type OutturnMapping = Partial<Record<OutturnField, number>>;

export const OUTTURN_LABELS: Readonly<Record<OutturnField, string>> = { postId: "Post ID", actual: "Actual cost", notes: "Notes" };

export const OUTTURN_HEADERS: Readonly<Record<OutturnField, readonly string[]>> = {
  postId: FIELD_HEADERS.postId,
  actual: ["actualcost", "actual", "actuals", "outturn", "outturncost", "actualemploymentcost", "actualcostthisyear", "actualspend", "yearendcost", "ledgercost", "actualcostgbp", "actualcostpounds"],
  notes: ["notes", "note", "comment", "comments", "remarks"],
};

export interface Outturn {
  source?: string;
  /** Spreadsheet row number of its record (header row = 1 for a file). */
  row: number;
  /** Post ID, trimmed. */
  postId: string;
  /** The actual cost for the year in pounds, to the penny. */
  actual: number;
  /** Notes exactly as written (text, never evaluated), or null. */
  notes: string | null;
}

export interface OutturnImport {
  outturns: Outturn[];
  /** Every problem of every rejected row, by row and column. */
  rejected: Problem[];
  headers: string[];
  headerRowNumber: number;
  mapping: OutturnMapping;
}

export interface OutturnInput {
  grid: Grid;
  mapping?: OutturnMapping;
  /** 0-based header row; default: found among the top rows. */
  headerRow?: number;
  /** Spreadsheet row number of grid[0] (default 1). */
  firstRowNumber?: number;
  source?: string;
}

/** Recognises the headers of an outturn list: the first column matching each field. */
export function proposeOutturnMapping(headers: readonly Cell[]): OutturnMapping {
  const mapping: OutturnMapping = {};
  headers.forEach((h, c) => {
    const k = normaliseHeader(h);
    for (const field of ["postId", "actual", "notes"] as const) {
      if (mapping[field] === undefined && OUTTURN_HEADERS[field].includes(k)) mapping[field] = c;
    }
  });
  return mapping;
}

const SEARCH_ROWS = 30;

function findHeaderRow(grid: Grid): number {
  let first = -1;
  for (let r = 0; r < grid.length && r < SEARCH_ROWS; r++) {
    if (isBlankRow(grid[r])) continue;
    if (first < 0) first = r;
    const m = proposeOutturnMapping(grid[r]);
    if (m.postId !== undefined && m.actual !== undefined) return r;
  }
  return first < 0 ? grid.length : first;
}

/** Reads and checks an outturn list. Throws a RuleError when it has no header row or lacks a required column. */
export function readOutturn(input: OutturnInput): OutturnImport {
  const { grid, source } = input;
  const where = source ? ` (${source})` : "";
  const h = input.headerRow ?? findHeaderRow(grid);
  if (h >= grid.length) throw invalid(`The outturn${where} is empty: it needs a header row (Post ID, Actual cost, and Notes if you like) and one row per post.`);
  const firstRowNumber = input.firstRowNumber ?? 1;
  const headers = grid[h].map((c) => cellText(c).trim());
  const mapping = input.mapping ?? proposeOutturnMapping(grid[h]);
  const missing = (["postId", "actual"] as const).filter((f) => mapping[f] === undefined || mapping[f]! < 0 || mapping[f]! >= headers.length);
  if (missing.length > 0) {
    throw invalid(
      `The outturn${where} cannot be read: no column for ${missing.map((f) => OUTTURN_LABELS[f]).join(" or ")}. Its headers are ${shownHeaders(headers)}; name the columns Post ID and Actual cost (and Notes, optional).`,
    );
  }
  const result: OutturnImport = { outturns: [], rejected: [], headers, headerRowNumber: firstRowNumber + h, mapping };
  const label = (field: OutturnField) => headers[mapping[field]!] || OUTTURN_LABELS[field];
  const seen = new Map<string, number[]>();
  const accepted: (Outturn | null)[] = [];
  // The spreadsheet row and Post ID of each non-blank record, in order, for the duplicate check.
  const rowNumbers: number[] = [];
  const ids: string[] = [];

  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const rowNumber = firstRowNumber + r;
    const problems: Problem[] = [];
    const add = (field: OutturnField, message: string) =>
      problems.push({ ...(source !== undefined ? { source } : {}), row: rowNumber, column: label(field), columnIndex: mapping[field] ?? null, message });
    const cellOf = (field: OutturnField): Cell => (mapping[field] === undefined ? null : (row[mapping[field]!] ?? null));

    const idCell = cellOf("postId");
    const postId = isBlank(idCell) ? "" : cellText(idCell).trim();
    if (postId === "") add("postId", `${label("postId")} is blank: give the Post ID of the post this actual cost is for, as in the post list.`);
    else if (postId.length > EXCEL_CELL_TEXT) add("postId", `${label("postId")} is ${postId.length.toLocaleString("en-GB")} characters long: a Post ID is a short reference.`);

    const amountCell = cellOf("actual");
    let actual = 0;
    if (isBlank(amountCell)) add("actual", `${label("actual")} is blank: give the post's actual employment cost for the year (for example 104500 or £104,500), or leave the row out.`);
    else {
      const value = typeof amountCell === "boolean" || amountCell instanceof Date ? null : moneyFromCell(amountCell);
      if (value === null) add("actual", `${label("actual")} ${shown(amountCell)} is not an amount: write the actual cost as a number, for example 104500 or £104,500.`);
      else if (value < 0) add("actual", `${label("actual")} is ${value}: an actual cost cannot be negative. Give the year's total cost of the post (0 if nothing was spent).`);
      else if (Math.abs(value) >= 1e13) add("actual", `${label("actual")} is ${value}: far beyond any post's cost; check the figure.`);
      else actual = toPounds(toPence(value));
    }
    const notesCell = cellOf("notes");
    const notes = isBlank(notesCell) ? null : cellText(notesCell);
    if (notes !== null && notes.length > EXCEL_CELL_TEXT) add("notes", `${label("notes")} is ${notes.length.toLocaleString("en-GB")} characters long: an Excel cell holds at most ${EXCEL_CELL_TEXT.toLocaleString("en-GB")}.`);

    if (postId !== "") {
      const k = postKey(postId);
      const rows = seen.get(k) ?? [];
      rows.push(accepted.length);
      seen.set(k, rows);
    }
    if (problems.length > 0) {
      result.rejected.push(...problems);
      accepted.push(null);
    } else accepted.push({ ...(source !== undefined ? { source } : {}), row: rowNumber, postId, actual, notes });
    rowNumbers.push(rowNumber);
    ids.push(postId);
  }

  // A Post ID given twice: neither figure is used (which one is right is the ledger's call, not ours).
  for (const indexes of seen.values()) {
    if (indexes.length < 2) continue;
    const numbers = indexes.map((i) => rowNumbers[i]);
    for (const i of indexes) {
      const others = numbers.filter((n) => n !== rowNumbers[i]);
      const id = ids[i];
      result.rejected.push({
        ...(source !== undefined ? { source } : {}),
        row: rowNumbers[i],
        column: label("postId"),
        columnIndex: mapping.postId ?? null,
        message: `${label("postId")} ${shown(id)} is also on row${others.length === 1 ? "" : "s"} ${others.join(", ")}: give each post one actual cost for the year (add the amounts up on one row); neither row is used until then.`,
      });
      accepted[i] = null;
    }
  }
  result.rejected.sort((a, b) => a.row - b.row || (a.columnIndex ?? Infinity) - (b.columnIndex ?? Infinity));
  result.outturns = accepted.filter((o): o is Outturn => o !== null);
  return result;
}
