export * from "./plan";
export * from "./a1";
export * from "./sheetNames";
export * from "./partnershipSheet";
export * from "./postsSheet";
export * from "./summarySheet";
export * from "./issuesSheet";
export * from "./importPlan";
