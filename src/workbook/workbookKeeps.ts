import type { Cell, Grid } from "../postlist/cells";
import type { PlannedBenefit } from "./benefitsSheet";
import type { MethodSettings } from "./methodSheet";
import type { PlannedOutturn } from "./trueUpSheet";
import { benefitsFromTable, outturnsFromTable } from "./readBack";
import { BENEFIT_SHEET } from "./sheetNames";

/**
 * What a workbook holds beside the posts that a rewrite of JW Posts must not lose: the benefits
 * register, the outturn of a true-up, the Method sheet's hand-typed figures, and whether the
 * annual report or a projection is there. Read from the open workbook (src/excel/workbookKeeps.ts)
 * before an import, or built by a caller that has more to add (a consolidation's returns).
 */
export interface WorkbookKeeps {
  /** The JW Benefits table's inputs; null when the workbook has no such sheet. */
  benefits: PlannedBenefit[] | null;
  /** The JW Outturn table's inputs; null when the workbook has no true-up. */
  outturns: PlannedOutturn[] | null;
  /** What the Method sheet's input cells hold now (a figure absent is written at its default). */
  method: MethodSettings;
  /** JW Report exists (its formulas read JW Summary and JW Benefits). */
  report: boolean;
  /** JW Projection exists (its names live on the Method sheet). */
  projection: boolean;
}

/** A workbook with nothing of the add-in's beside the posts: a first import. */
export const NOTHING_KEPT: WorkbookKeeps = { benefits: null, outturns: null, method: {}, report: false, projection: false };

/** The cells and sheets as read from the workbook: a sheet's values, or null for none. */
export interface KeptCells {
  benefits: Grid | null;
  outturn: Grid | null;
  method: Record<keyof MethodSettings, Cell>;
  report: boolean;
  projection: boolean;
}

/**
 * A Method figure as typed: a number is kept as it is (even an unusual one: the workbook already
 * computes with it); text, a blank or an error is not a figure, so the default is written instead.
 */
function figure(c: Cell): number | undefined {
  return typeof c === "number" && Number.isFinite(c) ? c : undefined;
}

export function methodSettingsFromCells(cells: KeptCells["method"]): MethodSettings {
  const out: MethodSettings = {};
  for (const key of ["payVoteThreshold", "noWorseTolerance", "trueUpTolerance"] as const) {
    const value = figure(cells[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Refused rather than dropped when councils changed: the register's shares are per council, and
 * writing the import without it would lose it (and the report's figures with it).
 */
const OTHER_COUNCILS = `the register's shares are for other councils, so an import for these councils cannot keep it: copy its rows elsewhere if they are needed, delete the ${BENEFIT_SHEET.benefits} sheet, import, then import the register again on the Annual report tab`;

export function workbookKeeps(read: KeptCells, codes: readonly string[]): WorkbookKeeps {
  return {
    benefits: read.benefits === null ? null : benefitsFromTable(read.benefits, codes, OTHER_COUNCILS),
    outturns: read.outturn === null ? null : outturnsFromTable(read.outturn),
    method: methodSettingsFromCells(read.method),
    report: read.report,
    projection: read.projection,
  };
}
