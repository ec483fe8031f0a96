import { RuleError, invalid } from "../core/errors";
import { parseFinancialYear, type FinancialYear } from "../core/financialYear";
import { serialFromText } from "../core/dates";
import type { ProRataBasis } from "../core/proRata";

/**
 * One argument-reading layer for every JW function: it turns what Excel hands over (numbers,
 * text, booleans, null/undefined for omitted, rows of cells for ranges, serial dates) into the
 * engine's types, or a RuleError whose message names the argument and says what to give.
 */

/** Excel's last date, 31 December 9999. */
const LAST_SERIAL = 2_958_465;

export function isOmitted(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function describe(value: unknown): string {
  if (typeof value === "string") return value.trim() === "" ? "blank" : `the text "${value.length > 30 ? value.slice(0, 30) + "…" : value}"`;
  if (typeof value === "boolean") return `${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return String(value);
  if (isOmitted(value)) return "blank";
  return "not a number";
}

/** A required or optional number; text, booleans and blanks are refused with a message. */
export function readNumber(value: unknown, name: string, fallback?: number): number {
  if (isOmitted(value) && fallback !== undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isOmitted(value) || value === "") throw invalid(`${name} is blank: give a number.`);
  throw invalid(`${name} is ${describe(value)}: give a number.`);
}

/**
 * The largest amount a split takes: Excel holds 15 significant digits, so £9,999,999,999,999.99
 * is the largest it shows to the penny. Beyond it a double no longer holds every penny, a split
 * cannot add back exactly, and (past 2^53 pence) the largest-remainder pass would not finish.
 */
export const MAX_AMOUNT = 9_999_999_999_999.99;

/** An amount of money to split: a number no larger than MAX_AMOUNT either way. */
export function readAmount(value: unknown, name: string): number {
  const n = readNumber(value, name);
  if (Math.abs(n) > MAX_AMOUNT) throw invalid(`${name} is ${n}: give an amount between -9,999,999,999,999.99 and 9,999,999,999,999.99 (15 digits, as Excel holds), so the parts add back to the penny.`);
  return n;
}

export function readNonNegative(value: unknown, name: string, fallback?: number): number {
  const n = readNumber(value, name, fallback);
  if (n < 0) throw invalid(`${name} is ${n}: it cannot be negative.`);
  return n;
}

/** Which way a range runs, so a per-authority result comes back in the same shape. */
export type Orientation = "row" | "column";

export interface ReadRange {
  values: number[];
  orientation: Orientation;
}

function rows(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * A range of numbers that must be one row or one column (one value per authority). Blank
 * cells are refused: a blank share or baseline would otherwise pass as zero.
 */
export function readVector(value: unknown, name: string): ReadRange {
  const grid = rows(value);
  const height = grid.length;
  const width = height === 0 ? 0 : grid[0].length;
  if (height === 0 || width === 0) throw invalid(`${name} is empty: select the cells that hold one value per authority.`);
  for (const row of grid) if (row.length !== width) throw invalid(`${name} is not a rectangular range: select one row or one column.`);
  if (height > 1 && width > 1) throw invalid(`${name} is ${height} rows by ${width} columns: select one row or one column, one value per authority.`);
  const cells = height === 1 ? grid[0] : grid.map((row) => row[0]);
  const values = new Array<number>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "number" && Number.isFinite(cell)) values[i] = cell;
    else if (isOmitted(cell) || cell === "") throw invalid(`${name}: cell ${i + 1} is blank; fill it in (a share or amount of 0 must be typed as 0).`);
    else throw invalid(`${name}: cell ${i + 1} is ${describe(cell)}; give a number.`);
  }
  return { values, orientation: height === 1 ? "row" : "column" };
}

/** Every cell of a range of any shape, as numbers; blanks are refused. */
export function readAll(value: unknown, name: string): number[] {
  const grid = rows(value);
  const out: number[] = [];
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const cell = grid[r][c];
      if (typeof cell === "number" && Number.isFinite(cell)) out.push(cell);
      else if (isOmitted(cell) || cell === "") throw invalid(`${name}: the cell in row ${r + 1}, column ${c + 1} of the range is blank; every cell needs a number.`);
      else throw invalid(`${name}: the cell in row ${r + 1}, column ${c + 1} is ${describe(cell)}; give a number.`);
    }
  }
  if (out.length === 0) throw invalid(`${name} is empty: select the cells to check.`);
  return out;
}

/** An optional 1-based position among `count` authorities, or undefined for all of them. */
export function readPart(value: unknown, count: number, name = "part"): number | undefined {
  if (isOmitted(value)) return undefined;
  const n = readNumber(value, name);
  if (!Number.isInteger(n) || n < 1 || n > count) throw invalid(`${name} is ${n}: give a whole number from 1 to ${count} (one per authority).`);
  return n;
}

export function readYear(value: unknown, name = "year"): FinancialYear {
  if (typeof value === "boolean") throw invalid(`${name} is ${describe(value)}: write it as "2019/20" or 2019.`);
  return parseFinancialYear(value, name);
}

/**
 * A date cell: a serial number, or ISO/UK text. Blank (null, "", 0) means "none", since no real
 * date is serial 0.
 */
export function readDate(value: unknown, name: string): number | undefined {
  if (isOmitted(value) || value === "" || value === 0) return undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > LAST_SERIAL) throw invalid(`${name} is ${value}: give a date (a date cell, or text such as 01/10/2019).`);
    return Math.floor(value);
  }
  if (typeof value === "string") {
    if (value.trim() === "") return undefined;
    try {
      return serialFromText(value);
    } catch (e) {
      if (e instanceof RuleError) throw invalid(`${name}: ${e.message}`);
      throw e;
    }
  }
  throw invalid(`${name} is ${describe(value)}: give a date.`);
}

export function readBasis(value: unknown, name = "basis"): ProRataBasis {
  if (isOmitted(value) || value === "") return "days";
  if (typeof value === "string") {
    const basis = value.trim().toLowerCase();
    if (basis === "days" || basis === "months") return basis;
  }
  throw invalid(`${name} is ${describe(value)}: give "days" or "months".`);
}

/** Excel's rows: no spill can be longer, so no count of rows needs to be larger. */
export const MAX_ROWS = 1_048_576;

/** A whole number of 1 or more, up to Excel's 1,048,576 rows (it sets the rows of a spill). */
export function readCount(value: unknown, name: string, fallback: number, what: string): number {
  const n = readNumber(value, name, fallback);
  if (!Number.isInteger(n) || n < 1) throw invalid(`${name} is ${n}: give a whole number of 1 or more (${what}).`);
  if (n > MAX_ROWS) throw invalid(`${name} is ${n}: give a whole number up to 1,048,576, the rows in a sheet (${what}).`);
  return n;
}

/** Lays per-authority values out the way the shares were given. */
export function shaped(values: readonly number[], orientation: Orientation): number[][] {
  return orientation === "row" ? [values.slice()] : values.map((v) => [v]);
}
