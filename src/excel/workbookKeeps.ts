import type { Cell, Partnership } from "../postlist/index";
import { BENEFIT_SHEET, BENEFIT_TABLE, NAME, PROJECTION_SHEET, TABLE, methodSettingsFromCells, workbookKeeps, type KeptCells, type MethodSettings, type WorkbookKeeps } from "../workbook/index";

const METHOD_NAMES = {
  payVoteThreshold: NAME.payVoteThreshold,
  noWorseTolerance: NAME.noWorseTolerance,
  trueUpTolerance: NAME.trueUpTolerance,
} as const;

type MethodKey = keyof typeof METHOD_NAMES;

/** Queues the Method sheet's named cells for the first sync (a name may be missing). */
function queueMethodNames(workbook: Excel.Workbook): { key: MethodKey; item: Excel.NamedItem }[] {
  const names = Object.entries(METHOD_NAMES).map(([key, name]) => ({ key: key as MethodKey, item: workbook.names.getItemOrNullObject(name) }));
  for (const n of names) n.item.load("isNullObject");
  return names;
}

/** After that sync: queues the values of the names that exist (a name whose sheet was deleted has no range). */
function queueMethodValues(names: readonly { key: MethodKey; item: Excel.NamedItem }[]): { key: MethodKey; range: Excel.Range | null }[] {
  return names.map(({ key, item }) => {
    if (item.isNullObject) return { key, range: null };
    const range = item.getRangeOrNullObject();
    range.load("values");
    return { key, range };
  });
}

/** After the second sync: each figure's cell (null where there is none). */
function methodCells(cells: readonly { key: MethodKey; range: Excel.Range | null }[]): KeptCells["method"] {
  const method = { payVoteThreshold: null, noWorseTolerance: null, trueUpTolerance: null } as KeptCells["method"];
  for (const { key, range } of cells) if (range && !range.isNullObject) method[key] = (range.values[0]?.[0] ?? null) as Cell;
  return method;
}

/** Only the figures officers type on JW Method (the true-up tab starts from its tolerance), in two syncs. */
export async function readMethodSettings(): Promise<MethodSettings> {
  return Excel.run(async (context) => {
    const names = queueMethodNames(context.workbook);
    await context.sync();
    const cells = queueMethodValues(names);
    await context.sync();
    return methodSettingsFromCells(methodCells(cells));
  });
}

/**
 * What the open workbook holds beside the posts that an import must keep (see
 * src/workbook/workbookKeeps.ts), in two syncs: which tables, names and sheets exist, then the
 * values of those that do. A name whose sheet was deleted (#REF!) is read as no figure.
 */
export async function readWorkbookKeeps(partnership: Partnership): Promise<WorkbookKeeps> {
  const read = await Excel.run(async (context): Promise<KeptCells> => {
    const workbook = context.workbook;
    const tables = { benefits: workbook.tables.getItemOrNullObject(BENEFIT_TABLE.benefits), outturn: workbook.tables.getItemOrNullObject(TABLE.outturn) };
    const names = queueMethodNames(workbook);
    const report = workbook.worksheets.getItemOrNullObject(BENEFIT_SHEET.report);
    const projection = workbook.worksheets.getItemOrNullObject(PROJECTION_SHEET.projection);
    for (const o of [tables.benefits, tables.outturn, report, projection]) o.load("isNullObject");
    await context.sync();

    const values = (table: Excel.Table) => {
      if (table.isNullObject) return null;
      const r = table.getRange();
      r.load("values");
      return r;
    };
    const benefits = values(tables.benefits);
    const outturn = values(tables.outturn);
    const cells = queueMethodValues(names);
    await context.sync();
    return {
      benefits: benefits ? (benefits.values as Cell[][]) : null,
      outturn: outturn ? (outturn.values as Cell[][]) : null,
      method: methodCells(cells),
      report: !report.isNullObject,
      projection: !projection.isNullObject,
    };
  });
  return workbookKeeps(read, partnership.authorities.map((a) => a.code));
}
