/**
 * Excel's ROUND and ROUNDDOWN for HyperFormula. HyperFormula's own round the binary number
 * (ROUND(2.675, 2) is 2.67 there, 2.68 in Excel and LibreOffice); Excel judges at 15 significant
 * digits. The written formulas rely on Excel's behaviour, so the engine tests evaluate them with
 * it. Registered over the built-ins; tests only (HyperFormula is never shipped).
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions } from "hyperformula";
import { roundScaled } from "../../src/core/money";

/** The scaled magnitude as Excel reads it: 15 significant digits. */
function shown(scaled: number): number {
  return scaled === 0 ? 0 : Number(scaled.toPrecision(15));
}

export function excelRound(x: number, places: number): number {
  const factor = 10 ** places;
  const r = roundScaled(Math.abs(x) * factor) / factor;
  return x < 0 ? -r : r;
}

export function excelRoundDown(x: number, places: number): number {
  const factor = 10 ** places;
  const r = Math.floor(shown(Math.abs(x) * factor)) / factor;
  return x < 0 ? -r : r;
}

class ExcelRoundingPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    ROUND: {
      method: "excelRound",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
    ROUNDDOWN: {
      method: "excelRoundDown",
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };

  excelRound(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("ROUND"), (x: number, places: number) => excelRound(x, Math.trunc(places)));
  }

  excelRoundDown(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("ROUNDDOWN"), (x: number, places: number) => excelRoundDown(x, Math.trunc(places)));
  }
}

let registered = false;

/** Replaces HyperFormula's ROUND and ROUNDDOWN with Excel's (once per process). */
export function useExcelRounding(): void {
  if (registered) return;
  registered = true;
  HyperFormula.unregisterFunction("ROUND");
  HyperFormula.unregisterFunction("ROUNDDOWN");
  HyperFormula.registerFunctionPlugin(ExcelRoundingPlugin, { enGB: { ROUND: "ROUND", ROUNDDOWN: "ROUNDDOWN" } });
}
