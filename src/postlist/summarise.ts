import { noPartnerWorseOff } from "../core/checks";
import type { PostCost } from "./costPost";
import type { Partnership } from "./partnership";

/** Per-authority totals in pence. */
export interface AuthorityTotals {
  /** Its parts of joint posts. */
  jointCostShare: number;
  /** Its single posts' costs this year. */
  singlePostCost: number;
  /** Its baselines for joint posts (rule 6 where none was given). */
  baseline: number;
  /** Baseline − joint cost share. */
  saving: number;
}

export interface AuthoritySummary extends AuthorityTotals {
  code: string;
  name: string;
}

export interface PostListSummary {
  /** "2019/20" */
  year: string;
  authorities: AuthoritySummary[];
  total: AuthorityTotals;
  /** Principle 3 (rule 7): no authority's total saving below 0. */
  noWorse: boolean;
  /** Posts whose salary package (salary × FTE) is £100,000 or more: Full Council vote (rule 9). */
  payVotes: PostCost[];
  /** How many authority baselines of joint posts came from rule 6's assumption. */
  assumedBaselines: number;
}

/** Adds the posts' costs up per authority (post-list.md, "How a post list is costed"). */
export function summarisePosts(costs: readonly PostCost[], partnership: Partnership): PostListSummary {
  const authorities: AuthoritySummary[] = partnership.authorities.map((a) => ({ code: a.code, name: a.name, jointCostShare: 0, singlePostCost: 0, baseline: 0, saving: 0 }));
  const payVotes: PostCost[] = [];
  let assumed = 0;
  for (const c of costs) {
    if (c.payVote) payVotes.push(c);
    if (c.savings === null || c.baselines === null) {
      authorities[c.post.homeIndex].singlePostCost += c.costThisYear;
      continue;
    }
    for (let i = 0; i < authorities.length; i++) {
      authorities[i].jointCostShare += c.parts[i];
      authorities[i].baseline += c.baselines[i];
      authorities[i].saving += c.savings[i];
      if (c.assumedBaselines?.[i]) assumed++;
    }
  }
  const total: AuthorityTotals = { jointCostShare: 0, singlePostCost: 0, baseline: 0, saving: 0 };
  for (const a of authorities) {
    total.jointCostShare += a.jointCostShare;
    total.singlePostCost += a.singlePostCost;
    total.baseline += a.baseline;
    total.saving += a.saving;
  }
  const noWorse = noPartnerWorseOff(authorities.map((a) => a.saving));
  return { year: partnership.year.label, authorities, total, noWorse, payVotes, assumedBaselines: assumed };
}
