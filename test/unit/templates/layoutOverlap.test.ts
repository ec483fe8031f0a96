import assert from "node:assert/strict";
import { makePartnership } from "../../../src/postlist";
import { templateWorkbookPlan } from "../../../src/templates";
import { columnLetter, type SheetPlan } from "../../../src/workbook";

/** Cells written by more than one block of a sheet: the later block would silently overwrite the earlier. */
function overlaps(sheet: SheetPlan): string[] {
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

describe("costing template layout: no block writes over another", () => {
  for (const councils of [2, 5, 20]) {
    for (const version of [2, 3, 4] as const) {
      it(`version ${version}, ${councils} councils: every cell is written by one block only (guidance, details, posts, totals, benefits)`, () => {
        const p = makePartnership(
          Array.from({ length: councils }, (_, i) => ({ code: `C${i + 1}`, name: `Council ${i + 1}`, pensionRate: 0.2 })),
          { year: "2019/20", rechargePeriods: 12 },
        );
        const t = templateWorkbookPlan(p, { version, postRows: 3, benefitRows: 2 });
        assert.deepEqual(overlaps(t.sheet).slice(0, 5), []);
      });
    }
  }
});
