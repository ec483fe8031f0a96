import { invalid } from "../core/errors";
import type { Cell, Grid } from "./cells";

/**
 * .xlsx workbooks read into a grid (one sheet, chosen by name, the first by default). grid[0] is
 * the sheet's row 1, so a grid index + 1 is the row number the user sees in Excel. Works on bytes
 * (ArrayBuffer or Uint8Array), so the task pane can use it on a file the user picked.
 */

/** Largest .xlsx accepted (bytes). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/** Largest total the workbook's parts may unpack to (bytes): guards against zip bombs. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Most rows and columns read from a sheet: a post list is a few hundred rows. */
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 1_000;

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** True when the bytes start as a zip archive does (an .xlsx is one). */
export function looksLikeZip(data: ArrayBuffer | Uint8Array): boolean {
  const b = asBytes(data);
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/**
 * Sum of the unpacked sizes the zip's central directory declares, or Infinity when it cannot be
 * read or uses zip64 (no post list needs 4 GB parts).
 */
export function declaredUnpackedBytes(data: ArrayBuffer | Uint8Array): number {
  const b = asBytes(data);
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= lowest; at--) {
    if (u32(b, at) !== 0x06054b50) continue;
    const entries = u16(b, at + 10);
    let p = u32(b, at + 16);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return Infinity;
      const size = u32(b, p + 24);
      if (size === 0xffffffff) return Infinity;
      total += size;
      p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
    }
    return total;
  }
  return Infinity;
}

function checkWorkbookBytes(b: Uint8Array): void {
  if (b.length === 0) throw invalid("The workbook is empty (0 bytes): choose the .xlsx file again.");
  if (!looksLikeZip(b)) {
    throw invalid("This is not an .xlsx workbook (an .xlsx file is a zip archive): save it from Excel as \"Excel Workbook (*.xlsx)\", or as CSV, and import that. Older .xls files are not read.");
  }
  if (b.length > MAX_WORKBOOK_BYTES) {
    throw invalid(`The workbook is ${(b.length / 1048576).toFixed(1)} MB: a post list is expected to be under ${MAX_WORKBOOK_BYTES / 1048576} MB. Copy the post list to a new workbook, or save it as CSV.`);
  }
  const unpacked = declaredUnpackedBytes(b);
  if (!Number.isFinite(unpacked)) throw invalid("The workbook's zip directory cannot be read: the file is damaged or not an .xlsx workbook. Open and save it again in Excel.");
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw invalid(`The workbook unpacks to ${(unpacked / 1048576).toFixed(0)} MB: far more than a post list. Copy the post list to a new workbook, or save it as CSV.`);
  }
}

/** A part of a zip archive as its central directory describes it. */
interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

function zipParts(b: Uint8Array): ZipPart[] | null {
  const lowest = Math.max(0, b.length - 22 - 0xffff);
  for (let at = b.length - 22; at >= lowest; at--) {
    if (u32(b, at) !== 0x06054b50) continue;
    const parts: ZipPart[] = [];
    let p = u32(b, at + 16);
    for (let i = 0, entries = u16(b, at + 10); i < entries; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) return null;
      const nameLength = u16(b, p + 28);
      parts.push({
        name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLength)),
        method: u16(b, p + 10),
        compressedSize: u32(b, p + 20),
        declaredSize: u32(b, p + 24),
        localHeader: u32(b, p + 42),
      });
      p += 46 + nameLength + u16(b, p + 30) + u16(b, p + 32);
    }
    return parts;
  }
  return null;
}

/**
 * Inflates each deflated part, counting and discarding its bytes, and stops at the first that
 * unpacks to more than its directory declares: a crafted file can declare a few bytes and unpack
 * to gigabytes, which the .xlsx reader would otherwise hold in memory before noticing. Skipped
 * where the browser has no DecompressionStream (the reader then refuses the file after unpacking).
 */
async function checkUnpackedSizes(b: Uint8Array): Promise<void> {
  if (typeof DecompressionStream === "undefined") return;
  for (const part of zipParts(b) ?? []) {
    if (part.method !== 8) continue;
    const h = part.localHeader;
    if (h + 30 > b.length || u32(b, h) !== 0x04034b50) continue; // the reader reports a damaged file
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
    const data = b.subarray(start, Math.min(b.length, start + part.compressedSize));
    const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
        if (total > part.declaredSize) break;
      }
    } catch {
      continue; // damaged data: the reader says so
    }
    if (total > part.declaredSize) {
      await reader.cancel().catch(() => undefined);
      throw invalid(`The workbook's part ${part.name} unpacks to more than the ${part.declaredSize.toLocaleString("en-GB")} bytes its zip directory declares: the file is damaged or made to exhaust memory, and is not read. Open and save it again in Excel, or save the sheet as CSV.`);
    }
  }
}

