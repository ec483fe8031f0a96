import { isoFromSerial } from "../core/dates";
import type { Partnership } from "../postlist/partnership";
import { cell, columnLetter, range } from "../workbook/a1";
import { FORMAT, type Block, type PlannedValue, type ValidationPlan } from "../workbook/plan";
import { benefitInputRow, type PlannedBenefit } from "../workbook/benefitsSheet";
import { BENEFIT_KIND_LABELS, benefitRowFormulas, benefitTotalsFormulas } from "./formulas";
import { benefitInputHeaders, benefitOutputHeaders, type BenefitBlockLayout, type TemplateLayout } from "./layout";

/**
 * The template's other-benefits block (version 4 on, rule 12): a budget holder lists the
 * non-post benefits of their service with the benefits register's columns, and sees each
 * council's part and the totals worked out by built-in formulas, as the JW Benefits table does.
 */

export const BENEFIT_TOTALS_HEADERS = ["Authority", "Name", "Other benefits", "Cashable", "Not cashable", "Total benefit (saving + other)", "Saving with cashable benefits", "Worse off?"];

function rowsOf<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

/** The formulas of columns first..last of one benefit row (contiguous), from the row's column → formula pairs. */
function slice(formulas: Map<number, string>, first: number, last: number): string[] {
  return rowsOf(last - first + 1, (i) => {
    const f = formulas.get(first + i);
    if (f === undefined) throw new Error(`no benefit formula for column ${columnLetter(first + i)}`);
    return f;
  });
}

/** A benefit's inputs as a budget holder would type them; dates outside the year become blanks (the template asks for dates inside it). */
function prefilledRow(b: BenefitBlockLayout, p: Partnership, x: PlannedBenefit): PlannedValue[] {
  return benefitInputRow(b, x, { start: x.start !== null && x.start > p.year.first ? x.start : null, end: x.end !== null && x.end < p.year.last ? x.end : null });
}

export function benefitBlocks(p: Partnership, l: TemplateLayout, b: BenefitBlockLayout, prefill: readonly PlannedBenefit[] = []): Block[] {
  const codes = p.authorities.map((a) => a.code);
  const n = codes.length;
  const inputHeaders = benefitInputHeaders(codes);
  const outputHeaders = benefitOutputHeaders(codes);
  const lastOutput = b.part[n - 1];
  const workFirst = b.shareUsed[0];
  const workLast = b.splitRemainder[n - 1];
  const byRow = rowsOf(b.rows, (i) => new Map(benefitRowFormulas(l, b, b.firstRow + i)));
  const inputFormats = new Array<string>(b.lastInput).fill(FORMAT.TEXT);
  inputFormats[b.amount - 1] = FORMAT.MONEY;
  for (const c of b.share) inputFormats[c - 1] = FORMAT.PERCENT;
  inputFormats[b.start - 1] = FORMAT.DATE;
  inputFormats[b.end - 1] = FORMAT.DATE;
  const totals = benefitTotalsFormulas(l, b);
  const text = (count: number) => new Array<string>(count).fill(FORMAT.TEXT);
  const workingHeaders = [...codes.map((k) => `Working: share ${k}`), ...codes.map((k) => `Working: whole pence ${k}`), ...codes.map((k) => `Working: remainder ${k}`)];

  return [
    { address: cell(1, b.titleRow), rows: 1, columns: 1, values: [[`Other benefits (not posts), ${p.year.label}`]], columnFormats: [FORMAT.TEXT], style: "title" },
    { address: cell(1, b.headerRow), rows: 1, columns: lastOutput, values: [[...inputHeaders, ...outputHeaders]], columnFormats: text(lastOutput), style: "header" },
    { address: cell(b.cashableUsed, b.headerRow), rows: 1, columns: 1, values: [["Working: cashable"]], columnFormats: [FORMAT.TEXT], style: "header" },
    { address: cell(workFirst, b.headerRow), rows: 1, columns: workingHeaders.length, values: [workingHeaders], columnFormats: text(workingHeaders.length), style: "header" },
    { address: cell(1, b.firstRow), rows: b.rows, columns: b.lastInput, values: rowsOf(b.rows, (i) => (i < prefill.length ? prefilledRow(b, p, prefill[i]) : new Array(b.lastInput).fill(null))), columnFormats: inputFormats, style: "input" },
    {
      address: cell(b.check, b.firstRow),
      rows: b.rows,
      columns: lastOutput - b.check + 1,
      formulas: byRow.map((f) => slice(f, b.check, lastOutput)),
      columnFormats: [FORMAT.GENERAL, FORMAT.MONEY, ...codes.map(() => FORMAT.MONEY)],
    },
    { address: cell(b.cashableUsed, b.firstRow), rows: b.rows, columns: 1, formulas: byRow.map((f) => slice(f, b.cashableUsed, b.cashableUsed)), columnFormats: [FORMAT.GENERAL] },
    {
      address: cell(workFirst, b.firstRow),
      rows: b.rows,
      columns: workLast - workFirst + 1,
      formulas: byRow.map((f) => slice(f, workFirst, workLast)),
      columnFormats: [...codes.map(() => FORMAT.PERCENT), ...codes.map(() => FORMAT.GENERAL), ...codes.map(() => FORMAT.GENERAL)],
    },
    { address: cell(1, b.totalsHeaderRow), rows: 1, columns: BENEFIT_TOTALS_HEADERS.length, values: [BENEFIT_TOTALS_HEADERS], columnFormats: text(BENEFIT_TOTALS_HEADERS.length), style: "header" },
    { address: cell(1, b.firstTotalsRow), rows: n, columns: 2, values: p.authorities.map((a) => [a.code, a.name]), columnFormats: text(2) },
    { address: cell(3, b.firstTotalsRow), rows: n, columns: 6, formulas: totals.perAuthority, columnFormats: [...new Array(5).fill(FORMAT.MONEY), FORMAT.GENERAL] },
    { address: cell(1, b.totalRow), rows: 1, columns: 2, values: [["Total", ""]], columnFormats: text(2), style: "header" },
    { address: cell(3, b.totalRow), rows: 1, columns: 5, formulas: [totals.total], columnFormats: new Array(5).fill(FORMAT.MONEY), style: "header" },
    { address: cell(1, b.noWorseRow), rows: 1, columns: 1, values: [["No council worse off (post savings plus cashable benefits)"]], columnFormats: [FORMAT.TEXT], style: "header" },
    { address: cell(2, b.noWorseRow), rows: 1, columns: 1, formulas: [[totals.noWorse]], columnFormats: [FORMAT.GENERAL] },
  ];
}

