import { plainSum, roundMoney } from "./money";
import { daysCoveredFormula, proRataDaysFormula, type YearRefs } from "./proRata";
import { splitPartFormula, type SplitRefs } from "./split";
import { noWorseFormula } from "./checks";

/**
 * Rule 12 (other benefits), written as Excel formulas; computed in src/core/benefits.ts. A
 * benefit counts for the days of the year it covers (rule 5, as a post's cost) and each council's
 * part is the largest-remainder split (rule 3) of that, over the same helper cells as a post's
 * split (src/formulas/split.ts).
 */

/** Days of the year the benefit covers. */
export function benefitDaysFormula(start: string, end: string, year: YearRefs): string {
  return daysCoveredFormula(start, end, year);
}

/** The benefit this year: the annual amount pro rata by days, to the penny. */
export function benefitThisYearFormula(amount: string, days: string, year: YearRefs): string {
  return proRataDaysFormula(amount, days, year);
}

/**
 * A council's part: the split of the benefit this year by the shares, or #N/A when the shares no
 * longer add up to 100% (as the Posts table does: never a figure split by shares nobody agreed).
 */
export function benefitPartFormula(split: SplitRefs, k: number): string {
  return `IF(ABS(${plainSum(split.weights)}-1)<=0.000000001,${splitPartFormula(split, k)},NA())`;
}

/** A council's other benefits: the sum of its parts. */
export function otherBenefitsFormula(parts: string): string {
  return roundMoney(`SUM(${parts})`);
}

/** A council's cashable benefits: its parts of the benefits marked Y (or whose cashable cells meet another criterion, TRUE() for a working column). */
export function cashableBenefitsFormula(parts: string, cashable: string, criterion = '"Y"'): string {
  return roundMoney(`SUMIFS(${parts},${cashable},${criterion})`);
}

/** A council's benefits of one kind (the kind's name, or a cell holding it). */
export function benefitsOfKindFormula(parts: string, kinds: string, kind: string): string {
  return roundMoney(`SUMIFS(${parts},${kinds},${kind})`);
}

/** Total benefit: post saving plus other benefits. */
export function totalBenefitFormula(saving: string, otherBenefits: string): string {
  return roundMoney(`${saving}+${otherBenefits}`);
}

/** What Principle 3 is judged on with benefits: post saving plus cashable benefits. */
export function savingWithCashableFormula(saving: string, cashable: string): string {
  return roundMoney(`${saving}+${cashable}`);
}

/** Principle 3 over the councils' post savings plus cashable benefits. */
export function noWorseWithCashableFormula(savingsWithCashable: string, tolerance: string): string {
  return noWorseFormula(savingsWithCashable, tolerance);
}