/* exceljs cell values are plain values or small objects (formulas, rich text, hyperlinks, errors). */
type ExcelValue = unknown;

function plainCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) return plainCell(v.result ?? null);
    if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => String(r?.text ?? "")).join("");
    if ("hyperlink" in v || "text" in v) return plainCell(v.text as ExcelValue);
    if (typeof v.error === "string") return v.error;
  }
  return String(value);
}

interface ExcelJsCell { value: unknown }
interface ExcelJsRow { cellCount: number; getCell(col: number): ExcelJsCell }
interface ExcelJsWorksheet {
  name: string;
  eachRow(options: { includeEmpty: boolean }, callback: (row: ExcelJsRow, rowNumber: number) => void): void;
}
interface ExcelJsWorkbook {
  worksheets: ExcelJsWorksheet[];
  xlsx: { load(data: ArrayBuffer | Uint8Array): Promise<unknown> };
}

async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
  const b = asBytes(data);
  checkWorkbookBytes(b);
  await checkUnpackedSizes(b);
  // Loaded on demand: the task pane only pays for exceljs when a workbook is imported.
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: unknown; Workbook?: unknown };
  const ExcelJS = (mod.default ?? mod) as { Workbook: new () => ExcelJsWorkbook };
  const workbook = new ExcelJS.Workbook();
  try {
    // An exact ArrayBuffer of the bytes (a Node Buffer may be a view into a larger pool).
    const exact = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.slice().buffer;
    await workbook.xlsx.load(exact as ArrayBuffer);
  } catch (e) {
    throw invalid(`The workbook cannot be read (${e instanceof Error ? e.message : String(e)}): open and save it again in Excel, or save the sheet as CSV.`);
  }
  return workbook;
}

export interface WorkbookSheet {
  /** The sheet read. */
  name: string;
  /** All the workbook's sheet names, in tab order (for a sheet picker). */
  sheets: string[];
  /** grid[0] is the sheet's row 1. */
  grid: Grid;
}

function sheetGrid(sheet: ExcelJsWorksheet): Grid {
  const grid: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) {
      throw invalid(`Sheet "${sheet.name}" has data in row ${rowNumber}: a post list is read from at most ${MAX_ROWS.toLocaleString("en-GB")} rows. Clear the cells below the list.`);
    }
    if (row.cellCount > MAX_COLUMNS) {
      throw invalid(`Sheet "${sheet.name}" has data in column ${row.cellCount} of row ${rowNumber}: at most ${MAX_COLUMNS} columns are read. Clear the cells to the right of the list.`);
    }
    const cells: Cell[] = new Array(row.cellCount);
    for (let c = 1; c <= row.cellCount; c++) cells[c - 1] = plainCell(row.getCell(c).value);
    while (grid.length < rowNumber - 1) grid.push([]);
    grid[rowNumber - 1] = cells;
  });
  return grid;
}

/** The names of a workbook's worksheets, in tab order. */
export async function workbookSheetNames(data: ArrayBuffer | Uint8Array): Promise<string[]> {
  return (await loadWorkbook(data)).worksheets.map((s) => s.name);
}

/**
 * Reads one sheet of an .xlsx workbook: `sheetName` (case and surrounding spaces ignored), or the
 * first sheet. Formula cells give their saved result; text stays text.
 */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, sheetName?: string): Promise<WorkbookSheet> {
  const workbook = await loadWorkbook(data);
  const sheets = workbook.worksheets.map((s) => s.name);
  if (sheets.length === 0) throw invalid("The workbook has no worksheets: choose the .xlsx file that holds the post list, or save the list as CSV and import that.");
  let sheet = workbook.worksheets[0];
  if (sheetName !== undefined && sheetName.trim() !== "") {
    const wanted = sheetName.trim().toLowerCase();
    const found = workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!found) throw invalid(`The workbook has no sheet "${sheetName}": its sheets are ${sheets.map((s) => `"${s}"`).join(", ")}.`);
    sheet = found;
  }
  return { name: sheet.name, sheets, grid: sheetGrid(sheet) };
}
