import type { Block, SheetPlan, ValidationPlan, WorkbookPlan } from "../workbook/plan";
import { FORMAT } from "../workbook/plan";
import { dateFromSerial } from "../core/dates";
import { loadExcelJs, type ExcelJsModule } from "./excelJs";
import { fileFormula } from "./fileFormula";
import { parseCell, parseRange } from "./ooxml/cells";
import { addPlanParts, needsPlanParts } from "./ooxml/planParts";

export { fileFormula, planFormula } from "./fileFormula";

/**
 * Writes a WorkbookPlan to an .xlsx file with exceljs (in the browser for "Download template",
 * in Node for the tests and a headless CLI): the same cells, formats, styles, data validation,
 * protection, tables, charts and names as the Office writer puts in the open workbook. Text is
 * written as text (a string cell, in the Text format); formulas only where the plan has them,
 * with the JW functions as Excel saves them (see fileFormula).
 *
 * exceljs writes the cells; the tables, charts and names (with their scope and comments) are
 * added to its output as parts of their own (src/templates/ooxml/): exceljs writes no chart,
 * no name's scope or comment, and writes a table's cells itself from rows it is given rather
 * than over the blocks already written.
 */

const FILLS: Record<NonNullable<Block["style"]>, string | null> = {
  header: "FFDDEBF7",
  title: null,
  note: null,
  input: "FFFFF2CC",
};

/* The slice of exceljs used here. */
interface XCell {
  value: unknown;
  numFmt: string;
  font: Record<string, unknown>;
  fill: unknown;
  protection: { locked?: boolean };
  alignment: Record<string, unknown>;
}
interface XSheet {
  getCell(row: number, column: number): XCell;
  getColumn(column: number): { width: number; hidden: boolean };
  getRow(row: number): { height: number; addPageBreak(): void };
  views: unknown[];
  state: string;
  pageSetup: Record<string, unknown>;
  dataValidations: { add(address: string, validation: unknown): void };
  protect(password: string, options: Record<string, boolean>): Promise<void>;
}
interface XWorkbook {
  creator: string;
  calcProperties: { fullCalcOnLoad?: boolean };
  addWorksheet(name: string): XSheet;
  xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
}

function writeBlock(ws: XSheet, block: Block): void {
  const origin = parseCell(block.address);
  const fill = block.style ? FILLS[block.style] : null;
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < block.columns; c++) {
      const cell = ws.getCell(origin.row + r, origin.column + c);
      const format = block.columnFormats?.[c];
      if (format && format !== FORMAT.GENERAL) cell.numFmt = format;
      if (block.formulas) cell.value = { formula: fileFormula(block.formulas[r][c]) };
      else {
        const v = block.values?.[r]?.[c] ?? null;
        // A string is stored as a string cell: never read as a formula, whatever it starts with.
        cell.value = v;
      }
      if (block.wrap) cell.alignment = { wrapText: true, vertical: "top" };
      if (block.style === "title") cell.font = { bold: true, size: 14 };
      else if (block.style === "note") cell.font = { italic: true, color: { argb: "FF595959" } };
      else if (block.style === "header") cell.font = { bold: true };
      if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
      if (block.wrap) cell.alignment = { wrapText: true, vertical: "top" };
    }
  }
}

const OPERATORS: Record<string, string> = {
  between: "between",
  notBetween: "notBetween",
  equalTo: "equal",
  notEqualTo: "notEqual",
  greaterThan: "greaterThan",
  lessThan: "lessThan",
  greaterThanOrEqualTo: "greaterThanOrEqual",
  lessThanOrEqualTo: "lessThanOrEqual",
};

function jsDate(serial: number): Date {
  const { year, month, day } = dateFromSerial(serial);
  return new Date(Date.UTC(year, month - 1, day));
}

