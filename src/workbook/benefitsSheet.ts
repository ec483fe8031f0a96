import { BENEFIT_KINDS } from "../core/benefits";
import type { Benefit } from "../benefits/benefit";
import { FORMAT, type Block, type PlannedValue, type SheetPlan } from "./plan";
import { BENEFIT_SHEET, BENEFIT_TABLE, NAME } from "./sheetNames";
import { cell, columnLetter, range } from "./a1";
import { benefitDaysFormula, benefitPartFormula, benefitThisYearFormula, splitFloorFormula, splitRemainderFormula, type SplitRefs, type YearRefs } from "../formulas/index";

/** A benefit as the Benefits table holds its inputs. */
export interface PlannedBenefit {
  sourceRow: number;
  title: string;
  /** One of BENEFIT_KINDS. */
  kind: string;
  amount: number;
  /** Fractions per authority, partnership order. */
  shares: readonly number[];
  start: number | null;
  end: number | null;
  cashable: boolean;
  evidence: string | null;
  source?: string | null;
}

export function plannedBenefit(b: Benefit): PlannedBenefit {
  return { sourceRow: b.row, title: b.title, kind: b.kind, amount: b.amount, shares: b.shares, start: b.start, end: b.end, cashable: b.cashable, evidence: b.evidence, source: b.source ?? null };
}

/** "cost avoidance" → "Cost avoidance", as the table and the report show a kind. */
export function kindLabel(kind: string): string {
  return kind.length === 0 ? kind : kind[0].toUpperCase() + kind.slice(1);
}

/** Where a benefit's inputs are, the register's columns: the JW Benefits table's, or a costing template's benefit rows. */
export interface BenefitInputColumns {
  benefit: number;
  kind: number;
  amount: number;
  share: number[];
  start: number;
  end: number;
  cashable: number;
  evidence: number;
  lastInput: number;
}

export interface BenefitsLayout extends BenefitInputColumns {
  authorities: readonly string[];
  source: number;
  sourceRow: number;
  days: number;
  thisYear: number;
  part: number[];
  splitFloor: number[];
  splitRemainder: number[];
  last: number;
  headers: string[];
  firstDataRow: number;
}

export function benefitsLayout(codes: readonly string[]): BenefitsLayout {
  let c = 1;
  const next = () => c++;
  const many = () => codes.map(() => next());
  const benefit = next(), kind = next(), amount = next();
  const share = many();
  const start = next(), end = next(), cashable = next(), evidence = next(), source = next(), sourceRow = next();
  const lastInput = c - 1;
  const days = next(), thisYear = next();
  const part = many();
  const splitFloor = many();
  const splitRemainder = many();
  const headers = [
    "Benefit", "Kind", "Amount", ...codes.map((k) => `Share ${k}`), "Start", "End", "Cashable", "Evidence", "Source", "Source row",
    "Days this year", "Benefit this year", ...codes.map((k) => `Part ${k}`),
    ...codes.map((k) => `Split working: whole pence ${k}`), ...codes.map((k) => `Split working: remainder ${k}`),
  ];
  return { authorities: codes, benefit, kind, amount, share, start, end, cashable, evidence, source, sourceRow, lastInput, days, thisYear, part, splitFloor, splitRemainder, last: c - 1, headers, firstDataRow: 2 };
}

const YEAR: YearRefs = { first: NAME.yearFirstDay, last: NAME.yearLastDay, days: NAME.yearDays };

/** The formulas of one row, from the days to the last split working column. */
export function benefitFormulas(l: BenefitsLayout, row: number): string[] {
  const at = (column: number) => cell(column, row);
  const span = (columns: readonly number[]) => range(columns[0], row, columns[columns.length - 1], row);
  const split: SplitRefs = {
    amount: at(l.thisYear),
    weights: l.share.map(at),
    floors: l.splitFloor.map(at),
    remainders: l.splitRemainder.map(at),
    floorsRange: span(l.splitFloor),
    remaindersRange: span(l.splitRemainder),
  };
  const out: string[] = [`=${benefitDaysFormula(at(l.start), at(l.end), YEAR)}`, `=${benefitThisYearFormula(at(l.amount), at(l.days), YEAR)}`];
  l.authorities.forEach((_, k) => out.push(`=${benefitPartFormula(split, k)}`));
  l.authorities.forEach((_, k) => out.push(`=${splitFloorFormula(split, k)}`));
  l.authorities.forEach((_, k) => out.push(`=${splitRemainderFormula(split, k)}`));
  return out;
}

