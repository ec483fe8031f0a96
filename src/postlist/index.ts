/**
 * Post-list import, the pure half: parse → validate → cost → summary. No Office imports, no file
 * system: the task pane and the jw-summary CLI both build on it.
 */
export * from "./cells";
export * from "./delimitedText";
export * from "./workbook";
export * from "./headerText";
export * from "./columnMapping";
export * from "./values";
export * from "./partnership";
export * from "./post";
export * from "./validatePostList";
export * from "./costPost";
export * from "./summarise";
export * from "./importPostList";
export * from "./summaryJson";
export * from "./salaryRange";
export * from "./projectPosts";
