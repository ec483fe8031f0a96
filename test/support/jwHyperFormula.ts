/**
 * The JW functions registered in HyperFormula, a real spreadsheet engine (GPL: tests and
 * benchmarks only, never shipped). Each JW function is called exactly as the add-in's bundle
 * defines it, with arguments shaped as Excel hands them over: ranges as rows of cells, blanks as
 * null, dates as serial numbers; a thrown CustomFunctions.Error becomes a CellError that keeps
 * its message.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import * as jw from "../../src/functions/functions";
import { CustomFunctionsError, installCustomFunctionsStandIn } from "./customFunctionsStandIn";
import { useExcelRounding } from "./excelRounding";

installCustomFunctionsStandIn();

type Fn = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Spec {
  fn: Fn;
  arity: number;
  required: number;
  /** Index of the shares argument for functions that spill one value per authority. */
  sharesArg?: number;
  /** Index of the optional part argument. */
  partArg?: number;
  /** RECHARGE: index of periods (rows of the spill). */
  periodsArg?: number;
}

const SPECS: Record<string, Spec> = {
  SPLITCOST: { fn: jw.splitCost, arity: 3, required: 2, sharesArg: 1, partArg: 2 },
  SHARES: { fn: jw.shares, arity: 2, required: 1, sharesArg: 0, partArg: 1 },
  JOINTSAVING: { fn: jw.jointSaving, arity: 4, required: 3, sharesArg: 2, partArg: 3 },
  EMPLOYMENTCOST: { fn: jw.employmentCost, arity: 5, required: 3 },
  EMPLOYERNI: { fn: jw.employerNi, arity: 2, required: 2 },
  PRORATA: { fn: jw.proRata, arity: 5, required: 3 },
  RECHARGE: { fn: jw.recharge, arity: 4, required: 3, sharesArg: 1, periodsArg: 3 },
  NOWORSE: { fn: jw.noWorse, arity: 2, required: 1 },
  PAYVOTE: { fn: jw.payVote, arity: 2, required: 1 },
  PAYBACK: { fn: jw.payback, arity: 2, required: 2 },
  PROJECTEDSALARY: { fn: jw.projectedSalary, arity: 3, required: 2 },
};

function toExcel(value: unknown): unknown {
  if (value === EmptyValue) return null;
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toExcel));
  if (value instanceof CellError) return value;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return value;
}

function fromExcel(value: unknown): unknown {
  if (Array.isArray(value)) return SimpleRangeValue.onlyValues(value as never);
  return value;
}

class JwPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};
}

for (const [name, spec] of Object.entries(SPECS)) {
  const id = `JW.${name}`;
  const method = `jw_${name.toLowerCase()}`;
  const sizeMethod = `${method}_size`;
  JwPlugin.implementedFunctions[id] = {
    method,
    parameters: Array.from({ length: spec.arity }, (_, i) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: i >= spec.required,
    })),
    ...(spec.sharesArg !== undefined ? { sizeOfResultArrayMethod: sizeMethod, vectorizationForbidden: true } : {}),
  };
  const proto = JwPlugin.prototype as unknown as Record<string, unknown>;
  proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
    return (this as unknown as { runFunction: Fn }).runFunction(ast.args, state, this.metadata(id), (...args: unknown[]) => {
      try {
        return fromExcel(spec.fn(...args.map(toExcel)));
      } catch (e) {
        if (e instanceof CustomFunctionsError) return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
        throw e;
      }
    });
  };
  if (spec.sharesArg !== undefined) {
    proto[sizeMethod] = function (this: FunctionPlugin, ast: { args: { type: string; value?: unknown }[] }, state: unknown) {
      const self = this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize };
      if (spec.partArg !== undefined && ast.args.length > spec.partArg && ast.args[spec.partArg].type !== "EMPTY") return ArraySize.scalar();
      const shares = ast.args[spec.sharesArg!];
      if (!shares) return ArraySize.error();
      const size = self.arraySizeForAst(shares, state);
      const single = size.width === 1 && size.height === 1;
      const count = single ? 2 : Math.max(size.width, size.height);
      if (spec.periodsArg !== undefined) {
        const periods = ast.args[spec.periodsArg];
        const rows = periods && typeof periods.value === "number" ? periods.value : 12;
        return new ArraySize(count, Math.max(1, Math.floor(rows)));
      }
      return single || size.height === 1 ? new ArraySize(count, 1) : new ArraySize(1, count);
    };
  }
}

const translations = { enGB: Object.fromEntries(Object.keys(SPECS).map((n) => [`JW.${n}`, `JW.${n}`])) };
HyperFormula.registerFunctionPlugin(JwPlugin, translations);
useExcelRounding();

/** A HyperFormula workbook from sheets of A1-style rows, with the JW functions available. */
export function buildWorkbook(sheets: Record<string, unknown[][]>, namedExpressions: { name: string; expression: string }[] = []): HyperFormula {
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false }, namedExpressions.map((n) => ({ name: n.name, expression: n.expression })));
}

export { HyperFormula };
