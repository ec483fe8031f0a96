import { importPlanKeeping, type ImportPlanInput, type KeepingPlan, type WorkbookKeeps } from "../workbook/index";

/**
 * The plan of an import (or a consolidation) that keeps what the workbook holds beside the posts,
 * the annual report included when there is one: its modules load only then (their own chunk).
 */
export async function keepingPlan(input: ImportPlanInput, keeps: WorkbookKeeps): Promise<KeepingPlan> {
  const plan = importPlanKeeping(input, keeps);
  if (!keeps.report) return plan;
  const { addKeptReport } = await import(/* webpackChunkName: "report" */ "./keptReport");
  return addKeptReport(plan, input);
}
