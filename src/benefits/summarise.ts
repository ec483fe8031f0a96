import { toPence } from "../core/money";
import { BENEFIT_KINDS, benefitPartsPence, benefitThisYearPence, noPartnerWorseOffWithBenefits, totalBenefitPence, type BenefitKind, type BenefitTerms } from "../core/benefits";
import { daysCovered } from "../core/proRata";
import type { Partnership } from "../postlist/partnership";
import type { PostListSummary } from "../postlist/summarise";
import type { Benefit } from "./benefit";

/** One benefit costed for the year (pence). */
export interface BenefitCost {
  benefit: Benefit;
  days: number;
  thisYear: number;
  /** Each authority's part, partnership order. */
  parts: number[];
}

export function benefitTerms(b: Benefit): BenefitTerms {
  return { annualPence: toPence(b.amount), weights: b.shares, start: b.start ?? undefined, end: b.end ?? undefined, cashable: b.cashable };
}

export function costBenefits(benefits: readonly Benefit[], partnership: Partnership): BenefitCost[] {
  const year = partnership.year;
  return benefits.map((benefit) => {
    const terms = benefitTerms(benefit);
    return {
      benefit,
      days: daysCovered(year, { start: terms.start, end: terms.end }),
      thisYear: benefitThisYearPence(terms, year),
      parts: benefitPartsPence(terms, year),
    };
  });
}

/** Per authority (pence): other benefits, the cashable ones, and by kind. */
export interface BenefitSummary {
  otherBenefits: number[];
  cashableBenefits: number[];
  byKind: Record<BenefitKind, number[]>;
}

export function summariseBenefits(costs: readonly BenefitCost[], authorities: number): BenefitSummary {
  const zeros = () => new Array<number>(authorities).fill(0);
  const byKind = Object.fromEntries(BENEFIT_KINDS.map((k) => [k, zeros()])) as Record<BenefitKind, number[]>;
  const otherBenefits = zeros();
  const cashableBenefits = zeros();
  for (const c of costs) {
    for (let i = 0; i < authorities; i++) {
      otherBenefits[i] += c.parts[i];
      byKind[c.benefit.kind][i] += c.parts[i];
      if (c.benefit.cashable) cashableBenefits[i] += c.parts[i];
    }
  }
  return { otherBenefits, cashableBenefits, byKind };
}

/** The posts' summary with the benefits beside it: what the Summary sheet and the JSON show. */
export interface TotalBenefit {
  /** Per authority, pence. */
  totalBenefit: number[];
  /** Everything: the sum of the councils' total benefits. */
  grandTotal: number;
  /** Principle 3 judged on post savings plus cashable benefits (rule 12). */
  noWorseWithCashable: boolean;
}

export function totalBenefit(posts: PostListSummary, benefits: BenefitSummary): TotalBenefit {
  const savings = posts.authorities.map((a) => a.saving);
  const totals = savings.map((s, i) => totalBenefitPence(s, benefits.otherBenefits[i]));
  return {
    totalBenefit: totals,
    grandTotal: totals.reduce((a, b) => a + b, 0),
    noWorseWithCashable: noPartnerWorseOffWithBenefits(savings, benefits.cashableBenefits),
  };
}
