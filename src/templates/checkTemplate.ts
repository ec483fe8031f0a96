import { isoFromSerial } from "../core/dates";
import { type Cell, isBlank, isBlankRow } from "../postlist/cells";
import { type ColumnMapping } from "../postlist/columnMapping";
import type { Partnership } from "../postlist/partnership";
import type { Post } from "../postlist/post";
import { moneyFromCell, readDate } from "../postlist/values";
import { validatePostLists } from "../postlist/validatePostList";
import { cell as a1 } from "../workbook/a1";
import { partnershipFingerprint } from "./fingerprint";
import type { TemplateLayout } from "./layout";
import type { CellIssue, TemplateRead } from "./readTemplate";
import { checkTemplateBenefits, checkTemplateOutturns } from "./checkTemplateExtras";
import type { Benefit } from "../benefits/benefit";
import type { Outturn } from "../outturn/readOutturn";

/**
 * Judges a template's input rows. A row is judged exactly as the post-list import judges a row
 * (src/postlist validation, with the template's columns mapped), plus the template's own rules:
 * each input is a typed value (no formula, link or error), dates fall inside the financial year
 * (the template's data validation says so), one-off costs are an amount of 0 or more. A row
 * with any problem is rejected as a whole; the others are the posts a return contributes.
 */

export interface TemplateProblem {
  sheet: string;
  /** A1 address of the cell to fix. */
  cell: string;
  row: number;
  column: number;
  /** Its heading (Salary, Share OCC …). */
  field: string;
  /** What is wrong. */
  what: string;
  /** What to do. */
  todo: string;
}

export interface TemplateCheck {
  sheet: string;
  partnership: Partnership;
  /** Accepted posts, each with its template row number as `row`. */
  posts: Post[];
  /** One-off costs of each accepted post, by row (0 where none). */
  oneOffCosts: Map<number, number>;
  problems: TemplateProblem[];
  /** Rows with at least one problem. */
  rejectedRows: number[];
  /** Rows with anything in them. */
  filledRows: number;
  /** Each filled row's input cells as read (for the issues sheet). */
  cellsByRow: Map<number, Cell[]>;
  /** Version 4 on: the actual costs (rule 15) given on accepted post rows, by Post ID. */
  outturns: Outturn[];
  /** Version 4 on: accepted benefit rows (rule 12), each with its template row as `row`. */
  benefits: Benefit[];
  /** Benefit rows with at least one problem (their problems are in `problems`). */
  rejectedBenefitRows: number[];
  filledBenefitRows: number;
  benefitCellsByRow: Map<number, Cell[]>;
}

/** Splits "what is wrong: what to do" at its first colon, as the import's messages are written. */
export function splitMessage(message: string): { what: string; todo: string } {
  const at = message.indexOf(": ");
  if (at < 0) return { what: message, todo: "Correct the cell." };
  const todo = message.slice(at + 2).trim();
  return { what: message.slice(0, at).trim(), todo: todo.charAt(0).toUpperCase() + todo.slice(1) };
}

export function templateMapping(l: TemplateLayout, codes: readonly string[]): ColumnMapping {
  const zero = (c: number) => c - 1;
  const shares: Record<string, number> = {};
  const baselines: Record<string, number> = {};
  codes.forEach((code, k) => {
    shares[code] = zero(l.share[k]);
    baselines[code] = zero(l.baseline[k]);
  });
  return {
    fields: {
      post: zero(l.post),
      home: zero(l.home),
      joint: zero(l.joint),
      salary: zero(l.salary),
      ...(l.salaryMax !== null ? { salaryMax: zero(l.salaryMax) } : {}),
      ...(l.postId !== null ? { postId: zero(l.postId) } : {}),
      fte: zero(l.fte),
      start: zero(l.start),
      end: zero(l.end),
    },
    shares,
    baselines,
  };
}

/** How a template's partnership differs from another (for "another partnership" messages). */
export function partnershipDifferences(template: Partnership, expected: Partnership): string[] {
  const out: string[] = [];
  if (template.year.label !== expected.year.label) out.push(`it is for ${template.year.label}, not ${expected.year.label}`);
  const codes = (p: Partnership) => p.authorities.map((a) => a.code.toUpperCase()).join("/");
  if (codes(template) !== codes(expected)) out.push(`its authorities are ${codes(template)}, not ${codes(expected)}`);
  else {
    template.authorities.forEach((a, i) => {
      const b = expected.authorities[i];
      if (Math.abs(a.pensionRate - b.pensionRate) > 1e-12) out.push(`${a.code}'s pension rate is ${+(a.pensionRate * 100).toFixed(4)}%, not ${+(b.pensionRate * 100).toFixed(4)}%`);
    });
  }
  if (Math.abs(template.levyRate - expected.levyRate) > 1e-12) out.push(`its levy rate is ${+(template.levyRate * 100).toFixed(4)}%, not ${+(expected.levyRate * 100).toFixed(4)}%`);
  return out;
}

