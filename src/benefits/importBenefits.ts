import type { Partnership } from "../postlist/partnership";
import { costBenefits, summariseBenefits, type BenefitCost, type BenefitSummary } from "./summarise";
import { validateBenefitLists, type BenefitListInput, type BenefitValidation } from "./validateBenefits";

/** The register's whole pure pipeline: validate → cost → per-council totals. */
export interface BenefitImport {
  validation: BenefitValidation;
  costs: BenefitCost[];
  summary: BenefitSummary;
}

export function importBenefitLists(inputs: readonly BenefitListInput[], partnership: Partnership): BenefitImport {
  const validation = validateBenefitLists(inputs, partnership);
  const costs = costBenefits(validation.benefits, partnership);
  return { validation, costs, summary: summariseBenefits(costs, partnership.authorities.length) };
}

/** No register given: every council's other benefits are 0. */
export function noBenefits(partnership: Partnership): BenefitImport {
  return importBenefitLists([], partnership);
}
