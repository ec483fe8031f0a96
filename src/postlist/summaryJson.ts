import { toPounds } from "../core/money";
import type { PostListImport } from "./importPostList";
import type { AuthorityTotals, PostListSummary } from "./summarise";
import type { ProjectedYear } from "./projectPosts";

/**
 * The summary as the `jw-summary --json` contract gives it: money in pounds (numbers, to the
 * penny). A single post's parts show the home authority bearing its cost this year and the others
 * 0; its savings are all 0 (it has none). With `withSource`, each post and problem also names its
 * file (used when several post lists are read at once).
 */
export interface TotalsJson {
  jointCostShare: number;
  singlePostCost: number;
  baseline: number;
  saving: number;
}

/** Per-authority totals, the total and principle 3: the block `high` and each projected year repeat. */
export interface TotalsBlockJson {
  authorities: ({ code: string; name: string } & TotalsJson)[];
  total: TotalsJson;
  noWorse: boolean;
}

export interface SummaryJson extends TotalsBlockJson {
  year: string;
  posts: {
    file?: string;
    row: number;
    id: string | null;
    post: string;
    home: string;
    joint: boolean;
    annualCost: number;
    costThisYear: number;
    parts: Record<string, number>;
    savings: Record<string, number>;
  }[];
  rejected: { file?: string; row: number; column: string; message: string }[];
  /** Rule 13: the same totals at the top of every grade range (posts without a range at their salary). */
  high: TotalsBlockJson;
  /** Rule 14, with `jw-summary --years`: each projected year, the first equal to the fields above. */
  years?: ProjectedYearJson[];
}

export type ProjectedYearJson = { year: string } & TotalsBlockJson & { assumed: string[] };

/** A projection as the JSON's `years`. */
export function projectionJson(years: readonly ProjectedYear[]): ProjectedYearJson[] {
  return years.map((y) => ({ year: y.year.label, ...totalsBlockJson(y.summary), assumed: y.assumed }));
}

function totals(t: AuthorityTotals): TotalsJson {
  return { jointCostShare: toPounds(t.jointCostShare), singlePostCost: toPounds(t.singlePostCost), baseline: toPounds(t.baseline), saving: toPounds(t.saving) };
}

/** A summary's authorities, total and no-worse-off check, money in pounds. */
export function totalsBlockJson(summary: Pick<PostListSummary, "authorities" | "total" | "noWorse">): TotalsBlockJson {
  return {
    authorities: summary.authorities.map((a) => ({ code: a.code, name: a.name, ...totals(a) })),
    total: totals(summary.total),
    noWorse: summary.noWorse,
  };
}

export function summaryJson(result: PostListImport, options: { withSource?: boolean } = {}): SummaryJson {
  const { summary, costs, validation } = result;
  const codes = summary.authorities.map((a) => a.code);
  const file = (source: string | undefined) => (options.withSource ? { file: source ?? "" } : {});
  return {
    year: summary.year,
    ...totalsBlockJson(summary),
    posts: costs.map((c) => {
      const parts: Record<string, number> = {};
      const savings: Record<string, number> = {};
      codes.forEach((code, i) => {
        parts[code] = toPounds(c.parts[i]);
        savings[code] = c.savings === null ? 0 : toPounds(c.savings[i]);
      });
      return {
        ...file(c.post.source),
        row: c.post.row,
        id: c.post.id,
        post: c.post.title,
        home: c.post.home,
        joint: c.post.joint,
        annualCost: toPounds(c.annualCost),
        costThisYear: toPounds(c.costThisYear),
        parts,
        savings,
      };
    }),
    rejected: validation.rejected.map((p) => ({ ...file(p.source), row: p.row, column: p.column, message: p.message })),
    high: totalsBlockJson(result.high.summary),
  };
}
