import { invalid } from "./errors";

/** Principle 3 of the partnership (rule 7): no saving below −tolerance. */
export function noPartnerWorseOff(savings: readonly number[], tolerance = 0): boolean {
  if (!Number.isFinite(tolerance) || tolerance < 0) throw invalid("tolerance must be 0 or more (an amount in pounds).");
  for (let i = 0; i < savings.length; i++) if (savings[i] < -tolerance) return false;
  return true;
}

export const PAY_VOTE_THRESHOLD = 100_000;

/** Rule 9: a whole salary package at or above the threshold needs a Full Council vote. */
export function needsPayVote(salary: number, threshold = PAY_VOTE_THRESHOLD): boolean {
  if (!Number.isFinite(salary) || salary < 0) throw invalid("salary must be an annual package of 0 or more.");
  if (!Number.isFinite(threshold) || threshold < 0) throw invalid("threshold must be an amount of 0 or more (default 100,000).");
  return salary >= threshold;
}

/** Rule 10: years for the annual saving to repay the one-off costs. */
export function paybackYears(oneOffCost: number, annualSaving: number): number {
  if (!Number.isFinite(oneOffCost) || oneOffCost < 0) throw invalid("oneOffCost must be an amount of 0 or more (recruitment, redundancy, pay protection).");
  if (!Number.isFinite(annualSaving)) throw invalid("annualSaving must be a number.");
  if (!(annualSaving > 0)) throw invalid(`annualSaving is ${annualSaving}: with no positive saving there is no payback.`);
  const years = oneOffCost / annualSaving;
  if (!Number.isFinite(years)) throw invalid("the payback is too large to show: check oneOffCost and annualSaving.");
  return years;
}
