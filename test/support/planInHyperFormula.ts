/**
 * Loads a WorkbookPlan into HyperFormula the way Excel would hold it: values in text-formatted
 * columns stay text (HyperFormula's leading apostrophe), formulas are formulas, names are named
 * expressions. Lets a test read the figures Excel would show.
 */
import type { WorkbookPlan } from "../../src/workbook/plan";
import { FORMAT } from "../../src/workbook/plan";
import type { Grid } from "../../src/postlist/cells";
import { buildWorkbook, type HyperFormula } from "./jwHyperFormula";

function decode(a1: string): { column: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: +m[2] };
}

export function sheetsOf(plan: WorkbookPlan, base: Record<string, unknown[][]> = {}): Record<string, unknown[][]> {
  const sheets: Record<string, unknown[][]> = { ...base };
  for (const sheet of plan.sheets) {
    const grid: unknown[][] = [];
    for (const block of sheet.blocks) {
      const origin = decode(block.address);
      for (let r = 0; r < block.rows; r++) {
        const row = (grid[origin.row - 1 + r] ??= []);
        for (let c = 0; c < block.columns; c++) {
          const format = block.columnFormats?.[c];
          let value: unknown = block.formulas ? block.formulas[r][c] : block.values![r][c];
          if (block.values && typeof value === "string" && format === FORMAT.TEXT) value = `'${value}`;
          row[origin.column - 1 + c] = value;
        }
      }
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheets[sheet.name] = grid;
  }
  return sheets;
}

export function planInHyperFormula(plan: WorkbookPlan, base: Record<string, unknown[][]> = {}, extraNames: WorkbookPlan["names"] = []): HyperFormula {
  return buildWorkbook(
    sheetsOf(plan, base),
    [...plan.names, ...extraNames].map((n) => ({ name: n.name, expression: n.reference })),
  );
}

/** Reads a cell by sheet name and A1 address. */
export function valueAt(hf: HyperFormula, sheet: string, a1: string): unknown {
  const id = hf.getSheetId(sheet);
  if (id === undefined) throw new Error(`no sheet ${sheet}`);
  return hf.getCellValue(hf.simpleCellAddressFromString(a1, id)!);
}

/**
 * What Excel would hand back (range.values) for a sheet of the plan: values as written (text
 * without the apostrophe), a formula's result unknown (0). For the readers of src/workbook/readBack.ts.
 */
export function planSheetValues(plan: WorkbookPlan, name: string): Grid {
  return sheetsOf(plan)[name].map((row) => row.map((v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : typeof v === "string" && v.startsWith("=") ? 0 : v ?? null))) as Grid;
}
