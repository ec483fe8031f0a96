import type { WorkbookPlan } from "./plan";
import { partnershipSheetPlan, type PartnershipSettings } from "./partnershipSheet";
import { postsSheetPlan, type PlannedPost, type PostsLayout } from "./postsSheet";
import { summarySheetPlan, type SummaryLayout } from "./summarySheet";
import { issuesSheetPlan, type RejectedRecord } from "./issuesSheet";
import { SHEET } from "./sheetNames";
import { methodSheetPlan } from "./methodSheet";
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
}

export interface ImportPlan {
  plan: WorkbookPlan;
  posts: PostsLayout;
  summary: SummaryLayout;
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
  const method = methodSheetPlan(codes.length, undefined, { trueUpTolerance: input.trueUpTolerance });
  return {
    posts: posts.layout,
    summary: summary.layout,
    ...(benefits ? { benefits: benefits.layout } : {}),
    plan: {
      sheets: [
        ...(partnership ? [partnership.sheet] : []),
        posts.sheet,
        summary.sheet,
        issues,
        ...(benefits ? [benefits.sheet, benefitIssuesSheetPlan(input.benefits!.sourceHeaders, input.benefits!.rejected)] : []),
        method.sheet,
      ],
      names: [...(partnership ? partnership.names : []), ...method.names],
      activate: SHEET.summary,
    },
  };
}
