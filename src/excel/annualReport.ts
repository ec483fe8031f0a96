import { invalid } from "../core/errors";
import type { Cell, Partnership } from "../postlist/index";
import { BENEFIT_SHEET, SHEET, type PlannedBenefit, type RejectedRecord } from "../workbook/index";
import { benefitsFromTable, postsFromTable, previousKeptInReport, readReportInputs, reportPlan, type PreviousFigures } from "../workbook/report";
import { writePlan } from "./writePlan";

/** Values of the used range of each sheet named, or null for a sheet the workbook does not have: one read. */
export async function readSheetValues(names: readonly string[]): Promise<Map<string, Cell[][] | null>> {
  return Excel.run(async (context) => {
    const sheets = names.map((name) => ({ name, sheet: context.workbook.worksheets.getItemOrNullObject(name) }));
    for (const { sheet } of sheets) sheet.load("isNullObject");
    await context.sync();
    const ranges = sheets
      .filter(({ sheet }) => !sheet.isNullObject)
      .map(({ name, sheet }) => {
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("values");
        return { name, used };
      });
    await context.sync();
    const out = new Map<string, Cell[][] | null>(names.map((n) => [n, null]));
    for (const { name, used } of ranges) out.set(name, used.isNullObject ? [] : (used.values as Cell[][]));
    return out;
  });
}

export interface NewRegister {
  benefits: readonly PlannedBenefit[];
  rejected: readonly RejectedRecord[];
  sourceHeaders: readonly string[];
}

export interface ReportWritten {
  posts: number;
  benefits: number;
  /** Principles with an assessment or commentary carried over from the report replaced. */
  keptAssessments: number;
  keptObjectives: number;
}

/**
 * Writes (or refreshes) the annual report in the open workbook: the posts and benefits as JW
 * Posts and JW Benefits hold them now (or a newly imported register), the Summary with its
 * benefits section, and JW Report with what officers typed in the report it replaces. The
 * import's issues sheet is left as it is.
 */
export async function writeAnnualReport(
  partnership: Partnership,
  options: { register?: NewRegister | null; previous?: PreviousFigures | null; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReportWritten> {
  const codes = partnership.authorities.map((a) => a.code);
  const read = await readSheetValues([SHEET.posts, BENEFIT_SHEET.benefits, BENEFIT_SHEET.report]);
  const postsGrid = read.get(SHEET.posts);
  if (!postsGrid) throw invalid(`This workbook has no ${SHEET.posts} sheet yet: import the post list on the Import tab first.`);
  const posts = postsFromTable(postsGrid, codes);
  const benefits = options.register ? options.register.benefits : benefitsFromTable(read.get(BENEFIT_SHEET.benefits) ?? [], codes);
  const reportGrid = read.get(BENEFIT_SHEET.report);
  const kept = reportGrid ? readReportInputs(reportGrid) : undefined;
  // Without a new last-year file, the comparison the report already shows is kept.
  const previous = options.previous ?? (reportGrid ? previousKeptInReport(reportGrid) : null);
  const built = reportPlan({
    partnership,
    posts,
    rejected: [],
    sourceHeaders: [],
    includePartnership: false,
    benefits: { benefits, rejected: options.register?.rejected ?? [], sourceHeaders: options.register?.sourceHeaders ?? [] },
    ...(kept ? { kept } : {}),
    ...(previous ? { previous } : {}),
  });
  // The post list's rejected rows stay where the import put them; a register's only when re-imported.
  const skip = new Set<string>([SHEET.issues, ...(options.register ? [] : [BENEFIT_SHEET.issues])]);
  await writePlan({ ...built.plan, sheets: built.plan.sheets.filter((s) => !skip.has(s.name)) }, { onProgress: options.onProgress });
  return {
    posts: posts.length,
    benefits: benefits.length,
    keptAssessments: kept ? kept.principles.filter((p) => p.assessment || p.commentary).length : 0,
    keptObjectives: kept ? kept.objectives.length : 0,
  };
}
