import { BENEFIT_SHEET, SHEET, type KeepingPlan, type WorkbookKeeps } from "../../workbook/index";
import { plural } from "../common/format";

/**
 * What an import kept of the workbook (importPlanKeeping), in the words of the result panel: so
 * the officer sees the true-up, register and report were written again, not lost.
 */
export function keptLines(keeps: WorkbookKeeps, built: KeepingPlan): string[] {
  const lines: string[] = [];
  const written = new Set(built.plan.sheets.map((s) => s.name));
  if (keeps.outturns !== null && written.has(SHEET.trueUp)) {
    lines.push(`${SHEET.trueUp}: written again over the new posts, with the ${plural(keeps.outturns.length, "outturn row")} of ${SHEET.outturn}`);
  }
  if (built.benefitCount !== undefined && keeps.benefits !== null && written.has(BENEFIT_SHEET.benefits) && !written.has(BENEFIT_SHEET.issues)) {
    lines.push(`${BENEFIT_SHEET.benefits}: the register's ${plural(built.benefitCount, "row")} kept, counted in ${SHEET.summary}`);
  }
  if (keeps.report && written.has(BENEFIT_SHEET.report)) lines.push(`${BENEFIT_SHEET.report}: written again over the new posts, with officers' assessments, objectives and last year's figures`);
  const method = Object.keys(keeps.method).length;
  if (method > 0) lines.push(`${SHEET.method}: the pay-vote threshold and tolerances as they were`);
  return lines;
}

/** Sheets that read JW Posts or JW Summary row by row, and that the import writes again with them. */
export function dependentsText(dependents: readonly string[]): string {
  const one = dependents.length === 1;
  return `${dependents.join(" and ")} read${one ? "s" : ""} the sheets being replaced, so ${one ? "it is" : "they are"} written again with the import, over the new posts: the outturn, the benefits register, officers' assessments in the report and the figures typed on ${SHEET.method} are kept.`;
}
