import { invalid } from "../core/errors";
import { looksLikeZip, readWorkbook, workbookSheetNames } from "../postlist/workbook";
import { previousFromReport, previousFromSummary, type PreviousFigures } from "./previousFigures";
import { BENEFIT_SHEET, SHEET } from "./sheetNames";

/** Last year's figures from the bytes of last year's report (its JW Report) or workbook (its JW Summary). */
export async function previousFromWorkbook(bytes: Uint8Array, file: string): Promise<PreviousFigures> {
  if (!looksLikeZip(bytes)) throw invalid(`${file} is not an .xlsx workbook: give last year's report or workbook as the add-in wrote it.`);
  const sheets = await workbookSheetNames(bytes);
  if (sheets.includes(BENEFIT_SHEET.report)) {
    const found = previousFromReport((await readWorkbook(bytes, BENEFIT_SHEET.report)).grid, file);
    if (found) return found;
  }
  if (sheets.includes(SHEET.summary)) {
    const found = previousFromSummary((await readWorkbook(bytes, SHEET.summary)).grid, file);
    if (found) return found;
  }
  throw invalid(`${file} has neither a ${BENEFIT_SHEET.report} sheet with its "Figures per council" block nor a ${SHEET.summary} sheet: give last year's report or workbook as the add-in wrote it.`);
}
