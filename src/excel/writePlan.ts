import type { Block, SheetPlan, ValidationPlan, WorkbookPlan } from "../workbook/plan";
import { isoFromSerial } from "../core/dates";
import { batchesOf, MAX_REQUEST_BYTES } from "./batches";

/**
 * Applies a WorkbookPlan to the open workbook. Reads once, then queues every write and syncs
 * once per request-sized batch (never once per row). The add-in's previous sheets are moved
 * aside first and only deleted when the new ones are complete, so a failed write puts the
 * workbook back as it was. Text cells get the Text number format before their values, so a
 * title like "=HYPERLINK(…)" arrives as the same text.
 */
export interface WriteOptions {
  onProgress?: (done: number, total: number) => void;
  maxRequestBytes?: number;
}

const STYLE_FILL: Record<NonNullable<Block["style"]>, string | null> = {
  header: "#DDEBF7",
  title: null,
  note: null,
  input: "#FFF2CC",
};

function supportsApi(version: string): boolean {
  try {
    return typeof Office !== "undefined" && (Office.context?.requirements?.isSetSupported?.("ExcelApi", version) ?? false);
  } catch {
    return false;
  }
}

/** The add-in's sheets among `names` that already exist: an import asks before replacing them. */
export async function existingSheets(names: readonly string[]): Promise<string[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items");
    await context.sync();
    return sheets.items.map((s) => s.name).filter((n) => names.includes(n));
  });
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let i = 2; taken.has(name); i++) name = `${wanted} ${i}`;
  taken.add(name);
  return name;
}

function writeBlock(sheet: Excel.Worksheet, block: Block): void {
  const target = sheet.getRange(block.address).getResizedRange(block.rows - 1, block.columns - 1);
  if (block.columnFormats) {
    // One request per column, with the format broadcast over its cells, before any value lands.
    block.columnFormats.forEach((format, c) => {
      const column = target.getColumn(c);
      column.numberFormat = format as unknown as string[][];
    });
  }
  if (block.values) target.values = block.values as (string | number | boolean)[][];
  if (block.formulas) target.formulas = block.formulas;
  if (block.style) {
    if (block.style === "title") {
      target.format.font.bold = true;
      target.format.font.size = 14;
    } else if (block.style === "note") {
      target.format.font.italic = true;
      target.format.font.color = "#595959";
    } else if (block.style === "header") {
      target.format.font.bold = true;
    }
    const fill = STYLE_FILL[block.style];
    if (fill) target.format.fill.color = fill;
  }
  if (block.wrap) {
    target.format.wrapText = true;
    target.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
    target.format.autofitRows();
  }
}

const OPERATOR: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equalTo: "EqualTo",
  notEqualTo: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqualTo: "GreaterThanOrEqualTo",
  lessThanOrEqualTo: "LessThanOrEqualTo",
};

/** A plan's validation rule as Office.js takes it (dates as ISO 8601 text). */
export function officeValidationRule(v: ValidationPlan): Excel.DataValidationRule {
  const rule = v.rule;
  switch (rule.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: typeof rule.source === "string" ? rule.source : rule.source.join(",") } };
    case "custom":
      return { custom: { formula: rule.formula } };
    case "date":
      return {
        date: {
          formula1: isoFromSerial(rule.formula1),
          ...(rule.formula2 !== undefined ? { formula2: isoFromSerial(rule.formula2) } : {}),
          operator: OPERATOR[rule.operator] as Excel.DataValidationOperator,
        },
      };
    default:
      return {
        [rule.kind]: {
          formula1: rule.formula1,
          ...(rule.formula2 !== undefined ? { formula2: rule.formula2 } : {}),
          operator: OPERATOR[rule.operator] as Excel.DataValidationOperator,
        },
      } as Excel.DataValidationRule;
  }
}

const ALERT_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/** Optional extra of a sheet plan: data validation on its input cells. */
function validateSheet(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const v of plan.validations ?? []) {
    const dv = sheet.getRange(v.address).dataValidation;
    dv.clear();
    dv.rule = officeValidationRule(v);
    dv.ignoreBlanks = v.ignoreBlanks ?? true;
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
    if (v.error) dv.errorAlert = { showAlert: true, style: ALERT_STYLE[v.error.style] as Excel.DataValidationAlertStyle, title: v.error.title, message: v.error.message };
  }
}

/** Optional extra of a sheet plan, applied last: protection with only the inputs unlocked. */
function protectSheet(sheet: Excel.Worksheet, plan: SheetPlan): void {
  if (!plan.protection) return;
  for (const address of plan.protection.unlocked) sheet.getRange(address).format.protection.locked = false;
  sheet.protection.protect({
    allowFormatColumns: plan.protection.allowFormatColumns ?? true,
    allowFormatRows: plan.protection.allowFormatRows ?? true,
  });
}

