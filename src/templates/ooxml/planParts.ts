/**
 * What exceljs cannot write, added to its .xlsx output: the plan's Excel tables, its charts
 * (at most one per sheet) and its names with their scope and comment.
 */
import type { WorkbookPlan } from "../../workbook/plan";
import { chartPartXml, drawingPartXml } from "./chartPart";
import { definedNamesXml, withDefinedNames } from "./definedNames";
import { tableLayout, tablePartXml } from "./tablePart";
import { CONTENT_TYPE, REL, XlsxPackage } from "./xlsxPackage";
import { loadZip } from "./zip";

/** True when the file exceljs writes for this plan lacks something: then addPlanParts is needed. */
export function needsPlanParts(plan: WorkbookPlan): boolean {
  return plan.names.length > 0 || plan.sheets.some((s) => s.table || s.chart);
}

/** Fails before anything is written on what Excel would only open after a "repair". */
function checkTableNames(plan: WorkbookPlan): void {
  const taken = new Map(plan.names.map((n) => [n.name.toLowerCase(), `a defined name`]));
  for (const sheet of plan.sheets) {
    if (!sheet.table) continue;
    const key = sheet.table.name.toLowerCase();
    const clash = taken.get(key);
    if (clash) throw new Error(`Table ${sheet.table.name} has the name of ${clash}.`);
    taken.set(key, "another table");
  }
}

export async function addPlanParts(bytes: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  checkTableNames(plan);
  const pkg = new XlsxPackage(await loadZip(bytes));
  const sheets = await pkg.sheets();
  let tableId = 0;
  for (const sheet of plan.sheets) {
    const part = sheets.find((s) => s.name === sheet.name)?.part;
    if (!part) throw new Error(`the .xlsx file has no sheet ${sheet.name}`);
    if (sheet.chart) {
      const chartPart = pkg.freePart((n) => `xl/charts/chart${n}.xml`);
      const drawingPart = pkg.freePart((n) => `xl/drawings/drawing${n}.xml`);
      pkg.write(chartPart, chartPartXml(sheet.name, sheet.chart));
      pkg.write(drawingPart, drawingPartXml(sheet.chart.position, await pkg.relate(drawingPart, REL.chart, chartPart)));
      await pkg.declareContentType(chartPart, CONTENT_TYPE.chart);
      await pkg.declareContentType(drawingPart, CONTENT_TYPE.drawing);
      const id = await pkg.relate(part, REL.drawing, drawingPart);
      await pkg.insertIntoSheet(part, "drawing", `<drawing r:id="${id}"/>`);
    }
    if (sheet.table) {
      const layout = tableLayout(sheet, sheet.table);
      const tablePart = pkg.freePart((n) => `xl/tables/table${n}.xml`);
      pkg.write(tablePart, tablePartXml(++tableId, layout));
      await pkg.declareContentType(tablePart, CONTENT_TYPE.table);
      const id = await pkg.relate(part, REL.table, tablePart);
      await pkg.insertIntoSheet(part, "tableParts", `<tableParts count="1"><tablePart r:id="${id}"/></tableParts>`);
    }
  }
  const names = definedNamesXml(plan.names, sheets.map((s) => s.name));
  pkg.write("xl/workbook.xml", withDefinedNames(await pkg.read("xl/workbook.xml"), names));
  return pkg.bytes();
}
