/** The annual report's modules, apart from the workbook index so they load only with the report. */
export * from "./principles";
export * from "./reportInputs";
export * from "./previousFigures";
export * from "./reportSheet";
export * from "./reportPlan";
export * from "./readBack";
export * from "./previousFile";
export * from "./keptReport";
