import { RuleError } from "../core/errors";
import { type Cell, cellText, isBlank } from "../postlist/cells";
import { fractionFromCell } from "../postlist/values";
import { type Authority, type Partnership, makePartnership } from "../postlist/partnership";
import { cell as a1 } from "../workbook/a1";
import { partnershipFingerprint } from "./fingerprint";
import {
  DETAILS,
  MAX_BENEFIT_ROWS,
  MAX_POST_ROWS,
  MAX_TEMPLATE_AUTHORITIES,
  PROBE_COLUMNS,
  PROBE_ROWS,
  authoritiesHeaderRow,
  benefitInputHeaders,
  inputHeaders,
  templateLayout,
  type TemplateLayout,
} from "./layout";
import type { RawCell, SheetCells } from "./sheetCells";
import { OLDEST_READ_VERSION, TEMPLATE_VERSION, looksLikeMarker, markerText, parseMarker } from "./version";

/**
 * Reads a costing template (or a returned one) from its cells: finds the marker, checks the
 * version, reads the partnership the template carries and checks it against its fingerprint,
 * checks the layout, then reads the input cells only. Never evaluates anything: a formula, link
 * or error where a value belongs is recorded as a problem with that cell.
 */

/** Cells beyond the template's own area that may hold something (notes typed beside it). */
export const OUTSIDE_SLACK = 20;

export type TemplateRefusal = "notTemplate" | "olderVersion" | "newerVersion" | "tampered" | "otherPartnership";

export interface CellIssue {
  /** A1 address on the sheet. */
  cell: string;
  row: number;
  column: number;
  message: string;
}

export interface TemplateRow {
  /** Spreadsheet row number. */
  row: number;
  /** The input cells' values, column A onwards (a cell with a problem is null). */
  cells: Cell[];
  /** Formulas, links or errors where a value belongs. */
  issues: CellIssue[];
}

export interface TemplateRead {
  kind: "template";
  sheet: string;
  version: number;
  fingerprint: string;
  partnership: Partnership;
  layout: TemplateLayout;
  headers: string[];
  rows: TemplateRow[];
  /** Version 4 on: the benefit rows' input headers and cells (none before). */
  benefitHeaders: string[];
  benefitRows: TemplateRow[];
}

export interface TemplateRefused {
  kind: "refused";
  sheet: string;
  reason: TemplateRefusal;
  /** What is wrong and what to do, for the person consolidating. */
  message: string;
}

export interface NotTemplate {
  kind: "notTemplate";
  sheet: string;
}

export type TemplateReading = TemplateRead | TemplateRefused | NotTemplate;

/** The marker cell of a sheet (any version), or null: the first marker-like text in the probe block. */
export function findMarker(sheet: SheetCells): { row: number; column: number; text: string } | null {
  const rows = Math.min(PROBE_ROWS, sheet.lastRow);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= PROBE_COLUMNS; c++) {
      const v = sheet.cell(r, c).value;
      if (looksLikeMarker(v)) return { row: r, column: c, text: String(v).trim() };
    }
  }
  return null;
}

function refused(sheet: string, reason: TemplateRefusal, message: string): TemplateRefused {
  return { kind: "refused", sheet, reason, message };
}

function describeRaw(raw: RawCell): string | null {
  if (raw.formula !== undefined) {
    const f = raw.formula.length > 60 ? `${raw.formula.slice(0, 60)}…` : raw.formula;
    return `holds a formula (${f}) where a value belongs: type the value itself (the return is read from values only).`;
  }
  if (raw.link !== undefined) return "holds a link where a value belongs: type the value itself, without a link.";
  if (raw.error !== undefined) return `holds the error ${raw.error}: type the value itself.`;
  return null;
}

/** A details cell's value, or a tamper message when it holds a formula, link or error. */
function detail(sheet: SheetCells, row: number, column: number, what: string, problems: string[]): Cell {
  const raw = sheet.cell(row, column);
  const bad = describeRaw(raw);
  if (bad) {
    problems.push(`${what} (${a1(column, row)}) ${bad}`);
    return null;
  }
  return raw.value;
}

function wholeNumber(value: Cell): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? n : null;
}

const USE_AS_SENT = "Ask for it to be filled in on the template as it was sent, or send a fresh one.";

