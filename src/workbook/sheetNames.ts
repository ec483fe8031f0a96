/**
 * The sheets and names the add-in owns. Every one starts with "JW" so an import can replace its
 * own output and nothing a user made.
 */
export const SHEET = {
  partnership: "JW Partnership",
  posts: "JW Posts",
  summary: "JW Summary",
  issues: "JW Import issues",
  method: "JW Method",
  trueUp: "JW True-up",
  outturn: "JW Outturn",
} as const;

export const TABLE = {
  posts: "JW_Posts",
  authorities: "JW_Authorities",
  issues: "JW_ImportIssues",
  outturn: "JW_Outturn",
} as const;

export const NAME = {
  year: "JW_Year",
  levy: "JW_Levy",
  periods: "JW_RechargePeriods",
  vat: "JW_VatOnRecharges",
  codes: "JW_Codes",
  names: "JW_Names",
  pensionRates: "JW_PensionRates",
  // On the Method sheet: the figures every formula reads.
  yearFirstDay: "JW_YearFirstDay",
  yearLastDay: "JW_YearLastDay",
  yearDays: "JW_YearDays",
  taxYear: "JW_TaxYear",
  niThreshold: "JW_NiThreshold",
  niRate: "JW_NiRate",
  niYears: "JW_NiYears",
  niThresholds: "JW_NiThresholds",
  niRates: "JW_NiRates",
  payVoteThreshold: "JW_PayVoteThreshold",
  noWorseTolerance: "JW_NoWorseTolerance",
  trueUpTolerance: "JW_TrueUpTolerance",
} as const;

/** Sheets an import (re)creates; the partnership sheet is written by the partnership form only. */
export const IMPORT_SHEETS: readonly string[] = [SHEET.posts, SHEET.summary, SHEET.issues, SHEET.method, "JW Projection", "JW Projection working"];

/** The benefits register (rule 12) and the annual report: written only when asked for. */
export const BENEFIT_SHEET = {
  benefits: "JW Benefits",
  issues: "JW Benefit issues",
  report: "JW Report",
} as const;

export const BENEFIT_TABLE = {
  benefits: "JW_Benefits",
  issues: "JW_BenefitIssues",
  objectives: "JW_Objectives",
} as const;
