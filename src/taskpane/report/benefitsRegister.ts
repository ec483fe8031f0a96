import { invalid } from "../../core/errors";
import { validateBenefits, type BenefitValidation } from "../../benefits/index";
import { type Grid, type Partnership, cellText, decodeText, isBlankRow, looksLikeZip, readDelimitedText, readWorkbook } from "../../postlist/index";
import { plannedBenefit, rejectedRecords } from "../../workbook/index";
import type { NewRegister } from "../../excel/annualReport";

/**
 * The report tab's benefits register: read from a file, the selection or pasted text, checked row
 * by row, and turned into what the report writes. Nothing here touches the workbook.
 */
export interface LoadedRegister {
  grid: Grid;
  firstRowNumber: number;
  source: string;
}

export async function registerFromFile(file: File): Promise<LoadedRegister> {
  if (file.size === 0) throw invalid(`${file.name} is empty (0 bytes): choose the benefits register again.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (looksLikeZip(bytes) || /\.xlsx$/i.test(file.name)) {
    const read = await readWorkbook(bytes);
    return { grid: read.grid, firstRowNumber: 1, source: `${file.name}, sheet ${read.name}` };
  }
  return { grid: readDelimitedText(decodeText(bytes)), firstRowNumber: 1, source: file.name };
}

export function registerFromText(text: string): LoadedRegister {
  if (text.trim() === "") throw invalid("Nothing is pasted: copy the benefits register (with its header row) from a spreadsheet and paste it in the box.");
  return { grid: readDelimitedText(text), firstRowNumber: 1, source: "Pasted text" };
}

export function checkRegister(register: LoadedRegister, partnership: Partnership): BenefitValidation {
  if (register.grid.every((row) => isBlankRow(row))) throw invalid(`${register.source} is empty: the register needs a header row (Benefit, Kind, Amount, Share …) and one row per benefit.`);
  return validateBenefits(register.grid, partnership, { source: register.source, firstRowNumber: register.firstRowNumber });
}

export function newRegister(register: LoadedRegister, checked: BenefitValidation): NewRegister {
  return {
    benefits: checked.benefits.map(plannedBenefit),
    rejected: rejectedRecords(checked.rejected, new Map([[register.source, { grid: register.grid, firstRowNumber: register.firstRowNumber }]])),
    sourceHeaders: checked.lists[0]?.headers ?? (register.grid[0] ?? []).map((c) => cellText(c)),
  };
}
