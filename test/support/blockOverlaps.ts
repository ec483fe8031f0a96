import { columnLetter, type SheetPlan } from "../../src/workbook/index";

/** Cells written by more than one block of a sheet: the later block would silently overwrite the earlier. */
export function overlaps(sheet: SheetPlan): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const b of sheet.blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.address)!;
    const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.columns; c++) {
        const a1 = `${columnLetter(column + c)}${+m[2] + r}`;
        const before = seen.get(a1);
        if (before !== undefined) out.push(`${a1}: ${before} and ${b.address}`);
        seen.set(a1, b.address);
      }
    }
  }
  return out;
}

