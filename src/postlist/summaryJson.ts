import { toPounds } from "../core/money";
import type { PostListImport } from "./importPostList";
import type { AuthorityTotals, PostListSummary } from "./summarise";
import type { ProjectedYear } from "./projectPosts";
import { totalBenefit } from "../benefits/summarise";
import type { BenefitImport } from "../benefits/importBenefits";

/**
 * The summary as the `jw-summary --json` contract gives it: money in pounds (numbers, to the
 * penny). A single post's parts show the home authority bearing its cost this year and the others
 * 0; its savings are all 0 (it has none). With `withSource`, each post and problem also names its
 * file (used when several post lists are read at once).
 *
 * Other benefits (rule 12): every authority and the total also carry `otherBenefits`,
 * `cashableBenefits` and `totalBenefit` (saving + otherBenefits; 0 and the saving when no
 * register is given), with a top-level `totalBenefit` and `noWorseWithCashableBenefits`
 * (Principle 3 on post savings plus cashable benefits). `noWorse` keeps its meaning: post savings.
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

export interface BenefitTotalsJson {
  otherBenefits: number;
  cashableBenefits: number;
  totalBenefit: number;
}

export interface SummaryJson {
  year: string;
  authorities: ({ code: string; name: string } & TotalsJson & BenefitTotalsJson)[];
  total: TotalsJson & BenefitTotalsJson;
  noWorse: boolean;
  /** Every council's total benefit added up: post savings plus other benefits. */
  totalBenefit: number;
  /** Principle 3 judged on post savings plus cashable benefits (rule 12). */
  noWorseWithCashableBenefits: boolean;
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
  /** The benefits register's rows, costed (empty without one). */
  benefits: {
    file?: string;
    row: number;
    benefit: string;
    kind: string;
    cashable: boolean;
    amount: number;
    thisYear: number;
    parts: Record<string, number>;
  }[];
  benefitsRejected: { file?: string; row: number; column: string; message: string }[];
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

export function summaryJson(result: PostListImport, options: { withSource?: boolean; benefits?: BenefitImport } = {}): SummaryJson {
  const { summary, costs, validation } = result;
  const codes = summary.authorities.map((a) => a.code);
  const file = (source: string | undefined) => (options.withSource ? { file: source ?? "" } : {});
  const n = codes.length;
  const b = options.benefits?.summary ?? { otherBenefits: new Array<number>(n).fill(0), cashableBenefits: new Array<number>(n).fill(0), byKind: {} as never };
  const t = totalBenefit(summary, b);
  const sum = (xs: readonly number[]) => xs.reduce((x, y) => x + y, 0);
  const benefitTotals = (other: number, cashable: number, total: number): BenefitTotalsJson => ({
    otherBenefits: toPounds(other),
    cashableBenefits: toPounds(cashable),
    totalBenefit: toPounds(total),
  });
  return {
    year: summary.year,
    authorities: summary.authorities.map((a, i) => ({ code: a.code, name: a.name, ...totals(a), ...benefitTotals(b.otherBenefits[i], b.cashableBenefits[i], t.totalBenefit[i]) })),
    total: { ...totals(summary.total), ...benefitTotals(sum(b.otherBenefits), sum(b.cashableBenefits), t.grandTotal) },
    noWorse: summary.noWorse,
    totalBenefit: toPounds(t.grandTotal),
    noWorseWithCashableBenefits: t.noWorseWithCashable,
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
    benefits: (options.benefits?.costs ?? []).map((c) => ({
      ...file(c.benefit.source),
      row: c.benefit.row,
      benefit: c.benefit.title,
      kind: c.benefit.kind,
      cashable: c.benefit.cashable,
      amount: c.benefit.amount,
      thisYear: toPounds(c.thisYear),
      parts: Object.fromEntries(codes.map((code, i) => [code, toPounds(c.parts[i])])),
    })),
    benefitsRejected: (options.benefits?.validation.rejected ?? []).map((p) => ({ ...file(p.source), row: p.row, column: p.column, message: p.message })),
    high: totalsBlockJson(result.high.summary),
  };
}
