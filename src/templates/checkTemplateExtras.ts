import { BENEFIT_KINDS } from "../core/benefits";
import { isoFromSerial } from "../core/dates";
import { toPence, toPounds } from "../core/money";
import type { Benefit } from "../benefits/benefit";
import type { BenefitMapping } from "../benefits/columnMapping";
import { validateBenefits } from "../benefits/validateBenefits";
import { type Cell, cellText, isBlank, isBlankRow, shown } from "../postlist/cells";
import type { Partnership } from "../postlist/partnership";
import { moneyFromCell, readDate } from "../postlist/values";
import { BENEFIT_KIND_LABELS } from "./formulas";
import type { BenefitBlockLayout } from "./layout";
import type { TemplateRead } from "./readTemplate";

/**
 * What a version-4 return carries beside its posts, judged as the rest of a return is: the
 * actual costs on post rows (rule 15, matched later by Post ID) and the benefit rows (rule 12,
 * judged as the benefits register's import judges a row, plus the template's own rules: dates
 * inside the year, a kind from the list, Cashable Y or N, as the sheet's Check column says).
 */

type AddProblem = (row: number, column: number, message: string) => void;

/** Each filled post row's actual cost in pounds (to the penny), by template row; a bad one is reported. */
export function checkTemplateOutturns(read: TemplateRead, add: AddProblem): Map<number, number> {
  const l = read.layout;
  const out = new Map<number, number>();
  if (l.actualCost === null || l.postId === null) return out;
  for (const r of read.rows) {
    if (r.issues.length > 0) continue;
    const value = r.cells[l.actualCost - 1] ?? null;
    if (isBlank(value)) continue;
    const amount = typeof value === "boolean" || value instanceof Date ? null : moneyFromCell(value);
    if (amount === null || amount < 0) {
      add(r.row, l.actualCost, `Actual cost ${shown(value)} is not an amount of 0 or more: give the post's actual cost for the year in pounds (104500), or leave it blank until the year end.`);
      continue;
    }
    if (isBlank(r.cells[l.postId - 1] ?? null)) {
      add(r.row, l.postId, "Post ID is blank, so the actual cost cannot be matched to its post: give the post's ID as in the partnership's post list.");
      continue;
    }
    out.set(r.row, toPounds(toPence(amount)));
  }
  return out;
}

export interface TemplateBenefitsCheck {
  benefits: Benefit[];
  rejectedBenefitRows: number[];
  filledBenefitRows: number;
  benefitCellsByRow: Map<number, Cell[]>;
}

function mappingFor(b: BenefitBlockLayout, codes: readonly string[]): BenefitMapping {
  const zero = (c: number) => c - 1;
  return {
    fields: { benefit: zero(b.benefit), kind: zero(b.kind), amount: zero(b.amount), start: zero(b.start), end: zero(b.end), cashable: zero(b.cashable), evidence: zero(b.evidence) },
    shares: Object.fromEntries(codes.map((code, k) => [code, zero(b.share[k])])),
    unknownShares: [],
  };
}

const KIND_KEYS = new Set(BENEFIT_KINDS.map((k) => k.toLowerCase()));
const CASHABLE_ANSWERS = new Set(["y", "yes", "n", "no"]);

/** The template's own rules for one filled benefit row, beyond the register's. */
function templateRules(cells: readonly Cell[], b: BenefitBlockLayout, partnership: Partnership, row: number, add: AddProblem): boolean {
  let ok = true;
  const year = partnership.year;
  for (const [column, label] of [[b.start, "Start"], [b.end, "End"]] as const) {
    const d = readDate(cells[column - 1] ?? null, label);
    if (d.ok && d.value !== null && (d.value < year.first || d.value > year.last)) {
      add(row, column, `${label} ${isoFromSerial(d.value)} is outside the financial year ${year.label} (${isoFromSerial(year.first)} to ${isoFromSerial(year.last)}): give a date inside the year, or leave it blank for the whole year.`);
      ok = false;
    }
  }
  const kind = cells[b.kind - 1] ?? null;
  if (!isBlank(kind) && !KIND_KEYS.has(cellText(kind).trim().toLowerCase())) {
    add(row, b.kind, `Kind ${shown(kind)} is not on the list: pick one of ${BENEFIT_KIND_LABELS.join(", ")}.`);
    ok = false;
  }
  const cashable = cells[b.cashable - 1] ?? null;
  if (!isBlank(cashable) && typeof cashable !== "boolean" && !CASHABLE_ANSWERS.has(cellText(cashable).trim().toLowerCase())) {
    add(row, b.cashable, `Cashable ${shown(cashable)} is not understood: write Y (cashable: money no longer spent or now received) or N (not cashable, such as a cost avoided).`);
    ok = false;
  }
  return ok;
}

export function checkTemplateBenefits(read: TemplateRead, partnership: Partnership, source: string | undefined, add: AddProblem): TemplateBenefitsCheck {
  const b = read.layout.benefits;
  const result: TemplateBenefitsCheck = { benefits: [], rejectedBenefitRows: [], filledBenefitRows: 0, benefitCellsByRow: new Map() };
  if (!b) return result;
  const bad = new Set<number>();
  const grid: Cell[][] = [read.benefitHeaders];
  for (const r of read.benefitRows) {
    const filled = r.issues.length > 0 || !isBlankRow(r.cells);
    if (filled) {
      result.filledBenefitRows++;
      result.benefitCellsByRow.set(r.row, r.cells);
    }
    if (r.issues.length > 0) {
      for (const i of r.issues) add(i.row, i.column, i.message);
      bad.add(r.row);
      grid.push([]);
      continue;
    }
    grid.push(r.cells);
    if (filled && !templateRules(r.cells, b, partnership, r.row, add)) bad.add(r.row);
  }
  const codes = partnership.authorities.map((a) => a.code);
  const validation = validateBenefits(grid, partnership, { mapping: mappingFor(b, codes), headerRow: 0, firstRowNumber: b.headerRow, ...(source !== undefined ? { source } : {}) });
  for (const p of validation.rejected) {
    add(p.row, p.columnIndex === null ? b.benefit : p.columnIndex + 1, p.message);
    bad.add(p.row);
  }
  result.benefits = validation.benefits.filter((x) => !bad.has(x.row));
  result.rejectedBenefitRows = [...bad].sort((x, y) => x - y);
  return result;
}
