export * from "./plan";
export * from "./a1";
export * from "./sheetNames";
export * from "./partnershipSheet";
export * from "./postsSheet";
export * from "./summarySheet";
export * from "./issuesSheet";
export * from "./importPlan";
export * from "./fromPostList";
export * from "./methodSheet";
export * from "./projectionMethod";
export * from "./projectionSheet";
export * from "./trueUpSheet";
export * from "./benefitsSheet";
export * from "./benefitsSummary";
export * from "./benefitIssuesSheet";
export * from "./workbookKeeps";
export * from "./importPlanKeeping";
export { outturnsFromTable } from "./readBack";
// The annual report's modules (reportPlan, reportSheet, reportInputs, previousFigures,
// previousFile, readBack, principles) are imported from src/workbook/report.ts, not from here,
// so the task pane's first load does not carry them (its Annual report tab loads them lazily).
