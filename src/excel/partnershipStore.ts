import { invalid, RuleError } from "../core/errors";
import { type Cell, type Partnership, fractionFromCell, isBlank, makePartnership, readPartnershipAuthorities } from "../postlist/index";
import { PARTNERSHIP_LAYOUT, SHEET, partnershipSheetPlan } from "../workbook/index";
import { payAwardsFromText, type ProjectionSettings } from "../postlist/projectPosts";
import { MAX_PROJECTION_YEARS } from "../core/projection";
import { type WriteOptions, writePlan } from "./writePlan";

/**
 * The partnership kept in the workbook on the "JW Partnership" sheet (layout in
 * src/workbook/partnershipSheet.ts): read back when the task pane opens, written when it is saved.
 */

/** Most authorities read back: far more than any partnership. */
export const MAX_STORED_AUTHORITIES = 100;

/** The cells read: the settings block and the authorities table below it. */
export const PARTNERSHIP_READ_RANGE = `A1:C${PARTNERSHIP_LAYOUT.AUTHORITIES_HEADER_ROW + MAX_STORED_AUTHORITIES}`;

const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0", ""]);

function setting(values: readonly (readonly unknown[])[], offset: number): Cell {
  const v = values[PARTNERSHIP_LAYOUT.SETTINGS_FIRST_ROW - 1 + offset]?.[1];
  return v === undefined ? null : (v as Cell);
}

function where(offset: number): string {
  return `cell B${PARTNERSHIP_LAYOUT.SETTINGS_FIRST_ROW + offset}`;
}

/**
 * The partnership from the values of PARTNERSHIP_READ_RANGE (as Excel returns them: "" for an
 * empty cell). Throws a RuleError saying what is wrong when the sheet was edited into something
 * that is not a partnership.
 */
export function partnershipFromSheetValues(values: readonly (readonly unknown[])[]): Partnership {
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
    throw new Error(`The values of ${SHEET.partnership} were not read: load them and sync before reading.`);
  }
  const problems: string[] = [];

  const year = setting(values, 0);
  const levyCell = setting(values, 1);
  let levyRate: number | undefined;
  if (!isBlank(levyCell)) {
    const f = fractionFromCell(levyCell);
    if (f === null) problems.push(`The apprenticeship levy rate (${where(1)}) is not a rate: give it as a percentage such as 0.5%.`);
    else levyRate = f.value;
  }
  const periodsCell = setting(values, 2);
  let rechargePeriods: number | undefined;
  if (!isBlank(periodsCell)) {
    const n = typeof periodsCell === "number" ? periodsCell : Number(String(periodsCell).trim());
    if (!Number.isInteger(n) || n < 1) problems.push(`Recharge periods a year (${where(2)}) is not a whole number: give 12, 4 or 1.`);
    else rechargePeriods = n;
  }
  const vatCell = setting(values, 3);
  let vatOnRecharges = false;
  if (typeof vatCell === "boolean") vatOnRecharges = vatCell;
  else {
    const text = String(vatCell ?? "").trim().toLowerCase();
    if (YES.has(text)) vatOnRecharges = true;
    else if (!NO.has(text)) problems.push(`VAT on recharges (${where(3)}) is "${String(vatCell)}": give TRUE or FALSE.`);
  }

  const table = values.slice(PARTNERSHIP_LAYOUT.AUTHORITIES_HEADER_ROW - 1).map((row) => row.slice(0, 3).map((v) => (v === undefined ? null : (v as Cell))));
  let authorities: ReturnType<typeof readPartnershipAuthorities> = [];
  try {
    authorities = readPartnershipAuthorities(table);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  // Rule 14: the projection written with each import (rows added later: blank in older workbooks means none).
  const yearsCell = setting(values, 4);
  let projection: ProjectionSettings | null = null;
  if (!isBlank(yearsCell) && yearsCell !== 0) {
    const n = typeof yearsCell === "number" ? yearsCell : Number(String(yearsCell).trim());
    if (!Number.isInteger(n) || n < 0 || n > MAX_PROJECTION_YEARS) problems.push(`Projection years (${where(4)}) is "${String(yearsCell)}": give a whole number from 0 (no projection) to ${MAX_PROJECTION_YEARS}.`);
    else if (n > 0) {
      const awards = payAwardsFromText(String(setting(values, 5) ?? ""), `Pay awards (${where(5)})`);
      if ("problem" in awards) problems.push(awards.problem);
      else projection = { years: n, awards };
    }
  }
  if (problems.length > 0) throw invalid(problems.join("\n"));
  return makePartnership(authorities, { year: year as string | number, levyRate, rechargePeriods, vatOnRecharges, projection });
}

/**
 * Reads the partnership back from its sheet: null when the workbook has none yet. Throws a
 * RuleError (message for the user) when the sheet cannot be read as a partnership.
 */
export async function readStoredPartnership(): Promise<Partnership | null> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET.partnership);
    await context.sync();
    if (sheet.isNullObject) return null;
    const range = sheet.getRange(PARTNERSHIP_READ_RANGE);
    range.load("values");
    await context.sync();
    try {
      return partnershipFromSheetValues(range.values as unknown[][]);
    } catch (e) {
      if (e instanceof RuleError) {
        throw new RuleError(e.kind, `The "${SHEET.partnership}" sheet cannot be read as a partnership:\n${e.message}\nSet the partnership up in the form and save it to rewrite the sheet.`);
      }
      throw e;
    }
  });
}

/** Writes the partnership sheet and its named ranges (replacing the add-in's previous ones). */
export async function saveStoredPartnership(partnership: Partnership, options: WriteOptions = {}): Promise<void> {
  const { sheet, names } = partnershipSheetPlan(partnership);
  await writePlan({ sheets: [sheet], names }, options);
}
