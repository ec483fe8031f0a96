/**
 * Test helpers for budget-holder templates: fill a template file the way a budget holder would
 * (typing values into its input cells, through exceljs), tamper with it, and load a template
 * file's formulas into HyperFormula to read the figures Excel would show.
 */
import ExcelJS from "exceljs";
import { dateFromSerial } from "../../src/core/dates";
import { planFormula } from "../../src/templates/xlsxWriter";
import { buildWorkbook, type HyperFormula } from "./jwHyperFormula";

export type Typed = string | number | boolean | Date | null | { formula: string } | { text: string; hyperlink: string };

/** A date as exceljs writes a date cell (UTC midnight). */
export function date(serial: number): Date {
  const { year, month, day } = dateFromSerial(serial);
  return new Date(Date.UTC(year, month - 1, day));
}

export async function loadBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

export async function saveBook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Types values into a template file: cells keyed by [row, column] (1-based). */
export async function fillTemplate(bytes: Uint8Array, entries: readonly [number, number, Typed][], sheet?: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = await loadBook(bytes);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0];
  for (const [row, column, value] of entries) ws.getCell(row, column).value = value as ExcelJS.CellValue;
  edit?.(wb);
  return saveBook(wb);
}

/** Every cell of a file's sheet as HyperFormula takes it: formulas back in their typed form, text as text. */
export function sheetForHyperFormula(ws: ExcelJS.Worksheet): unknown[][] {
  const grid: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = cell.value as unknown;
      let x: unknown = null;
      if (v && typeof v === "object" && "formula" in (v as object)) x = planFormula((v as { formula: string }).formula);
      else if (v && typeof v === "object" && "hyperlink" in (v as object)) x = `'${(v as { text: string }).text}`;
      else if (v instanceof Date) x = Math.round(v.getTime() / 86_400_000) + 25569;
      else if (typeof v === "string") x = `'${v}`;
      else x = v;
      out[c - 1] = x;
    });
    grid[r - 1] = out;
  });
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

export async function fileInHyperFormula(bytes: Uint8Array): Promise<HyperFormula> {
  const wb = await loadBook(bytes);
  const sheets: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) sheets[ws.name] = sheetForHyperFormula(ws);
  // The file's defined names (the Method sheet's figures), as named expressions.
  const model = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const names = model.filter((n) => n.ranges.length === 1).map((n) => ({ name: n.name, expression: `=${n.ranges[0]}` }));
  return buildWorkbook(sheets, names);
}