/** A benefit's inputs as a row of `l`'s columns (the dates as given, or as the caller has them). */
export function benefitInputRow(l: BenefitInputColumns, b: PlannedBenefit, dates: { start: number | null; end: number | null } = b): PlannedValue[] {
  const row: PlannedValue[] = new Array(l.lastInput).fill(null);
  const set = (column: number, value: PlannedValue) => (row[column - 1] = value);
  set(l.benefit, b.title);
  set(l.kind, kindLabel(b.kind));
  set(l.amount, b.amount);
  l.share.forEach((column, k) => set(column, b.shares[k] ?? 0));
  set(l.start, dates.start);
  set(l.end, dates.end);
  set(l.cashable, b.cashable ? "Y" : "N");
  set(l.evidence, b.evidence);
  return row;
}

function inputRow(l: BenefitsLayout, b: PlannedBenefit): PlannedValue[] {
  const row = benefitInputRow(l, b);
  row[l.source - 1] = b.source ?? null;
  row[l.sourceRow - 1] = b.sourceRow;
  return row;
}

function inputFormats(l: BenefitsLayout): string[] {
  const formats: string[] = new Array(l.lastInput).fill(FORMAT.TEXT);
  formats[l.amount - 1] = FORMAT.MONEY;
  for (const column of l.share) formats[column - 1] = FORMAT.PERCENT;
  formats[l.start - 1] = FORMAT.DATE;
  formats[l.end - 1] = FORMAT.DATE;
  formats[l.sourceRow - 1] = FORMAT.INTEGER;
  return formats;
}

/**
 * The Benefits sheet: an Excel table of the register whose input columns hold the imported values
 * (text as text) and whose days, benefit this year and parts are built-in formulas.
 */
export function benefitsSheetPlan(codes: readonly string[], benefits: readonly PlannedBenefit[]): { sheet: SheetPlan; layout: BenefitsLayout } {
  const l = benefitsLayout(codes);
  const count = benefits.length;
  const blocks: Block[] = [{ address: "A1", rows: 1, columns: l.last, values: [l.headers], columnFormats: new Array(l.last).fill(FORMAT.TEXT), style: "header" }];
  if (count > 0) {
    blocks.push({ address: cell(1, l.firstDataRow), rows: count, columns: l.lastInput, values: benefits.map((b) => inputRow(l, b)), columnFormats: inputFormats(l) });
    const formats = [FORMAT.INTEGER, FORMAT.MONEY, ...codes.map(() => FORMAT.MONEY), ...codes.map(() => FORMAT.GENERAL), ...codes.map(() => FORMAT.GENERAL)];
    blocks.push({ address: cell(l.lastInput + 1, l.firstDataRow), rows: count, columns: l.last - l.lastInput, formulas: benefits.map((_, i) => benefitFormulas(l, l.firstDataRow + i)), columnFormats: formats });
  }
  const lastRow = Math.max(2, count + 1);
  const widths = l.headers.map((h) => Math.max(10, Math.min(30, h.length + 2)));
  widths[l.benefit - 1] = 44;
  widths[l.evidence - 1] = 44;
  return {
    layout: l,
    sheet: {
      name: BENEFIT_SHEET.benefits,
      blocks,
      table: { name: BENEFIT_TABLE.benefits, address: range(1, 1, l.last, lastRow) },
      freezeRows: 1,
      columnWidths: widths,
      hiddenColumns: [...l.splitFloor, ...l.splitRemainder],
      validations: [
        {
          address: range(l.kind, l.firstDataRow, l.kind, lastRow),
          rule: { kind: "list", source: BENEFIT_KINDS.map(kindLabel) },
          error: { style: "stop", title: "Kind", message: `One of: ${BENEFIT_KINDS.map(kindLabel).join(", ")}.` },
        },
        {
          address: range(l.cashable, l.firstDataRow, l.cashable, lastRow),
          rule: { kind: "list", source: ["Y", "N"] },
          error: { style: "stop", title: "Cashable", message: "Y: money no longer spent or now received. N: not cashable, such as a cost avoided." },
        },
      ],
    },
  };
}

/** A whole column of the table's data, A1 style, for the summary's and the report's formulas. */
export function benefitsColumn(l: BenefitsLayout, column: number, count: number): string {
  const last = Math.max(l.firstDataRow, l.firstDataRow + count - 1);
  return `'${BENEFIT_SHEET.benefits}'!$${columnLetter(column)}$${l.firstDataRow}:$${columnLetter(column)}$${last}`;
}
