import { RuleError } from "../core/errors";

/**
 * Turns anything a rule throws into the Excel error the contract names: #VALUE! for a bad
 * argument, #N/A for a year outside the on-cost table. Excel shows a custom message for those
 * two codes only, so nothing else is ever thrown. `CustomFunctions` is read at call time: the
 * host (or a test) provides it as a global.
 */
function excelError(code: "#VALUE!" | "#N/A", message: string): Error {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (!cf) {
    const error = new Error(message);
    (error as Error & { code: string }).code = code;
    return error;
  }
  const errorCode = code === "#N/A" ? cf.ErrorCode.notAvailable : cf.ErrorCode.invalidValue;
  return new cf.Error(errorCode, message) as unknown as Error;
}

function assertFinite(value: unknown): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RuleError("invalid", "the result is too large to show: check the amounts given.");
  } else if (Array.isArray(value)) {
    for (const item of value) assertFinite(item);
  }
}

/** Runs one function body; returns its value or throws the Excel error for what went wrong. */
export function guard<T>(fn: string, body: () => T): T {
  try {
    const result = body();
    assertFinite(result);
    return result;
  } catch (e) {
    if (e instanceof RuleError) throw excelError(e.kind === "unknownYear" ? "#N/A" : "#VALUE!", `${fn}: ${e.message}`);
    throw excelError("#VALUE!", `${fn}: the arguments could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
}
