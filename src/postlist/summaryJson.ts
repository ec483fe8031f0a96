import { toPounds } from "../core/money";
import type { PostListImport } from "./importPostList";
import type { AuthorityTotals } from "./summarise";

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

export interface SummaryJson {
  year: string;
  authorities: ({ code: string; name: string } & TotalsJson)[];
  total: TotalsJson;
  noWorse: boolean;
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
}

function totals(t: AuthorityTotals): TotalsJson {
  return { jointCostShare: toPounds(t.jointCostShare), singlePostCost: toPounds(t.singlePostCost), baseline: toPounds(t.baseline), saving: toPounds(t.saving) };
}

export function summaryJson(result: PostListImport, options: { withSource?: boolean } = {}): SummaryJson {
  const { summary, costs, validation } = result;
  const codes = summary.authorities.map((a) => a.code);
  const file = (source: string | undefined) => (options.withSource ? { file: source ?? "" } : {});
  return {
    year: summary.year,
    authorities: summary.authorities.map((a) => ({ code: a.code, name: a.name, ...totals(a) })),
    total: totals(summary.total),
    noWorse: summary.noWorse,
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
  };
}