/** Reads one sheet: a template of this version, a refusal saying why not, or not a template at all. */
export function readTemplate(sheet: SheetCells): TemplateReading {
  const marker = findMarker(sheet);
  if (!marker) return { kind: "notTemplate", sheet: sheet.name };
  const version = parseMarker(marker.text);
  if (version === null) {
    return refused(sheet.name, "tampered", `Sheet "${sheet.name}" has a template marker "${marker.text}" that cannot be read. ${USE_AS_SENT}`);
  }
  if (version < OLDEST_READ_VERSION) {
    return refused(sheet.name, "olderVersion", `Sheet "${sheet.name}" is an older template (${marker.text}); this add-in reads ${markerText()}. Send the budget holder a new template and copy the rows across.`);
  }
  if (version > TEMPLATE_VERSION) {
    return refused(sheet.name, "newerVersion", `Sheet "${sheet.name}" is a newer template (${marker.text}) than this add-in reads (${markerText()}). Update the add-in, then consolidate it again.`);
  }
  if (marker.row !== DETAILS.markerRow || marker.column !== DETAILS.valueColumn) {
    return refused(sheet.name, "tampered", `Sheet "${sheet.name}": the template marker has moved from ${a1(DETAILS.valueColumn, DETAILS.markerRow)} to ${a1(marker.column, marker.row)}, so rows or columns were added or removed. ${USE_AS_SENT}`);
  }

  const problems: string[] = [];
  const v = DETAILS.valueColumn;
  const fingerprint = cellText(detail(sheet, DETAILS.fingerprintRow, v, "The partnership fingerprint", problems)).trim();
  const year = detail(sheet, DETAILS.yearRow, v, "The financial year", problems);
  const levyCell = detail(sheet, DETAILS.levyRow, v, "The levy rate", problems);
  const periodsCell = detail(sheet, DETAILS.periodsRow, v, "The recharge periods", problems);
  const postRowsCell = detail(sheet, DETAILS.postRowsRow, v, "The number of post rows", problems);
  const levy = fractionFromCell(levyCell);
  if (!isBlank(levyCell) && levy === null) problems.push(`The levy rate (${a1(v, DETAILS.levyRow)}) is not a rate.`);
  const periods = wholeNumber(periodsCell);
  if (periods === null || periods < 1 || periods > 12) problems.push(`The recharge periods (${a1(v, DETAILS.periodsRow)}) are not 1 to 12.`);
  const postRows = wholeNumber(postRowsCell);
  if (postRows === null || postRows < 1 || postRows > MAX_POST_ROWS) problems.push(`The number of post rows (${a1(v, DETAILS.postRowsRow)}) is not 1 to ${MAX_POST_ROWS}.`);
  const benefitRows = version >= 4 ? wholeNumber(detail(sheet, DETAILS.benefitRowsRow, v, "The number of benefit rows", problems)) : 0;
  if (benefitRows === null || (version >= 4 && (benefitRows < 1 || benefitRows > MAX_BENEFIT_ROWS))) problems.push(`The number of benefit rows (${a1(v, DETAILS.benefitRowsRow)}) is not 1 to ${MAX_BENEFIT_ROWS}.`);

  const authorities: Authority[] = [];
  for (let r = authoritiesHeaderRow(version) + 1; authorities.length <= MAX_TEMPLATE_AUTHORITIES; r++) {
    const code = detail(sheet, r, 1, "An authority code", problems);
    if (isBlank(code)) break;
    const name = detail(sheet, r, 2, "An authority name", problems);
    const rate = fractionFromCell(detail(sheet, r, 3, "A pension rate", problems));
    if (rate === null) {
      problems.push(`The pension rate of ${cellText(code)} (${a1(3, r)}) is not a rate.`);
      continue;
    }
    authorities.push({ code: cellText(code).trim(), name: cellText(name).trim(), pensionRate: rate.value });
  }
  if (problems.length > 0) return refused(sheet.name, "tampered", `Sheet "${sheet.name}": the template's details have been changed: ${problems.join(" ")} ${USE_AS_SENT}`);

  let partnership: Partnership;
  try {
    partnership = makePartnership(authorities, { year: year as string | number, levyRate: levy?.value, rechargePeriods: periods! });
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    return refused(sheet.name, "tampered", `Sheet "${sheet.name}": the partnership in the template cannot be read (${e.message}). ${USE_AS_SENT}`);
  }
  const computed = partnershipFingerprint(partnership);
  if (computed !== fingerprint.toLowerCase()) {
    return refused(sheet.name, "tampered", `Sheet "${sheet.name}": the partnership details in the template (year, authorities, rates) do not match its fingerprint ${fingerprint || "(blank)"}, so they were changed after it was made. ${USE_AS_SENT}`);
  }

  const codes = partnership.authorities.map((a) => a.code);
  const layout = templateLayout(codes.length, postRows!, partnership.rechargePeriods, version, benefitRows || undefined);
  const headers = inputHeaders(codes, version);
  const benefitHeaders = layout.benefits ? benefitInputHeaders(codes) : [];
  const headings: [number, string[]][] = [[layout.headerRow, headers], ...(layout.benefits ? [[layout.benefits.headerRow, benefitHeaders] as [number, string[]]] : [])];
  for (const [row, expected] of headings) {
    for (let c = 1; c <= expected.length; c++) {
      const raw = sheet.cell(row, c);
      if (raw.formula !== undefined || cellText(raw.value).trim() !== expected[c - 1]) {
        return refused(sheet.name, "tampered", `Sheet "${sheet.name}": ${a1(c, row)} should hold the heading "${expected[c - 1]}", so the layout was changed (rows or columns added, removed or moved). ${USE_AS_SENT}`);
      }
    }
  }
  if (sheet.lastRow > layout.lastRow + OUTSIDE_SLACK || sheet.lastColumn > layout.last + OUTSIDE_SLACK) {
    const where = sheet.lastRow > layout.lastRow + OUTSIDE_SLACK ? `row ${sheet.lastRow.toLocaleString("en-GB")}` : `column ${sheet.lastColumn.toLocaleString("en-GB")}`;
    return refused(sheet.name, "tampered", `Sheet "${sheet.name}" has cells in use far outside the template (down to ${where}; the template ends at ${a1(layout.last, layout.lastRow)}). Posts must be typed in the yellow rows only: ${USE_AS_SENT}`);
  }

  const rows = inputRows(sheet, layout.firstPostRow, layout.lastPostRow, headers);
  const b = layout.benefits;
  const benefitRowsRead = b ? inputRows(sheet, b.firstRow, b.lastRow, benefitHeaders) : [];
  return { kind: "template", sheet: sheet.name, version, fingerprint: computed, partnership, layout, headers, rows, benefitHeaders, benefitRows: benefitRowsRead };
}

