/**
 * The benefits register (rule 12), the pure half: read with the post list's readers, validated
 * row by row, costed with src/core/benefits.ts. No Office imports, no file system.
 */
export * from "./benefit";
export * from "./columnMapping";
export * from "./validateBenefits";
export * from "./summarise";
export * from "./importBenefits";