function finishSheet(sheet: Excel.Worksheet, plan: SheetPlan): void {
  if (plan.table) {
    const table = sheet.tables.add(sheet.getRange(plan.table.address), true);
    table.name = plan.table.name;
    table.style = "TableStyleLight9";
  }
  plan.columnWidths?.forEach((chars, i) => {
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(chars * 7 + 5);
  });
  // Working columns (the split's floors and remainders) stay in the sheet for auditors, out of sight.
  for (const column of plan.hiddenColumns ?? []) sheet.getRangeByIndexes(0, column - 1, 1, 1).columnHidden = true;
  if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (plan.hidden) sheet.visibility = Excel.SheetVisibility.hidden;
  // Page layout is ExcelApi 1.9: an older Excel prints with its defaults rather than failing the write.
  if (plan.print && supportsApi("1.9")) {
    sheet.pageLayout.orientation = (plan.print.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    sheet.pageLayout.paperSize = "A4" as Excel.PaperType;
    if (plan.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    // The annual report: its title row on every page, and each section from a new page.
    if (plan.print.titleRows) {
      const [from, to] = plan.print.titleRows.split(":");
      sheet.pageLayout.setPrintTitleRows(`$${from}:$${to ?? from}`);
    }
    for (const row of plan.print.pageBreaksBefore ?? []) if (row > 1) sheet.horizontalPageBreaks.add(`A${row}`);
  }
  if (plan.chart) {
    const chart = sheet.charts.add(Excel.ChartType.columnClustered, sheet.getRange(plan.chart.values), Excel.ChartSeriesBy.columns);
    chart.title.text = plan.chart.title;
    chart.legend.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = plan.chart.seriesName;
    series.setXAxisValues(sheet.getRange(plan.chart.categories));
    const [from, to] = plan.chart.position.split(":");
    chart.setPosition(from, to);
  }
  if (plan.validations) validateSheet(sheet, plan);
}

/**
 * Puts the workbook back after a failed write. Office.js applies a batch up to the operation
 * that failed, so what exists is read first: a backup that exists means its sheet was moved
 * aside, and a sheet under the original name is then a new one to delete; a backup that does
 * not exist means the original was never touched.
 */
async function restore(
  context: Excel.RequestContext,
  plannedSheets: readonly string[],
  movedSheets: readonly { name: string; backup: string; hidden: boolean }[],
  movedTables: readonly { name: string; backup: string }[],
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items");
  const tables = context.workbook.tables;
  tables.load("items");
  await context.sync();
  const sheetsNow = new Set(worksheets.items.map((s) => s.name));
  const tablesNow = new Set(tables.items.map((t) => t.name));
  const untouched = new Set(movedSheets.filter((m) => !sheetsNow.has(m.backup)).map((m) => m.name));
  for (const name of plannedSheets) if (sheetsNow.has(name) && !untouched.has(name)) worksheets.getItem(name).delete();
  for (const { name, backup } of movedTables) if (tablesNow.has(backup)) tables.getItem(backup).name = name;
  for (const { name, backup, hidden } of movedSheets) {
    if (!sheetsNow.has(backup)) continue;
    const sheet = worksheets.getItem(backup);
    sheet.name = name;
    sheet.visibility = hidden ? Excel.SheetVisibility.hidden : Excel.SheetVisibility.visible;
  }
  await context.sync();
}

export async function writePlan(plan: WorkbookPlan, options: WriteOptions = {}): Promise<void> {
  const batches = batchesOf(plan, options.maxRequestBytes ?? MAX_REQUEST_BYTES);
  await Excel.run(async (context) => {
    const workbook = context.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load("items");
    const tables = workbook.tables;
    tables.load("items");
    const names = workbook.names;
    names.load("items");
    await context.sync();

    const takenSheets = new Set(worksheets.items.map((s) => s.name));
    const takenTables = new Set(tables.items.map((t) => t.name));
    const plannedSheets = new Set(plan.sheets.map((s) => s.name));
    // Sheets the plan drops go aside with the replaced ones: deleted on success, put back on failure.
    const dropped = new Set(plan.remove ?? []);
    const plannedTables = new Set(plan.sheets.flatMap((s) => (s.table ? [s.table.name] : [])));

    // Move the previous versions aside (sheets and their table names), keeping them until the end.
    const movedSheets: { name: string; backup: string; hidden: boolean }[] = [];
    for (const sheet of worksheets.items) {
      if (plannedSheets.has(sheet.name) || dropped.has(sheet.name)) {
        const backup = uniqueName(`${sheet.name.slice(0, 20)} (old)`, takenSheets);
        movedSheets.push({ name: sheet.name, backup, hidden: sheet.visibility !== Excel.SheetVisibility.visible });
        sheet.name = backup;
      }
    }
    const movedTables: { name: string; backup: string }[] = [];
    for (const table of tables.items) {
      if (plannedTables.has(table.name)) {
        const backup = uniqueName(`${table.name}_old`, takenTables);
        movedTables.push({ name: table.name, backup });
        table.name = backup;
      }
    }
    const created = new Map<string, Excel.Worksheet>();
    for (const sheet of plan.sheets) created.set(sheet.name, worksheets.add(sheet.name));
    // Hidden only once the new sheets exist: Excel refuses to hide its last visible sheet.
    for (const { backup } of movedSheets) worksheets.getItem(backup).visibility = Excel.SheetVisibility.hidden;

    try {
      for (let i = 0; i < batches.length; i++) {
        workbook.application.suspendApiCalculationUntilNextSync();
        for (const { sheet, block } of batches[i]) writeBlock(created.get(sheet)!, block);
        if (i < batches.length - 1) {
          await context.sync();
          options.onProgress?.(i + 1, batches.length + 1);
        }
      }
      for (const sheet of plan.sheets) finishSheet(created.get(sheet.name)!, sheet);
      for (const name of plan.names) {
        if (name.sheet !== undefined) {
          created.get(name.sheet)?.names.add(name.name, name.reference, name.comment);
          continue;
        }
        if (names.items.some((n) => n.name === name.name)) names.getItem(name.name).delete();
        names.add(name.name, name.reference, name.comment);
      }
      for (const sheet of plan.sheets) protectSheet(created.get(sheet.name)!, sheet);
      if (plan.activate) created.get(plan.activate)?.activate();
      await context.sync();
    } catch (error) {
      await restore(context, [...created.keys()], movedSheets, movedTables);
      throw error;
    }
    for (const { backup } of movedSheets) worksheets.getItem(backup).delete();
    await context.sync();
    options.onProgress?.(batches.length + 1, batches.length + 1);
  });
}