/** The input cells of rows first..last, one column per header, with any formula, link or error recorded against its cell. */
function inputRows(sheet: SheetCells, first: number, last: number, headers: readonly string[]): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (let r = first; r <= last; r++) {
    const cells: Cell[] = [];
    const issues: CellIssue[] = [];
    for (let c = 1; c <= headers.length; c++) {
      const raw = sheet.cell(r, c);
      const bad = describeRaw(raw);
      if (bad) {
        issues.push({ cell: a1(c, r), row: r, column: c, message: `${headers[c - 1]} ${bad}` });
        cells.push(null);
      } else cells.push(raw.value);
    }
    rows.push({ row: r, cells, issues });
  }
  return rows;
}

/**
 * How far a template of this version reaches (its last row and column), from its details block
 * alone: lets an Office reader load just the template's area. Null when the details cannot say.
 */
export function templateExtent(sheet: SheetCells): { lastRow: number; lastColumn: number } | null {
  const marker = findMarker(sheet);
  const version = marker ? parseMarker(marker.text) : null;
  if (version === null || version < OLDEST_READ_VERSION || version > TEMPLATE_VERSION) return null;
  const postRows = wholeNumber(sheet.cell(DETAILS.postRowsRow, DETAILS.valueColumn).value);
  const periods = wholeNumber(sheet.cell(DETAILS.periodsRow, DETAILS.valueColumn).value);
  const benefitRows = version >= 4 ? wholeNumber(sheet.cell(DETAILS.benefitRowsRow, DETAILS.valueColumn).value) : 1;
  let n = 0;
  while (n < MAX_TEMPLATE_AUTHORITIES && !isBlank(sheet.cell(authoritiesHeaderRow(version) + 1 + n, 1).value)) n++;
  if (postRows === null || periods === null || benefitRows === null || n === 0 || postRows > MAX_POST_ROWS || periods > 12 || benefitRows > MAX_BENEFIT_ROWS) return null;
  const l = templateLayout(n, postRows, periods, version, benefitRows);
  return { lastRow: l.lastRow, lastColumn: l.last };
}
