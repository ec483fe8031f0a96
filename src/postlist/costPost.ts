import { toPence } from "../core/money";
import { employmentCostPence, type EmploymentCost, type NiFigures } from "../core/onCosts";
import { proRataPence, daysCovered, type Period } from "../core/proRata";
import { splitPence } from "../core/split";
import { assumedBaselinesPence } from "../core/savings";
import { needsPayVote } from "../core/checks";
import { type RangeEnd, salaryAt } from "../core/gradeRange";
import type { Partnership } from "./partnership";
import type { Post } from "./post";

/**
 * Costs one post as post-list.md's "How a post list is costed" says, each step rounded to the
 * penny (all amounts here in integer pence):
 * 1. annual cost: employment cost of salary × FTE at the home authority's pension rate and the
 *    partnership's levy rate;
 * 2. cost this year: the annual cost pro rata by days for the post's start and end;
 * 3. a joint post: parts = cost this year split by the shares; baselines = each baseline column
 *    pro rata over the same dates, or (rule 6) the cost this year for an authority with a share
 *    above 0 and 0 for one without; savings = baseline − part;
 * 4. a single post: the home authority bears the cost this year; no baseline or saving.
 */
export interface PostCost {
  post: Post;
  /** The annual employment cost and its pieces (pay, NI, pension, levy). */
  employment: EmploymentCost;
  annualCost: number;
  costThisYear: number;
  /** Days of the financial year the post covers. */
  days: number;
  /** Each authority's part (partnership order). A single post: the home authority's is the cost this year, the others 0. */
  parts: number[];
  /** Joint posts: each authority's baseline over the same dates; single posts: null. */
  baselines: number[] | null;
  /** Joint posts: true where rule 6's assumption (one post of its own at the same cost) gave the baseline. */
  assumedBaselines: boolean[] | null;
  /** Joint posts: baseline − part per authority; single posts: null. */
  savings: number[] | null;
  /** Rule 9: the salary package (salary × FTE) is £100,000 or more; on a grade range, judged on its top (rule 13). */
  payVote: boolean;
}

export interface CostOptions {
  /** Which end of a grade range to cost (rule 13): the bottom (default) or the top. A post without a range costs the same at both. */
  end?: RangeEnd;
  /** Employer NI figures instead of the table's for the year (a projected year past the table, rule 14). */
  ni?: NiFigures;
}

export function costPost(post: Post, partnership: Partnership, options: CostOptions = {}): PostCost {
  const { year, authorities } = partnership;
  const home = authorities[post.homeIndex];
  const salary = salaryAt(post.salary, post.salaryMax, options.end ?? "low");
  const employment = employmentCostPence({ salary, fte: post.fte, year, pensionRate: home.pensionRate, levyRate: partnership.levyRate, ni: options.ni });
  const period: Period = { start: post.start ?? undefined, end: post.end ?? undefined };
  const annualCost = employment.total;
  const costThisYear = proRataPence(annualCost, year, period, "days");
  const days = daysCovered(year, period);
  const payVote = needsPayVote(toPence(salaryAt(post.salary, post.salaryMax, "high") * post.fte) / 100);

  if (!post.joint || post.shares === null) {
    const parts = authorities.map((_, i) => (i === post.homeIndex ? costThisYear : 0));
    return { post, employment, annualCost, costThisYear, days, parts, baselines: null, assumedBaselines: null, savings: null, payVote };
  }
  const parts = splitPence(costThisYear, post.shares);
  const assumed = assumedBaselinesPence(costThisYear, post.shares);
  const baselines = new Array<number>(authorities.length);
  const assumedBaselines = new Array<boolean>(authorities.length);
  const savings = new Array<number>(authorities.length);
  for (let i = 0; i < authorities.length; i++) {
    const given = post.baselines[i];
    assumedBaselines[i] = given === null || given === undefined;
    baselines[i] = assumedBaselines[i] ? assumed[i] : proRataPence(toPence(given as number), year, period, "days");
    savings[i] = baselines[i] - parts[i];
  }
  return { post, employment, annualCost, costThisYear, days, parts, baselines, assumedBaselines, savings, payVote };
}

export function costPosts(posts: readonly Post[], partnership: Partnership, options: CostOptions = {}): PostCost[] {
  return posts.map((p) => costPost(p, partnership, options));
}
