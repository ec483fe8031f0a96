/**
 * Errors raised by the rules. The custom functions turn them into Excel errors:
 * `invalid` → #VALUE!, `unknownYear` → #N/A (custom-functions.md, "Results").
 */
export type RuleErrorKind = "invalid" | "unknownYear";

export class RuleError extends Error {
  readonly kind: RuleErrorKind;
  constructor(kind: RuleErrorKind, message: string) {
    super(message);
    this.name = "RuleError";
    this.kind = kind;
  }
}

export function invalid(message: string): RuleError {
  return new RuleError("invalid", message);
}