/** Null when the template belongs to the expected partnership, else what differs. */
export function otherPartnership(read: TemplateRead, expected: Partnership): string | null {
  if (partnershipFingerprint(expected) === read.fingerprint) return null;
  const diff = partnershipDifferences(read.partnership, expected);
  return `Sheet "${read.sheet}" was made for another partnership (${diff.length > 0 ? diff.join("; ") : "its details differ"}). Consolidate it into a workbook set up for that partnership, or send the budget holder this partnership's template.`;
}

export function checkTemplate(read: TemplateRead, options: { source?: string; partnership?: Partnership } = {}): TemplateCheck {
  const l = read.layout;
  // The workbook's partnership when given (same fingerprint: same codes, year and rates), so the
  // posts carry its spelling of the codes; otherwise the template's own.
  const partnership = options.partnership ?? read.partnership;
  const codes = partnership.authorities.map((a) => a.code);
  const problems: TemplateProblem[] = [];
  const add = (row: number, column: number, message: string, headers: readonly string[] = read.headers) => {
    const { what, todo } = splitMessage(message);
    problems.push({ sheet: read.sheet, cell: a1(column, row), row, column, field: headers[column - 1] ?? "", what, todo });
  };
  const addIssue = (i: CellIssue) => add(i.row, i.column, i.message);

  const grid: Cell[][] = [read.headers];
  const cellsByRow = new Map<number, Cell[]>();
  const bad = new Set<number>();
  let filledRows = 0;
  for (const r of read.rows) {
    const filled = r.issues.length > 0 || !isBlankRow(r.cells);
    if (filled) {
      filledRows++;
      cellsByRow.set(r.row, r.cells);
    }
    if (r.issues.length > 0) {
      // A formula, link or error where a value belongs: the row is judged on that alone.
      r.issues.forEach(addIssue);
      bad.add(r.row);
      grid.push([]);
      continue;
    }
    grid.push(r.cells);
    if (!filled) continue;
    for (const [column, label] of [[l.start, "Start"], [l.end, "End"]] as const) {
      const d = readDate(r.cells[column - 1] ?? null, label);
      if (d.ok && d.value !== null && (d.value < partnership.year.first || d.value > partnership.year.last)) {
        add(r.row, column, `${label} ${isoFromSerial(d.value)} is outside the financial year ${partnership.year.label} (${isoFromSerial(partnership.year.first)} to ${isoFromSerial(partnership.year.last)}): give a date inside the year, or leave it blank for the whole year.`);
        bad.add(r.row);
      }
    }
    const oneOff = r.cells[l.oneOff - 1] ?? null;
    if (!isBlank(oneOff)) {
      const amount = moneyFromCell(oneOff);
      if (amount === null || amount < 0) {
        add(r.row, l.oneOff, `One-off costs ${typeof oneOff === "string" ? JSON.stringify(oneOff) : String(oneOff)} is not an amount of 0 or more: give the one-off costs in pounds (5000), or leave it blank.`);
        bad.add(r.row);
      }
    }
  }
  const actualCosts = checkTemplateOutturns(read, (row, column, message) => {
    add(row, column, message);
    bad.add(row);
  });

  const validation = validatePostLists(
    [{ grid, mapping: templateMapping(l, codes), headerRow: 0, firstRowNumber: l.headerRow, ...(options.source !== undefined ? { source: options.source } : {}) }],
    partnership,
  );
  for (const p of validation.rejected) {
    add(p.row, p.columnIndex === null ? l.post : p.columnIndex + 1, p.message);
    bad.add(p.row);
  }
  const benefitCheck = checkTemplateBenefits(read, partnership, options.source, (row, column, message) => add(row, column, message, read.benefitHeaders));
  problems.sort((a, b) => a.row - b.row || a.column - b.column);
  const posts = validation.posts.filter((p) => !bad.has(p.row));
  const oneOffCosts = new Map<number, number>();
  for (const p of posts) oneOffCosts.set(p.row, moneyFromCell(cellsByRow.get(p.row)?.[l.oneOff - 1] ?? null) ?? 0);
  // An actual cost counts only with its row: a rejected row's figure waits for the corrected return.
  const outturns = posts.flatMap((p) => {
    const actual = actualCosts.get(p.row);
    return actual === undefined || p.id === null ? [] : [{ ...(options.source !== undefined ? { source: options.source } : {}), row: p.row, postId: p.id, actual, notes: null }];
  });
  return {
    sheet: read.sheet,
    partnership,
    posts,
    oneOffCosts,
    problems,
    rejectedRows: [...bad].sort((a, b) => a - b),
    filledRows,
    cellsByRow,
    outturns,
    ...benefitCheck,
  };
}
