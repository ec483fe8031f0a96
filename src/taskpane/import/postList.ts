import { invalid } from "../../core/errors";
import {
  type Authority,
  type Cell,
  type ColumnMapping,
  type Grid,
  type Partnership,
  type PostListImport,
  MAX_TEXT_LENGTH,
  MAX_WORKBOOK_BYTES,
  cellText,
  decodeText,
  findHeaderRow,
  importPostList,
  isBlankRow,
  looksLikeZip,
  readDelimitedText,
  readWorkbook,
} from "../../postlist/index";
import { type ImportPlanInput, type KeepingPlan, type WorkbookKeeps, NOTHING_KEPT, importPlanKeeping, plannedPost, rejectedRecords } from "../../workbook/index";

/**
 * The task pane's import steps over the pure pipeline: a source read into a list, checked into a
 * preview, planned into writes. Nothing here touches the workbook.
 */

export interface LoadedList {
  grid: Grid;
  /** Spreadsheet row number of grid[0]. */
  firstRowNumber: number;
  /** File name, "file.xlsx, sheet Posts", "Sheet1!A1:K12" or "Pasted text". */
  source: string;
}

/** Where a list's header is, which depends on the partnership (its codes and names can be headers). */
export interface ListShape {
  /** 0-based index of the header row in the grid. */
  headerRow: number;
  headers: Cell[];
  /** Non-blank rows under the header. */
  records: number;
}

export interface LoadedWorkbook {
  fileName: string;
  bytes: Uint8Array;
  sheets: string[];
}

export function listFromGrid(grid: Grid, firstRowNumber: number, source: string): LoadedList {
  if (grid.every((row) => isBlankRow(row))) {
    throw invalid(`${source} is empty: a post list needs a header row (Post, Home authority, Joint, Salary …) and one row per post.`);
  }
  return { grid, firstRowNumber, source };
}

/** The header row (below any title rows, as the import finds it) and the rows under it. */
export function listShape(list: LoadedList, authorities: readonly Authority[]): ListShape {
  const headerRow = findHeaderRow(list.grid, authorities);
  let records = 0;
  for (let r = headerRow + 1; r < list.grid.length; r++) if (!isBlankRow(list.grid[r])) records++;
  return { headerRow, headers: [...(list.grid[headerRow] ?? [])], records };
}

export function workbookSource(fileName: string, sheet: string): string {
  return `${fileName}, sheet ${sheet}`;
}

/** A chosen file: delimited text becomes a list; an .xlsx workbook gives its sheets (its first sheet read). */
export interface ChosenFile {
  /** Null when the workbook's first sheet is empty: the user picks another. */
  list: LoadedList | null;
  workbook: LoadedWorkbook | null;
  sheet: string | null;
  /** Why there is no list yet (an empty first sheet). */
  note?: string;
}

export async function readChosenFile(file: File): Promise<ChosenFile> {
  if (file.size === 0) throw invalid(`${file.name} is empty (0 bytes): choose the post list file again.`);
  if (file.size > Math.max(MAX_TEXT_LENGTH, MAX_WORKBOOK_BYTES)) {
    throw invalid(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB: far larger than a post list. Save just the post list as CSV and import that.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeZip(bytes) || /\.xlsx$/i.test(file.name)) {
    const first = await readWorkbook(bytes);
    const workbook = { fileName: file.name, bytes, sheets: first.sheets };
    if (first.grid.every((row) => isBlankRow(row))) {
      const others = first.sheets.length > 1 ? "choose the sheet that holds the post list." : "it has no other sheet: check you chose the right file.";
      return { list: null, workbook, sheet: first.name, note: `Sheet "${first.name}" of ${file.name} is empty: ${others}` };
    }
    return { list: listFromGrid(first.grid, 1, workbookSource(file.name, first.name)), workbook, sheet: first.name };
  }
  if (/\.xls$/i.test(file.name)) throw invalid(`${file.name} is an old Excel 97–2003 workbook: open it in Excel and save it as .xlsx or CSV, then import that.`);
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw invalid(`${file.name} is not a text file (it holds binary data): save the post list from Excel as CSV (UTF-8) and import that.`);
  return { list: listFromGrid(readDelimitedText(text), 1, file.name), workbook: null, sheet: null };
}

export async function readWorkbookSheet(workbook: LoadedWorkbook, sheet: string): Promise<LoadedList> {
  const read = await readWorkbook(workbook.bytes, sheet);
  return listFromGrid(read.grid, 1, workbookSource(workbook.fileName, read.name));
}

export function readPastedText(text: string): LoadedList {
  if (text.trim() === "") throw invalid("Nothing is pasted: copy the post list (with its header row) from a spreadsheet and paste it in the box.");
  return listFromGrid(readDelimitedText(text), 1, "Pasted text");
}

export interface Preview {
  result: PostListImport;
  /** Rows rejected (a row may have several problems). */
  rejectedRows: number;
}

/** Checks and costs the list with the mapping: the preview shown before anything is written. */
export function previewList(list: LoadedList, shape: ListShape, mapping: ColumnMapping, partnership: Partnership): Preview {
  const result = importPostList(list.grid, partnership, { mapping, source: list.source, firstRowNumber: list.firstRowNumber, headerRow: shape.headerRow });
  const rows = new Set(result.validation.rejected.map((p) => p.row));
  return { result, rejectedRows: rows.size };
}

/** Everything the import writes: Posts table, Summary, issues sheet, and the partnership when asked. */
/** What the import writes, as the pure plan's input. */
export function importInput(list: LoadedList, shape: ListShape, preview: Preview, partnership: Partnership, includePartnership: boolean): ImportPlanInput {
  const { validation } = preview.result;
  const grids = new Map([[list.source, { grid: list.grid, firstRowNumber: list.firstRowNumber }]]);
  return {
    partnership,
    posts: validation.posts.map(plannedPost),
    rejected: rejectedRecords(validation.rejected, grids),
    sourceHeaders: validation.lists[0]?.headers ?? shape.headers.map((h) => cellText(h).trim()),
    includePartnership,
    // Rule 14: the projection the partnership form asks for is written with the import.
    ...(partnership.projection ? { projection: partnership.projection } : {}),
  };
}

/** The import's writes, keeping what the workbook already holds beside the posts (NOTHING_KEPT: a first import). */
export function planImport(input: ImportPlanInput, keeps: WorkbookKeeps = NOTHING_KEPT): KeepingPlan {
  return importPlanKeeping(input, keeps);
}
