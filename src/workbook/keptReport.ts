import type { ImportPlanInput } from "./importPlan";
import type { KeepingPlan } from "./importPlanKeeping";
import { reportSheetPlan, type ReportLayout } from "./reportSheet";
import type { ReportInputs } from "./reportInputs";
import type { PreviousFigures } from "./previousFigures";

/**
 * The annual report written again within an import that keeps it (importPlanKeeping): its
 * formulas read JW Posts row by row, JW Summary and JW Benefits, which the import replaces, so it
 * is rewritten over the new posts with what officers typed and last year's figures it showed.
 * Apart from importPlanKeeping because the report's modules load only when needed.
 */
export function withKeptReport(
  built: KeepingPlan,
  input: ImportPlanInput,
  kept: { inputs: ReportInputs; previous: PreviousFigures | null },
): KeepingPlan & { report?: ReportLayout } {
  // The report needs the register's section of the Summary; without one it cannot be rebuilt.
  if (!built.benefits || built.benefitCount === undefined) return built;
  const report = reportSheetPlan({
    authorities: input.partnership.authorities,
    yearLabel: input.partnership.year.label,
    posts: built.posts,
    jointPostRows: input.posts.flatMap((p, i) => (p.joint ? [built.posts.firstDataRow + i] : [])),
    summary: built.summary,
    benefits: built.benefits,
    benefitCount: built.benefitCount,
    kept: kept.inputs,
    ...(kept.previous ? { previous: kept.previous } : {}),
  });
  return { ...built, report: report.layout, plan: { ...built.plan, sheets: [...built.plan.sheets, report.sheet] } };
}
