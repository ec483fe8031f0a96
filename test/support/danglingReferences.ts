/**
 * What Excel would show as #REF! once `next` is written over a workbook holding `before`'s sheets
 * and names: writePlan replaces the sheets `next` plans (and deletes those it removes), so a sheet
 * or name of `before` that `next` does not write again, and that reads one of those, is left
 * pointing at a deleted sheet.
 */
import { quoteSheet } from "../../src/workbook/a1";
import type { WorkbookPlan } from "../../src/workbook/plan";

export function danglingReferences(before: WorkbookPlan, next: WorkbookPlan): string[] {
  const replaced = [...next.sheets.map((s) => s.name), ...(next.remove ?? [])];
  const gone = new Set(replaced);
  const out = new Set<string>();
  for (const sheet of before.sheets) {
    if (gone.has(sheet.name)) continue;
    for (const block of sheet.blocks) {
      for (const formula of (block.formulas ?? []).flat()) {
        for (const name of replaced) if (formula.includes(`${quoteSheet(name)}!`)) out.add(`${sheet.name} reads ${name}`);
      }
    }
  }
  const rewritten = new Set(next.names.map((n) => n.name));
  for (const n of before.names) {
    if (rewritten.has(n.name)) continue;
    for (const name of replaced) if (n.reference.includes(`${quoteSheet(name)}!`)) out.add(`name ${n.name} reads ${name}`);
  }
  return [...out].sort();
}
