import { importPlan, type ImportPlan, type ImportPlanInput } from "./importPlan";
import { reportSheetPlan, type ReportLayout } from "./reportSheet";
import type { ReportInputs } from "./reportInputs";
import type { PreviousFigures } from "./previousFigures";
import { BENEFIT_SHEET } from "./sheetNames";

export interface ReportPlanInput extends ImportPlanInput {
  benefits: NonNullable<ImportPlanInput["benefits"]>;
  /** What officers typed in the report being refreshed (kept in the new one). */
  kept?: ReportInputs;
  previous?: PreviousFigures;
}

export interface ReportPlan extends ImportPlan {
  report: ReportLayout;
}

/** The whole workbook with the annual report: everything an import writes, the register, and the report. */
export function reportPlan(input: ReportPlanInput): ReportPlan {
  const built = importPlan(input);
  const jointPostRows = input.posts.flatMap((p, i) => (p.joint ? [built.posts.firstDataRow + i] : []));
  const report = reportSheetPlan({
    authorities: input.partnership.authorities,
    yearLabel: input.partnership.year.label,
    posts: built.posts,
    jointPostRows,
    summary: built.summary,
    benefits: built.benefits!,
    benefitCount: input.benefits.benefits.length,
    kept: input.kept,
    previous: input.previous,
  });
  return {
    ...built,
    report: report.layout,
    plan: { ...built.plan, sheets: [...built.plan.sheets, report.sheet], activate: BENEFIT_SHEET.report },
  };
}
