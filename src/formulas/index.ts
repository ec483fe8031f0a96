/**
 * The rules of cost-split-rules.md written as Excel formulas, one file per rule named as in
 * src/core (where they are computed). Only Excel 2016 and LibreOffice 7.4 built-ins: no JW
 * call, no LET, LAMBDA, XLOOKUP or dynamic arrays. Every sheet the add-in writes builds its
 * formulas from these, and test/engine binds each to the core to the penny.
 */
export * from "./money";
export * from "./onCosts";
export * from "./proRata";
export * from "./split";
export * from "./savings";
export * from "./recharge";
export * from "./checks";
export * from "./gradeRange";
export * from "./projection";
export * from "./trueUp";
export * from "./benefits";