/** A plan's validation as exceljs takes it (formulas without "=", dates as Date). */
export function excelJsValidation(v: ValidationPlan): Record<string, unknown> {
  const rule = v.rule;
  const common: Record<string, unknown> = {
    allowBlank: v.ignoreBlanks ?? true,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
    ...(v.error ? { showErrorMessage: true, errorStyle: v.error.style, errorTitle: v.error.title, error: v.error.message } : {}),
  };
  const strip = (f: string) => (f.startsWith("=") ? f.slice(1) : f);
  switch (rule.kind) {
    case "list":
      return { ...common, type: "list", formulae: [typeof rule.source === "string" ? strip(rule.source) : `"${rule.source.join(",")}"`] };
    case "custom":
      return { ...common, type: "custom", formulae: [strip(rule.formula)] };
    case "date":
      return {
        ...common,
        type: "date",
        operator: OPERATORS[rule.operator],
        formulae: [jsDate(rule.formula1), ...(rule.formula2 !== undefined ? [jsDate(rule.formula2)] : [])],
      };
    default:
      return {
        ...common,
        type: rule.kind === "wholeNumber" ? "whole" : rule.kind,
        operator: OPERATORS[rule.operator],
        formulae: [rule.formula1, ...(rule.formula2 !== undefined ? [rule.formula2] : [])],
      };
  }
}

function forEachCell(address: string, fn: (row: number, column: number) => void): void {
  const { from, to } = parseRange(address);
  for (let r = from.row; r <= to.row; r++) for (let c = from.column; c <= to.column; c++) fn(r, c);
}

/**
 * A file keeps row heights as written and neither Excel nor LibreOffice grows a row for wrapped
 * text on opening, so a wrapped cell's row is made tall enough for its lines (about 1.1
 * characters of text per character of column width, 15 points a line).
 */
function fitWrappedRows(ws: XSheet, plan: SheetPlan): void {
  const heights = new Map<number, number>();
  for (const block of plan.blocks) {
    if (!block.wrap || !block.values) continue;
    const origin = parseCell(block.address);
    block.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const width = plan.columnWidths?.[origin.column + c - 1] ?? 10;
        const lines = Math.max(1, Math.ceil(String(value ?? "").length / (width * 1.1)));
        heights.set(origin.row + r, Math.max(heights.get(origin.row + r) ?? 15, lines * 15));
      }),
    );
  }
  for (const [row, height] of heights) if (height > 15) ws.getRow(row).height = height;
}

async function writeSheet(wb: XWorkbook, plan: SheetPlan): Promise<void> {
  const ws = wb.addWorksheet(plan.name);
  for (const block of plan.blocks) writeBlock(ws, block);
  plan.columnWidths?.forEach((chars, i) => (ws.getColumn(i + 1).width = chars));
  for (const column of plan.hiddenColumns ?? []) ws.getColumn(column).hidden = true;
  if (plan.hidden) ws.state = "hidden";
  fitWrappedRows(ws, plan);
  // 9 is A4 in the file format's paper sizes.
  if (plan.print) {
    ws.pageSetup = {
      paperSize: 9,
      orientation: plan.print.orientation,
      ...(plan.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(plan.print.titleRows ? { printTitlesRow: plan.print.titleRows } : {}),
    };
    // exceljs breaks after a row: a section starting on row r breaks after r − 1.
    for (const row of plan.print.pageBreaksBefore ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  }
  if (plan.freezeRows) ws.views = [{ state: "frozen", ySplit: plan.freezeRows }];
  for (const v of plan.validations ?? []) ws.dataValidations.add(v.address, excelJsValidation(v));
  if (plan.protection) {
    for (const address of plan.protection.unlocked) forEachCell(address, (r, c) => (ws.getCell(r, c).protection = { locked: false }));
    await ws.protect("", {
      formatColumns: plan.protection.allowFormatColumns ?? true,
      formatRows: plan.protection.allowFormatRows ?? true,
      selectLockedCells: true,
      selectUnlockedCells: true,
    });
  }
}

/** The plan as .xlsx bytes. A name with a sheet is scoped to that sheet, as in the Office writer. */
export async function planToXlsx(plan: WorkbookPlan, excelJs?: ExcelJsModule): Promise<Uint8Array> {
  const ExcelJS = excelJs ?? (await loadExcelJs());
  const wb = new ExcelJS.Workbook() as unknown as XWorkbook;
  wb.creator = "Joint working add-in";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await writeSheet(wb, sheet);
  const written = await wb.xlsx.writeBuffer();
  const bytes = written instanceof Uint8Array ? written : new Uint8Array(written);
  return needsPlanParts(plan) ? addPlanParts(bytes, plan) : bytes;
}
