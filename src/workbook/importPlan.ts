import type { WorkbookPlan } from "./plan";
import { partnershipSheetPlan, type PartnershipSettings } from "./partnershipSheet";
import { postsSheetPlan, type PlannedPost, type PostsLayout } from "./postsSheet";
import { summarySheetPlan, type SummaryLayout } from "./summarySheet";
import { issuesSheetPlan, type RejectedRecord } from "./issuesSheet";
import { SHEET } from "./sheetNames";
import { methodSheetPlan } from "./methodSheet";
import type { ProjectionAssumptions } from "./projectionMethod";
import { PROJECTION_SHEET, projectionSheetPlans, type ProjectionLayout } from "./projectionSheet";
import { benefitsSheetPlan, type BenefitsLayout, type PlannedBenefit } from "./benefitsSheet";
import { benefitIssuesSheetPlan } from "./benefitIssuesSheet";

export interface ImportPlanInput {
  partnership: PartnershipSettings;
  posts: readonly PlannedPost[];
  rejected: readonly RejectedRecord[];
  sourceHeaders: readonly string[];
  /** Also (re)write the partnership sheet and its names (first import, or settings changed). */
  includePartnership: boolean;
  /** Optional: a benefits register (rule 12), written as its own table and counted in the Summary. */
  benefits?: { benefits: readonly PlannedBenefit[]; rejected: readonly RejectedRecord[]; sourceHeaders: readonly string[] };
  /** The year-end true-up tolerance the Method sheet carries (default 3%). */
  trueUpTolerance?: number;
  /** The pay-vote threshold the Method sheet carries (default £100,000, rule 9). */
  payVoteThreshold?: number;
  /** The Principle 3 tolerance the Method sheet carries (default 0, rule 7). */
  noWorseTolerance?: number;
  /** Rule 14: also write the Projection sheets over these years and pay awards. */
  projection?: ProjectionAssumptions;
}

export interface ImportPlan {
  plan: WorkbookPlan;
  posts: PostsLayout;
  summary: SummaryLayout;
  projection?: ProjectionLayout;
  benefits?: BenefitsLayout;
}

/** Everything one import writes, as data: partnership (optional), Posts, Summary, issues. */
export function importPlan(input: ImportPlanInput): ImportPlan {
  const codes = input.partnership.authorities.map((a) => a.code);
  const posts = postsSheetPlan(codes, input.posts);
  const benefits = input.benefits ? benefitsSheetPlan(codes, input.benefits.benefits) : null;
  const summary = summarySheetPlan(
    input.partnership.authorities,
    input.partnership.year.label,
    posts.layout,
    input.posts.length,
    benefits ? { layout: benefits.layout, count: input.benefits!.benefits.length } : undefined,
  );
  const issues = issuesSheetPlan(input.sourceHeaders, input.rejected);
  const partnership = input.includePartnership ? partnershipSheetPlan(input.partnership) : null;
  const method = methodSheetPlan(codes.length, undefined, {
    trueUpTolerance: input.trueUpTolerance,
    payVoteThreshold: input.payVoteThreshold,
    noWorseTolerance: input.noWorseTolerance,
    projection: input.projection,
  });
  const projection = input.projection ? projectionSheetPlans(codes, posts.layout, input.posts.length, input.projection.years) : null;
  return {
    posts: posts.layout,
    summary: summary.layout,
    ...(projection ? { projection: projection.layout } : {}),
    ...(benefits ? { benefits: benefits.layout } : {}),
    plan: {
      sheets: [
        ...(partnership ? [partnership.sheet] : []),
        posts.sheet,
        summary.sheet,
        ...(projection ? projection.sheets : []),
        issues,
        ...(benefits ? [benefits.sheet, benefitIssuesSheetPlan(input.benefits!.sourceHeaders, input.benefits!.rejected)] : []),
        method.sheet,
      ],
      names: [...(partnership ? partnership.names : []), ...method.names],
      activate: SHEET.summary,
      // A projection from an earlier import reads the Posts table row by row: without a new one, it goes.
      ...(projection ? {} : { remove: [PROJECTION_SHEET.projection, PROJECTION_SHEET.working] }),
    },
  };
}
