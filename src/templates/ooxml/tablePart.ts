/** An Excel table as an .xlsx part (xl/tables/tableN.xml), its column names read from the plan's header row. */
import type { SheetPlan, TablePlan } from "../../workbook/plan";
import { parseRange, rangeA1, type CellRange } from "./cells";
import { checkExcelName } from "./excelName";
import { escapeXml, xstring } from "./xml";

/** The Office writer's style, so a downloaded workbook looks like one the add-in wrote. */
const TABLE_STYLE = "TableStyleLight9";

/** What the plan leaves in one cell: a value, a formula, or nothing. Blocks are written in order, so the last one wins. */
function planCell(sheet: SheetPlan, column: number, row: number): { value: unknown } | { formula: string } | undefined {
  for (const block of [...sheet.blocks].reverse()) {
    const origin = parseRange(block.address).from;
    const r = row - origin.row;
    const c = column - origin.column;
    if (r < 0 || c < 0 || r >= block.rows || c >= block.columns) continue;
    return block.formulas ? { formula: block.formulas[r][c] } : { value: block.values?.[r]?.[c] ?? null };
  }
  return undefined;
}

export interface TableLayout {
  name: string;
  range: CellRange;
  columns: string[];
}

/**
 * The table's range and column names. Excel requires each header cell to hold the text of its
 * column's name, unique within the table, and at least one row of data under the header.
 */
export function tableLayout(sheet: SheetPlan, table: TablePlan): TableLayout {
  checkExcelName(table.name, "Table name");
  const range = parseRange(table.address);
  if (range.to.row <= range.from.row) throw new Error(`Table ${table.name}: ${table.address} has no row under its header.`);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (let column = range.from.column; column <= range.to.column; column++) {
    const content = planCell(sheet, column, range.from.row);
    const text = content && "value" in content ? content.value : undefined;
    if (typeof text !== "string" || text.trim() === "") throw new Error(`Table ${table.name}: the header cell in column ${column} of ${table.address} holds no text.`);
    const key = text.toLowerCase();
    if (seen.has(key)) throw new Error(`Table ${table.name}: two columns are named ${JSON.stringify(text)}.`);
    seen.add(key);
    columns.push(text);
  }
  return { name: table.name, range, columns };
}

/** The table part; `id` is unique across the workbook. */
export function tablePartXml(id: number, layout: TableLayout): string {
  const ref = rangeA1(layout.range);
  const name = escapeXml(layout.name);
  const columns = layout.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(xstring(c))}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${layout.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
