import type { Cell, Partnership } from "../postlist/index";
import { BENEFIT_SHEET, BENEFIT_TABLE, NAME, PROJECTION_SHEET, TABLE, workbookKeeps, type KeptCells, type WorkbookKeeps } from "../workbook/index";

const METHOD_NAMES = {
  payVoteThreshold: NAME.payVoteThreshold,
  noWorseTolerance: NAME.noWorseTolerance,
  trueUpTolerance: NAME.trueUpTolerance,
} as const;

/**
 * What the open workbook holds beside the posts that an import must keep (see
 * src/workbook/workbookKeeps.ts), in two syncs: which tables, names and sheets exist, then the
 * values of those that do. A name whose sheet was deleted (#REF!) is read as no figure.
 */
export async function readWorkbookKeeps(partnership: Partnership): Promise<WorkbookKeeps> {
  const read = await Excel.run(async (context): Promise<KeptCells> => {
    const workbook = context.workbook;
    const tables = { benefits: workbook.tables.getItemOrNullObject(BENEFIT_TABLE.benefits), outturn: workbook.tables.getItemOrNullObject(TABLE.outturn) };
    const names = Object.entries(METHOD_NAMES).map(([key, name]) => ({ key: key as keyof typeof METHOD_NAMES, item: workbook.names.getItemOrNullObject(name) }));
    const report = workbook.worksheets.getItemOrNullObject(BENEFIT_SHEET.report);
    const projection = workbook.worksheets.getItemOrNullObject(PROJECTION_SHEET.projection);
    for (const o of [tables.benefits, tables.outturn, ...names.map((n) => n.item), report, projection]) o.load("isNullObject");
    await context.sync();

    const values = (table: Excel.Table) => {
      if (table.isNullObject) return null;
      const r = table.getRange();
      r.load("values");
      return r;
    };
    const benefits = values(tables.benefits);
    const outturn = values(tables.outturn);
    const cells = names.map(({ key, item }) => {
      if (item.isNullObject) return { key, range: null };
      const range = item.getRangeOrNullObject();
      range.load("values");
      return { key, range };
    });
    await context.sync();
    const method = { payVoteThreshold: null, noWorseTolerance: null, trueUpTolerance: null } as KeptCells["method"];
    for (const { key, range } of cells) if (range && !range.isNullObject) method[key] = (range.values[0]?.[0] ?? null) as Cell;
    return {
      benefits: benefits ? (benefits.values as Cell[][]) : null,
      outturn: outturn ? (outturn.values as Cell[][]) : null,
      method,
      report: !report.isNullObject,
      projection: !projection.isNullObject,
    };
  });
  return workbookKeeps(read, partnership.authorities.map((a) => a.code));
}
