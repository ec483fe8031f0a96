import { importPlan, type ImportPlan, type ImportPlanInput } from "./importPlan";
import { trueUpSheetsPlan, type OutturnLayout, type TrueUpLayout } from "./trueUpSheet";
import { BENEFIT_SHEET } from "./sheetNames";
import type { WorkbookKeeps } from "./workbookKeeps";

export interface KeepingPlan extends ImportPlan {
  /** Rows of the register written (the new one, or the one kept), when there is one. */
  benefitCount?: number;
  /** The true-up rewritten over the new posts, when the workbook had one. */
  trueUp?: { layout: TrueUpLayout; outturn: OutturnLayout };
}

/**
 * An import that keeps what the workbook already had. JW True-up and JW Report read JW Posts and
 * JW Summary row by row, so replacing those leaves them at #REF!: everything that reads them is
 * written in the same plan, over the new post count, so one write replaces all of them at once.
 * - The benefits register, when no new one is given, goes back into JW Benefits and the Summary's
 *   benefits section; its issues sheet is left as the register's import wrote it.
 * - The Method sheet carries the figures officers typed (a value given in the input wins).
 * - The outturn goes back into JW Outturn, and JW True-up is written over the new posts.
 * The annual report, a lazily loaded part of the add-in, is added by src/workbook/keptReport.ts.
 */
export function importPlanKeeping(input: ImportPlanInput, keeps: WorkbookKeeps): KeepingPlan {
  // The report reads JW Benefits: with JW Benefits deleted by hand, an empty register is written
  // for it, as a refresh of the report does.
  const kept = keeps.benefits ?? (keeps.report ? [] : null);
  const keptRegister = !input.benefits && kept !== null;
  const register = input.benefits?.benefits ?? kept;
  const built = importPlan({
    ...input,
    ...(keptRegister ? { benefits: { benefits: kept, rejected: [], sourceHeaders: [] } } : {}),
    trueUpTolerance: input.trueUpTolerance ?? keeps.method.trueUpTolerance,
    payVoteThreshold: input.payVoteThreshold ?? keeps.method.payVoteThreshold,
    noWorseTolerance: input.noWorseTolerance ?? keeps.method.noWorseTolerance,
  });
  // The register's rejected rows are not known here: its issues sheet stays as it is.
  const sheets = keptRegister ? built.plan.sheets.filter((s) => s.name !== BENEFIT_SHEET.issues) : built.plan.sheets;
  const counted = register ? { benefitCount: register.length } : {};
  if (keeps.outturns === null) return { ...built, ...counted, plan: { ...built.plan, sheets } };
  const trueUp = trueUpSheetsPlan({
    authorities: input.partnership.authorities,
    yearLabel: input.partnership.year.label,
    posts: built.posts,
    postCount: input.posts.length,
    outturns: keeps.outturns,
  });
  return {
    ...built,
    ...counted,
    trueUp: { layout: trueUp.layout, outturn: trueUp.outturn },
    plan: { ...built.plan, sheets: [...sheets, ...trueUp.sheets] },
  };
}
