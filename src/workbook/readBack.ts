import { invalid } from "../core/errors";
import { type Cell, type Grid, cellText, isBlankRow } from "../postlist/cells";
import { postsLayout, type PlannedPost } from "./postsSheet";
import { benefitsLayout, type PlannedBenefit } from "./benefitsSheet";
import { BENEFIT_KINDS } from "../core/benefits";
import { BENEFIT_SHEET, SHEET } from "./sheetNames";

/**
 * The inputs of the add-in's own tables read back from the open workbook (a refresh rebuilds the
 * Summary and the report from what JW Posts and JW Benefits hold now, edits included). Only the
 * input columns are read; the formulas are written afresh.
 */

const text = (c: Cell) => cellText(c).trim();
const num = (c: Cell): number | null => (typeof c === "number" && Number.isFinite(c) ? c : null);
const textOrNull = (c: Cell) => (text(c) === "" ? null : cellText(c));

function checkHeaders(grid: Grid, expected: readonly string[], upTo: number, sheet: string): void {
  const headers = (grid[0] ?? []).map(text);
  for (let c = 0; c < upTo; c++) {
    if (headers[c] !== expected[c]) {
      throw invalid(`${sheet} is not laid out for this partnership's councils (column ${c + 1} is "${headers[c] ?? ""}", not "${expected[c]}"): import the list again from the Import tab, then write the report.`);
    }
  }
}

export function postsFromTable(grid: Grid, codes: readonly string[]): PlannedPost[] {
  const l = postsLayout(codes);
  if (grid.length === 0) return [];
  checkHeaders(grid, l.headers, l.lastInput, SHEET.posts);
  const out: PlannedPost[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row.slice(0, l.lastInput))) continue;
    const at = (column: number): Cell => row[column - 1] ?? null;
    const joint = text(at(l.joint)).toUpperCase() === "Y";
    out.push({
      sourceRow: num(at(l.sourceRow)) ?? r + 1,
      id: textOrNull(at(l.id)),
      post: cellText(at(l.post)),
      home: text(at(l.home)),
      joint,
      shares: joint ? l.share.map((c) => num(at(c)) ?? 0) : null,
      salary: num(at(l.salary)) ?? 0,
      salaryMax: num(at(l.salaryMax)),
      fte: num(at(l.fte)) ?? 1,
      start: num(at(l.start)),
      end: num(at(l.end)),
      baselines: l.baseline.some((c) => num(at(c)) !== null) ? l.baseline.map((c) => num(at(c))) : null,
      status: textOrNull(at(l.status)),
      source: textOrNull(at(l.source)),
    });
  }
  return out;
}

export function benefitsFromTable(grid: Grid, codes: readonly string[]): PlannedBenefit[] {
  const l = benefitsLayout(codes);
  if (grid.length === 0) return [];
  checkHeaders(grid, l.headers, l.lastInput, BENEFIT_SHEET.benefits);
  const out: PlannedBenefit[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row.slice(0, l.lastInput))) continue;
    const at = (column: number): Cell => row[column - 1] ?? null;
    const kind = text(at(l.kind)).toLowerCase();
    out.push({
      sourceRow: num(at(l.sourceRow)) ?? r + 1,
      title: cellText(at(l.benefit)),
      kind: (BENEFIT_KINDS as readonly string[]).includes(kind) ? kind : "other",
      amount: num(at(l.amount)) ?? 0,
      shares: l.share.map((c) => num(at(c)) ?? 0),
      start: num(at(l.start)),
      end: num(at(l.end)),
      cashable: text(at(l.cashable)).toUpperCase() === "Y",
      evidence: textOrNull(at(l.evidence)),
      source: textOrNull(at(l.source)),
    });
  }
  return out;
}
