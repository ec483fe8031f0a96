/**
 * What readWorkbookKeeps would read from a workbook holding a plan's sheets, without Office: the
 * JW Benefits and JW Outturn tables' values, the Method's named cells, and which sheets exist.
 */
import { BENEFIT_SHEET, NAME, PROJECTION_SHEET, SHEET, workbookKeeps, type WorkbookKeeps, type WorkbookPlan } from "../../src/workbook/index";
import type { Cell } from "../../src/postlist/cells";
import { planSheetValues } from "./planInHyperFormula";

function namedCell(plan: WorkbookPlan, name: string): Cell {
  const n = plan.names.find((x) => x.name === name);
  const m = n ? /^='([^']+)'!\$([A-Z]+)\$(\d+)$/.exec(n.reference) : null;
  if (!m || !plan.sheets.some((s) => s.name === m[1])) return null;
  let column = 0;
  for (const ch of m[2]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return planSheetValues(plan, m[1])[+m[3] - 1]?.[column - 1] ?? null;
}

export function keptFromPlan(plan: WorkbookPlan, codes: readonly string[]): WorkbookKeeps {
  const has = (name: string) => plan.sheets.some((s) => s.name === name);
  return workbookKeeps(
    {
      benefits: has(BENEFIT_SHEET.benefits) ? planSheetValues(plan, BENEFIT_SHEET.benefits) : null,
      outturn: has(SHEET.outturn) ? planSheetValues(plan, SHEET.outturn) : null,
      method: {
        payVoteThreshold: namedCell(plan, NAME.payVoteThreshold),
        noWorseTolerance: namedCell(plan, NAME.noWorseTolerance),
        trueUpTolerance: namedCell(plan, NAME.trueUpTolerance),
      },
      report: has(BENEFIT_SHEET.report),
      projection: has(PROJECTION_SHEET.projection),
    },
    codes,
  );
}
