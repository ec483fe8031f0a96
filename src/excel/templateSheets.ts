import type { Partnership } from "../postlist/partnership";
import {
  PROBE_COLUMNS,
  PROBE_ROWS,
  DEFAULT_TEMPLATE_SHEET,
  OUTSIDE_SLACK,
  checkTemplate,
  looksLikeMarker,
  otherPartnership,
  readTemplate,
  sheetFromOffice,
  templateExtent,
  templateWorkbookPlan,
  type TemplateCheck,
  type TemplateContent,
  type TemplateReading,
} from "../templates/index";
import type { SheetPlan } from "../workbook/plan";
import { SHEET } from "../workbook/index";
import { existingSheets, writePlan } from "./writePlan";

/**
 * The Office side of budget-holder templates in the open workbook: add a template sheet, find
 * and read every template sheet for "Check workbook", and select a cell. Each is a short
 * Excel.run: queue the loads, one sync, work in plain code.
 */

/** Most cells read from one template sheet (a template is a few thousand). */
export const MAX_TEMPLATE_CELLS = 1_000_000;

function supports(version: string): boolean {
  try {
    return Office.context?.requirements?.isSetSupported?.("ExcelApi", version) ?? false;
  } catch {
    return false;
  }
}

export interface AddedTemplate {
  sheet: string;
  /** False where this Excel has no data validation (ExcelApi 1.8) or sheet protection (1.2). */
  validated: boolean;
  protected: boolean;
}

/** The first free sheet name of "JW Costing template", "JW Costing template 2", … */
export async function freeTemplateSheetName(base = DEFAULT_TEMPLATE_SHEET): Promise<string> {
  const candidates = [base, ...Array.from({ length: 98 }, (_, i) => `${base} ${i + 2}`)];
  const taken = new Set((await existingSheets(candidates)).map((n) => n.toLowerCase()));
  const free = candidates.find((n) => !taken.has(n.toLowerCase()));
  if (!free) throw new Error(`The workbook already has ${candidates.length} template sheets: delete some first.`);
  return free;
}

/** Adds a new costing template sheet for the partnership, and shows it. */
export async function addTemplateSheet(partnership: Partnership, content: TemplateContent = {}): Promise<AddedTemplate> {
  const sheetName = await freeTemplateSheetName();
  const t = templateWorkbookPlan(partnership, { ...content, sheetName });
  const validated = supports("1.8");
  const isProtected = supports("1.2");
  const sheet: SheetPlan = { ...t.sheet, validations: validated ? t.sheet.validations : undefined, protection: isProtected ? t.sheet.protection : undefined };
  // The template's formulas read the NI table on the Method sheet by name: add one when the
  // workbook has none (an import's own Method sheet serves otherwise; the table is the same).
  const haveMethod = (await existingSheets([SHEET.method])).length > 0;
  const method = t.workbook.sheets.find((s) => s.name === SHEET.method)!;
  const names = haveMethod ? t.names : t.workbook.names;
  await writePlan({ sheets: haveMethod ? [sheet] : [sheet, method], names: supports("1.4") ? names : [], activate: sheetName });
  return { sheet: sheetName, validated, protected: isProtected };
}

export interface SheetCheck {
  sheet: string;
  reading: TemplateReading;
  /** The check of a template this add-in reads (none for a refused one). */
  check: TemplateCheck | null;
  /** Set when the template belongs to another partnership than the workbook's. */
  otherPartnership: string | null;
}

/**
 * Finds every template sheet of the open workbook (by its marker) and judges its inputs as a
 * consolidation would. Three syncs whatever the number of sheets.
 */
export async function checkWorkbookTemplates(partnership: Partnership | null): Promise<SheetCheck[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items");
    await context.sync();
    const probes = sheets.items.map((ws) => {
      const probe = ws.getRangeByIndexes(0, 0, PROBE_ROWS, PROBE_COLUMNS);
      probe.load("values");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      return { ws, probe, used };
    });
    await context.sync();

    const found = probes.filter((p) => p.probe.values.some((row) => row.some((v) => looksLikeMarker(v))));
    const reads = found.map(({ ws, probe, used }) => {
      const extent = used.isNullObject ? { lastRow: 0, lastColumn: 0 } : { lastRow: used.rowIndex + used.rowCount, lastColumn: used.columnIndex + used.columnCount };
      const size = templateExtent(sheetFromOffice(ws.name, probe.values, probe.values));
      // Read the template's own area (and a margin), never a whole sheet someone filled to row 1,000,000.
      const rows = Math.max(PROBE_ROWS, Math.min(extent.lastRow, (size?.lastRow ?? PROBE_ROWS) + OUTSIDE_SLACK));
      const columns = Math.max(PROBE_COLUMNS, Math.min(extent.lastColumn, (size?.lastColumn ?? PROBE_COLUMNS) + OUTSIDE_SLACK));
      const range = ws.getRangeByIndexes(0, 0, rows, Math.min(columns, Math.floor(MAX_TEMPLATE_CELLS / rows)));
      range.load("values,formulas,valueTypes");
      return { name: ws.name, range, extent };
    });
    if (reads.length > 0) await context.sync();

    return reads.map(({ name, range, extent }): SheetCheck => {
      const reading = readTemplate(sheetFromOffice(name, range.values, range.formulas, range.valueTypes as unknown as string[][], extent));
      if (reading.kind !== "template") return { sheet: name, reading, check: null, otherPartnership: null };
      const other = partnership ? otherPartnership(reading, partnership) : null;
      const check = checkTemplate(reading, other || !partnership ? {} : { partnership });
      return { sheet: name, reading, check, otherPartnership: other };
    });
  });
}

/** Shows a cell: activates its sheet and selects it. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
