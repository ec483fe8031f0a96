import { BENEFIT_SHEET, type ImportPlanInput, type KeepingPlan } from "../workbook/index";
import { previousKeptInReport, readReportInputs, withKeptReport } from "../workbook/report";
import { readSheetValues } from "./annualReport";

/**
 * Adds the annual report to an import that keeps it, with what officers typed in it and last
 * year's figures it showed. Loaded on demand (the report's modules are their own chunk), and only
 * when readWorkbookKeeps found a report.
 */
export async function addKeptReport(built: KeepingPlan, input: ImportPlanInput): Promise<KeepingPlan> {
  const grid = (await readSheetValues([BENEFIT_SHEET.report])).get(BENEFIT_SHEET.report);
  if (!grid) return built;
  return withKeptReport(built, input, { inputs: readReportInputs(grid), previous: previousKeptInReport(grid) });
}
