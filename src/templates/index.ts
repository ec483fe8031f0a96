/**
 * Budget-holder costing templates, the pure half: the template as a sheet plan, reading a
 * template (or a returned file) for its input values, checking it as the import would, and
 * consolidating returns. Office.js lives in src/excel/; exceljs is loaded on demand.
 */
export * from "./version";
export * from "./fingerprint";
export * from "./layout";
export * from "./formulas";
export * from "./templateSheet";
export * from "./sheetCells";
export * from "./readTemplate";
export * from "./checkTemplate";
export * from "./readReturn";
export * from "./xlsxWriter";
export * from "./consolidate";
export * from "./postsTable";
