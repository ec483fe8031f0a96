import { noPartnerWorseOff } from "./checks";
import type { FinancialYear } from "./financialYear";
import { proRataPence, type Period } from "./proRata";
import { splitPence } from "./split";

/**
 * Other benefits (cost-split-rules.md, rule 12): what a partnership saves beyond shared posts,
 * such as a service one council provides the other or a joint contract. Amounts in integer pence.
 */

/** The kinds the partnership review names; "other" for anything else. */
export const BENEFIT_KINDS = ["service provision", "cost avoidance", "joint procurement", "process efficiency", "property", "income", "other"] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export interface BenefitTerms {
  /** The annual amount, pence. */
  annualPence: number;
  /** Weights per authority in partnership order (a benefit to one council alone: 1 for it, 0 for the rest). */
  weights: readonly number[];
  /** Excel serials; undefined for the year's own start or end (rule 5). */
  start?: number;
  end?: number;
  /** Cashable: money the council no longer spends or now receives, which Principle 3 counts. */
  cashable: boolean;
}

/** The part of the annual amount that falls in the year, pro rata by days as a post's cost (rule 5). */
export function benefitThisYearPence(benefit: BenefitTerms, year: FinancialYear): number {
  const period: Period = { start: benefit.start, end: benefit.end };
  return proRataPence(benefit.annualPence, year, period, "days");
}

/** Each authority's part of the benefit this year: the split (rule 3) of the pro-rated amount. */
export function benefitPartsPence(benefit: BenefitTerms, year: FinancialYear): number[] {
  return splitPence(benefitThisYearPence(benefit, year), benefit.weights);
}

/** Per authority, in pence: all other benefits, and the cashable ones among them. */
export interface BenefitTotals {
  otherBenefits: number[];
  cashableBenefits: number[];
}

export function benefitTotals(benefits: readonly BenefitTerms[], year: FinancialYear, authorities: number): BenefitTotals {
  const otherBenefits = new Array<number>(authorities).fill(0);
  const cashableBenefits = new Array<number>(authorities).fill(0);
  for (const b of benefits) {
    const parts = benefitPartsPence(b, year);
    for (let i = 0; i < authorities; i++) {
      otherBenefits[i] += parts[i];
      if (b.cashable) cashableBenefits[i] += parts[i];
    }
  }
  return { otherBenefits, cashableBenefits };
}

/** A council's total benefit: its post saving plus its other benefits (pence). */
export function totalBenefitPence(postSaving: number, otherBenefits: number): number {
  return postSaving + otherBenefits;
}

/**
 * Principle 3 with other benefits: judged on each council's post savings plus its cashable
 * benefits (a cost avoided on paper does not keep a council from being worse off in cash).
 * Pence in, tolerance in pounds as rule 7's.
 */
export function noPartnerWorseOffWithBenefits(postSavings: readonly number[], cashableBenefits: readonly number[], tolerance = 0): boolean {
  return noPartnerWorseOff(postSavings.map((s, i) => (s + (cashableBenefits[i] ?? 0)) / 100), tolerance);
}
