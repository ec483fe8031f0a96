import type { SheetPlan } from "./plan";
import { BENEFIT_SHEET, BENEFIT_TABLE } from "./sheetNames";
import { issuesSheetPlan, type RejectedRecord } from "./issuesSheet";

/** Rejected rows of a benefits register, laid out as the post list's issues sheet. */
export function benefitIssuesSheetPlan(sourceHeaders: readonly string[], rejected: readonly RejectedRecord[]): SheetPlan {
  const sheet = issuesSheetPlan(sourceHeaders, rejected);
  return { ...sheet, name: BENEFIT_SHEET.issues, table: sheet.table ? { ...sheet.table, name: BENEFIT_TABLE.issues } : undefined };
}
