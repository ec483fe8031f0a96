/**
 * The partnership's nine principles, as the annual report lists them for assessment (the OCC/CDC
 * review's Table 4 assesses each: "Principle met" or why not). Only Principle 3's wording is
 * known for certain here (the spec: "both councils must show savings or a neutral position");
 * the others are written from the partnership's published aims and MUST be checked against the
 * agreed wording before a report is published. Kept in this one constant so that is one edit;
 * officers can also edit a principle's text in the report, and a refresh keeps their wording.
 */
export const PARTNERSHIP_PRINCIPLES: readonly string[] = [
  "Each council keeps its own identity, sovereignty, budget and decision-making.",
  "Joint working is in the interests of the residents of both councils and improves the services they receive.",
  "Both councils must show savings or a neutral position: no council is worse off.",
  "Costs and savings are shared fairly and transparently, in proportion to the benefit each council receives.",
  "Each new area of joint working is agreed through a business case approved by both councils.",
  "Staff are treated fairly and consistently, and remain employed by their home council.",
  "The partnership is governed openly and accountably, through the joint committee and both councils' scrutiny committees.",
  "Risks to either council are identified, shared and managed, and neither council takes on the other's liabilities.",
  "The partnership is reviewed regularly, and either council may propose changes to it or withdraw from it.",
];

/** What the report says about the wording above, printed under the principles table. */
export const PRINCIPLES_WORDING_NOTE =
  "Check each principle's wording against the partnership's agreed principles (the review's Table 4) before publishing: Principle 3 is as agreed; the others are a starting point and may be edited here (a refresh keeps your wording).";

/** The assessment a principle or objective can be given (a list on the report). */
export const ASSESSMENTS: readonly string[] = ["Met", "Partly met", "Not yet", "Not met"];
