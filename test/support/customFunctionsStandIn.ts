/**
 * A stand-in for the `CustomFunctions` global Excel provides to the functions runtime: the
 * Error class and ErrorCode values the JW functions throw with. Installed once per process.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message);
    this.code = code;
  }
}

export function installCustomFunctionsStandIn(): void {
  const g = globalThis as Record<string, unknown>;
  if (!g.CustomFunctions) g.CustomFunctions = { Error: CustomFunctionsError, ErrorCode, associate: () => undefined };
}