export function benefitValidations(p: Partnership, l: TemplateLayout, b: BenefitBlockLayout): ValidationPlan[] {
  const codes = p.authorities.map((a) => a.code);
  const r = b.firstRow;
  const columnRange = (column: number) => range(column, b.firstRow, column, b.lastRow);
  const at = (column: number) => `${columnLetter(column)}${r}`;
  const stop = (title: string, message: string) => ({ style: "stop" as const, title, message });
  const year = `${isoFromSerial(p.year.first)} to ${isoFromSerial(p.year.last)}`;
  const date = (column: number, title: string, message: string): ValidationPlan => ({
    address: columnRange(column),
    rule: { kind: "date", operator: "between", formula1: p.year.first, formula2: p.year.last },
    prompt: { title, message },
    error: stop(title, `Give a date inside the year (${year}), or leave it blank.`),
  });
  return [
    {
      address: columnRange(b.benefit),
      rule: { kind: "textLength", operator: "lessThanOrEqualTo", formula1: 255 },
      prompt: { title: "Benefit", message: "What the benefit is, one row each: for example Emergency planning provided by OCC, or a joint cleaning contract." },
      error: stop("Benefit", "Keep the description under 256 characters; put detail in Evidence."),
    },
    {
      address: columnRange(b.kind),
      rule: { kind: "list", source: BENEFIT_KIND_LABELS },
      prompt: { title: "Kind", message: `One of: ${BENEFIT_KIND_LABELS.join(", ")}. Blank means Other.` },
      error: stop("Kind", `Pick one of ${BENEFIT_KIND_LABELS.join(", ")} from the list.`),
    },
    {
      address: columnRange(b.amount),
      rule: { kind: "custom", formula: `=ISNUMBER(${at(b.amount)})` },
      prompt: { title: "Amount", message: "The benefit a year in pounds, before any split (for example 20000)." },
      error: stop("Amount", "The amount is a number of pounds a year."),
    },
    ...b.share.map((column, k): ValidationPlan => ({
      address: columnRange(column),
      rule: { kind: "custom", formula: `=AND(ISNUMBER(${at(column)}),${at(column)}>=0,${at(column)}<=1)` },
      prompt: { title: `Share ${codes[k]}`, message: `${codes[k]}'s part of the benefit as a percentage. The shares add up to 100%; 100% to one council when it alone benefits.` },
      error: { style: "warning", title: `Share ${codes[k]}`, message: "A share is between 0% and 100%, and a benefit's shares add up to 100%." },
    })),
    date(b.start, "Start", "The first day the benefit counts, inside the year. Leave blank for the start of the year."),
    date(b.end, "End", "The last day the benefit counts, inside the year. Leave blank for the end of the year."),
    {
      address: columnRange(b.cashable),
      rule: { kind: "list", source: ["Y", "N"] },
      prompt: { title: "Cashable", message: "Y: money no longer spent or now received. N (or blank): not cashable, such as a cost avoided." },
      error: stop("Cashable", "Write Y (cashable) or N (not cashable)."),
    },
    {
      address: columnRange(b.evidence),
      rule: { kind: "textLength", operator: "lessThanOrEqualTo", formula1: 32767 },
      prompt: { title: "Evidence", message: "Optional: how the figure was worked out, or where the evidence is." },
      error: stop("Evidence", "An Excel cell holds at most 32,767 characters."),
    },
  ];
}
