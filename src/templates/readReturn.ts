import { RuleError } from "../core/errors";
import type { Cell } from "../postlist/cells";
import { MAX_UNPACKED_BYTES, MAX_WORKBOOK_BYTES, declaredUnpackedBytes, looksLikeZip } from "../postlist/workbook";
import { loadExcelJs, type ExcelJsModule } from "./excelJs";
import { readTemplate, type TemplateReading } from "./readTemplate";
import type { RawCell, SheetCells } from "./sheetCells";
import { planFormula } from "./xlsxWriter";

/**
 * A returned template file (.xlsx bytes) read for its input values only. The same guards as the
 * post-list import (size, zip bomb) run before exceljs sees the bytes; nothing in the file is
 * evaluated, macros are never run (exceljs does not load them), links are not followed, and a
 * formula where a value belongs is reported, never used.
 */

/** Most rows or columns of a sheet looked at: a template is a few dozen rows. */
export const MAX_SHEET_ROWS = 100_000;
export const MAX_SHEET_COLUMNS = 1_000;

export interface ReturnFile {
  file: string;
  /** Why the whole file is refused (not a zip, too large, unreadable, no template sheet). */
  error?: string;
  /** Each template sheet found (readings of sheets that are not templates are left out). */
  templates: TemplateReading[];
  /** The file carries a macro project (never run; noted in the report). */
  hasMacros: boolean;
}

/** The names of the parts in a zip's central directory (for spotting a macro project). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const u32 = (at: number) => (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(at) !== 0x06054b50) continue;
    const entries = u16(at + 10);
    let p = u32(at + 16);
    const names: string[] = [];
    for (let i = 0; i < entries && p + 46 <= bytes.length && u32(p) === 0x02014b50; i++) {
      const length = u16(p + 28);
      names.push(new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + length)));
      p += 46 + length + u16(p + 30) + u16(p + 32);
    }
    return names;
  }
  return [];
}

/** Why bytes cannot be a template file, or null. */
export function fileProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "The file is empty (0 bytes): ask for it to be saved and sent again.";
  if (!looksLikeZip(bytes)) return "This is not an .xlsx workbook (an .xlsx file is a zip archive): ask for the template to be saved as \"Excel Workbook (*.xlsx)\" and sent again.";
  if (bytes.length > MAX_WORKBOOK_BYTES) return `The file is ${(bytes.length / 1048576).toFixed(1)} MB: a filled-in template is far smaller (under ${MAX_WORKBOOK_BYTES / 1048576} MB). Ask for the template alone to be sent.`;
  const unpacked = declaredUnpackedBytes(bytes);
  if (!Number.isFinite(unpacked)) return "The file's zip directory cannot be read: it is damaged or not an .xlsx workbook. Ask for it to be saved from Excel and sent again.";
  if (unpacked > MAX_UNPACKED_BYTES) return `The file unpacks to ${(unpacked / 1048576).toFixed(0)} MB: far more than a template. Ask for the template alone to be sent.`;
  return null;
}

/* The slice of exceljs read here. */
interface XCell {
  value: unknown;
  type?: number;
}
interface XRow {
  cellCount: number;
  getCell(column: number): XCell;
}
interface XSheet {
  name: string;
  rowCount: number;
  columnCount: number;
  getRow(row: number): XRow;
  eachRow(options: { includeEmpty: boolean }, fn: (row: XRow, rowNumber: number) => void): void;
}

function rawFromExcelJs(value: unknown): RawCell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { value };
  if (value instanceof Date) return { value };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.formula === "string") return { value: null, formula: planFormula(v.formula) };
    if ("sharedFormula" in v || "formula" in v) return { value: null, formula: "=(shared formula)" };
    if (Array.isArray(v.richText)) return { value: v.richText.map((r: { text?: unknown }) => String(r?.text ?? "")).join("") };
    if ("hyperlink" in v) return { value: null, link: String(v.hyperlink) };
    if (typeof v.error === "string") return { value: null, error: v.error };
    if ("text" in v) return { value: String(v.text) };
  }
  return { value: String(value) as Cell };
}

/** A worksheet read by exceljs as SheetCells, with its real extent (cells holding anything). */
export function sheetFromExcelJs(ws: XSheet): SheetCells {
  let lastRow = 0;
  let lastColumn = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let last = 0;
    for (let c = Math.min(row.cellCount, MAX_SHEET_COLUMNS + 1); c >= 1; c--) {
      const v = row.getCell(c).value;
      if (v !== null && v !== undefined && v !== "") {
        last = c;
        break;
      }
    }
    if (row.cellCount > MAX_SHEET_COLUMNS) last = Math.max(last, row.cellCount);
    if (last > 0) {
      lastRow = rowNumber;
      lastColumn = Math.max(lastColumn, last);
    }
  });
  return {
    name: ws.name,
    lastRow,
    lastColumn,
    cell: (row, column) => rawFromExcelJs(ws.getRow(row).getCell(column).value),
  };
}

/** Reads a returned file: every template sheet in it, or why the file cannot be used. */
export async function readReturnFile(file: string, data: ArrayBuffer | Uint8Array, excelJs?: ExcelJsModule): Promise<ReturnFile> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const problem = fileProblem(bytes);
  if (problem) return { file, error: problem, templates: [], hasMacros: false };
  const hasMacros = zipEntryNames(bytes).some((n) => /vbaProject\.bin$/i.test(n));
  const ExcelJS = excelJs ?? (await loadExcelJs());
  const wb = new ExcelJS.Workbook() as unknown as { worksheets: XSheet[]; xlsx: { load(data: ArrayBuffer): Promise<unknown> } };
  try {
    const exact = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    await wb.xlsx.load(exact as ArrayBuffer);
  } catch (e) {
    return { file, error: `The workbook cannot be read (${e instanceof Error ? e.message : String(e)}): ask for it to be opened and saved again in Excel.`, templates: [], hasMacros };
  }
  const templates: TemplateReading[] = [];
  try {
    for (const ws of wb.worksheets) {
      const reading = readTemplate(sheetFromExcelJs(ws));
      if (reading.kind !== "notTemplate") templates.push(reading);
    }
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return { file, error: e.message, templates: [], hasMacros };
  }
  if (templates.length === 0) {
    const names = wb.worksheets.map((s) => `"${s.name}"`).join(", ");
    return { file, error: `This is not a costing template: none of its sheets (${names || "none"}) carries the template marker. Ask the budget holder to fill in the template they were sent.`, templates, hasMacros };
  }
  return { file, templates, hasMacros };
}
