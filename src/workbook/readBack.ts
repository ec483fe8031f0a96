import { invalid } from "../core/errors";
import { type Cell, type Grid, cellText, isBlankRow } from "../postlist/cells";
import { postsLayout, type PlannedPost } from "./postsSheet";
import { benefitsLayout, type PlannedBenefit } from "./benefitsSheet";
import { BENEFIT_KINDS } from "../core/benefits";
import { BENEFIT_SHEET, SHEET } from "./sheetNames";
import { OUTTURN_HEADERS, outturnLayout, type PlannedOutturn } from "./trueUpSheet";

/**
 * The inputs of the add-in's own tables read back from the open workbook (a refresh rebuilds the
 * Summary and the report from what JW Posts and JW Benefits hold now, edits included). Only the
 * input columns are read; the formulas are written afresh.
 */

const text = (c: Cell) => cellText(c).trim();
const num = (c: Cell): number | null => (typeof c === "number" && Number.isFinite(c) ? c : null);
const textOrNull = (c: Cell) => (text(c) === "" ? null : cellText(c));

const REPORT_ADVICE = "import the list again from the Import tab, then write the report";

function checkHeaders(grid: Grid, expected: readonly string[], upTo: number, sheet: string, advice = REPORT_ADVICE): void {
  const headers = (grid[0] ?? []).map(text);
  for (let c = 0; c < upTo; c++) {
    if (headers[c] !== expected[c]) {
      throw invalid(`${sheet} is not laid out for this partnership's councils (column ${c + 1} is "${headers[c] ?? ""}", not "${expected[c]}"): ${advice}.`);
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

/** `advice`: what to do when the table was written for other councils (the caller knows). */
export function benefitsFromTable(grid: Grid, codes: readonly string[], advice = REPORT_ADVICE): PlannedBenefit[] {
  const l = benefitsLayout(codes);
  if (grid.length === 0) return [];
  checkHeaders(grid, l.headers, l.lastInput, BENEFIT_SHEET.benefits, advice);
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

/**
 * The JW Outturn table's inputs (Post ID, Actual cost, Notes, Source row), as officers left them,
 * so a rewrite of the true-up keeps the outturn. An amount that is not a number would have shown
 * as an error in the old sheet: it is refused rather than read as 0, which would be a wrong figure.
 */
export function outturnsFromTable(grid: Grid): PlannedOutturn[] {
  const l = outturnLayout(0);
  if (grid.length === 0) return [];
  const inputs = OUTTURN_HEADERS.slice(0, l.sourceRow);
  if ((grid[0] ?? []).slice(0, l.sourceRow).map(text).join("\t") !== inputs.join("\t")) {
    throw invalid(`${SHEET.outturn} does not start with the columns ${inputs.join(", ")}: write the true-up again from the Year-end true-up tab, then try again.`);
  }
  const out: PlannedOutturn[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row.slice(0, l.sourceRow))) continue;
    const at = (column: number): Cell => row[column - 1] ?? null;
    const actual = at(l.actual);
    const amount = num(actual) ?? (text(actual) === "" ? 0 : null);
    if (amount === null) {
      throw invalid(`${SHEET.outturn} row ${r + 1}: Actual cost "${text(actual)}" is not an amount. Correct it there (or write the true-up again), then try again.`);
    }
    out.push({ postId: cellText(at(l.postId)), actual: amount, notes: textOrNull(at(l.notes)), sourceRow: num(at(l.sourceRow)) ?? r + 1 });
  }
  return out;
}
