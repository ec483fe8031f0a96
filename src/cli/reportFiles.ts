import { readFile } from "node:fs/promises";
import { RuleError } from "../core/errors";
import { looksLikeZip, readWorkbook, workbookSheetNames } from "../postlist/index";
import { BENEFIT_SHEET } from "../workbook/index";
import { previousFromWorkbook, previousKeptInReport, readReportInputs, type PreviousFigures, type ReportInputs } from "../workbook/report";

async function bytesOf(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new RuleError("invalid", `${what} ${path} cannot be read: ${code === "ENOENT" ? "no such file" : (e as Error).message}.`);
  }
}

/** Last year's figures from last year's report (its JW Report sheet) or workbook (its JW Summary). */
export async function readPreviousFile(path: string): Promise<PreviousFigures> {
  const bytes = await bytesOf(path, "--previous");
  try {
    return await previousFromWorkbook(bytes, path);
  } catch (e) {
    if (e instanceof RuleError) throw new RuleError("invalid", `--previous ${e.message}`);
    throw e;
  }
}

/**
 * What the report being replaced holds that a new one must keep: what officers typed (its
 * principles and objectives) and the last year's figures it compared with; null when there is none.
 */
export async function readKeptReport(path: string): Promise<{ inputs: ReportInputs; previous: PreviousFigures | null } | null> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return null;
  }
  if (!looksLikeZip(bytes)) return null;
  const sheets = await workbookSheetNames(bytes);
  if (!sheets.includes(BENEFIT_SHEET.report)) return null;
  const grid = (await readWorkbook(bytes, BENEFIT_SHEET.report)).grid;
  return { inputs: readReportInputs(grid), previous: previousKeptInReport(grid) };
}
