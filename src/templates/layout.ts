import type { PostInputColumns } from "../workbook/postsSheet";
import { TEMPLATE_VERSION } from "./version";

/**
 * Where everything is on a costing template (layout versions 1 and 2), for N authorities, P post rows
 * and R recharge periods. Rows and columns are 1-based, as Excel numbers them. The details block
 * (rows 11 to 20 + N) is at fixed rows so a return can be read before its size is known.
 */

export const DETAILS = {
  /** Header "About this template". */
  headerRow: 11,
  markerRow: 12,
  fingerprintRow: 13,
  yearRow: 14,
  yearStartRow: 15,
  yearEndRow: 16,
  levyRow: 17,
  periodsRow: 18,
  postRowsRow: 19,
  /** Header of the authorities table: Code, Name, Employer pension rate. */
  authoritiesHeaderRow: 20,
  /** Label in column A, value in column B. */
  labelColumn: 1,
  valueColumn: 2,
} as const;

export const GUIDANCE_FIRST_ROW = 2;
/** Most authorities a template is made for (and read back). */
export const MAX_TEMPLATE_AUTHORITIES = 20;
/** Most post rows a template has. */
export const MAX_POST_ROWS = 500;
export const DEFAULT_POST_ROWS = 15;
/** The block a reader scans for the marker (any version). */
export const PROBE_ROWS = DETAILS.authoritiesHeaderRow + MAX_TEMPLATE_AUTHORITIES + 1;
export const PROBE_COLUMNS = 3;

export interface TemplateLayout extends PostInputColumns {
  authorities: number;
  postRows: number;
  periods: number;
  firstAuthorityRow: number;
  /** The input table's header row; posts are in the P rows below it. */
  headerRow: number;
  firstPostRow: number;
  lastPostRow: number;
  // Input columns: those of every post-input table, then
  /** Version 3 on: the top of a grade range (rule 13), after Salary; null in versions 1 and 2. */
  salaryMax: number | null;
  oneOff: number;
  // Output columns (formulas)
  check: number;
  annualCost: number;
  costThisYear: number;
  part: number[];
  baselineThisYear: number[];
  saving: number[];
  fullYearSaving: number;
  baselineAssumed: number;
  payVote: number;
  payback: number;
  recharge: number[];
  // Working columns the formulas read (locked, shown at the far right)
  jointUsed: number;
  homeUsed: number;
  shareUsed: number[];
  /** The split's working columns (version 2 on): each council's whole pence and remainder. */
  splitFloor: number[];
  splitRemainder: number[];
  last: number;
  // Totals block below the posts
  totalsTitleRow: number;
  totalsHeaderRow: number;
  firstTotalsRow: number;
  totalRow: number;
  noWorseRow: number;
  payVotesRow: number;
  oneOffRow: number;
  paybackRow: number;
  assumedNoteRow: number;
  lastRow: number;
}

/**
 * Version 1 and 2 templates have the same input columns and details block (so a return of either
 * is read the same way); version 2 adds the split's working columns at the far right.
 */
export function templateLayout(authorities: number, postRows: number, periods: number, version: number = TEMPLATE_VERSION): TemplateLayout {
  const n = authorities;
  let c = 1;
  const next = () => c++;
  const many = (count: number) => Array.from({ length: count }, () => next());
  const post = next(), home = next(), joint = next();
  const share = many(n);
  const salary = next();
  const salaryMax = version >= 3 ? next() : null;
  const fte = next(), start = next(), end = next();
  const baseline = many(n);
  const oneOff = next();
  const lastInput = c - 1;
  const check = next(), annualCost = next(), costThisYear = next();
  const part = many(n), baselineThisYear = many(n), saving = many(n);
  const fullYearSaving = next(), baselineAssumed = next(), payVote = next(), payback = next();
  const recharge = many(periods);
  const jointUsed = next(), homeUsed = next();
  const shareUsed = many(n);
  const splitFloor = version >= 2 ? many(n) : [];
  const splitRemainder = version >= 2 ? many(n) : [];
  const last = c - 1;

  const firstAuthorityRow = DETAILS.authoritiesHeaderRow + 1;
  const headerRow = firstAuthorityRow + n + 1;
  const firstPostRow = headerRow + 1;
  const lastPostRow = headerRow + postRows;
  const totalsTitleRow = lastPostRow + 2;
  const totalsHeaderRow = totalsTitleRow + 1;
  const firstTotalsRow = totalsHeaderRow + 1;
  const totalRow = firstTotalsRow + n;
  const noWorseRow = totalRow + 2;
  return {
    authorities: n,
    postRows,
    periods,
    firstAuthorityRow,
    headerRow,
    firstPostRow,
    lastPostRow,
    post, home, joint, share, salary, salaryMax, fte, start, end, baseline, oneOff, lastInput,
    check, annualCost, costThisYear, part, baselineThisYear, saving, fullYearSaving, baselineAssumed, payVote, payback, recharge,
    jointUsed, homeUsed, shareUsed, splitFloor, splitRemainder, last,
    totalsTitleRow,
    totalsHeaderRow,
    firstTotalsRow,
    totalRow,
    noWorseRow,
    payVotesRow: noWorseRow + 1,
    oneOffRow: noWorseRow + 2,
    paybackRow: noWorseRow + 3,
    assumedNoteRow: noWorseRow + 5,
    lastRow: noWorseRow + 5,
  };
}

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

/** The recharge period headers: months for 12, quarters for 4, otherwise numbered. */
export function periodLabels(periods: number, startYear: number): string[] {
  if (periods === 12) return MONTHS.map((m, i) => `Recharge ${m} ${i < 9 ? startYear : startYear + 1}`);
  if (periods === 4) return ["Q1 (Apr–Jun)", "Q2 (Jul–Sep)", "Q3 (Oct–Dec)", "Q4 (Jan–Mar)"].map((q) => `Recharge ${q}`);
  if (periods === 1) return ["Recharge (annual)"];
  return Array.from({ length: periods }, (_, i) => `Recharge ${i + 1} of ${periods}`);
}

/** The input table's headers (what a budget holder sees and what the import reads), for a layout version. */
export function inputHeaders(codes: readonly string[], version: number = TEMPLATE_VERSION): string[] {
  return [
    "Post",
    "Home authority",
    "Joint",
    ...codes.map((k) => `Share ${k}`),
    "Salary",
    ...(version >= 3 ? ["Salary max"] : []),
    "FTE",
    "Start",
    "End",
    ...codes.map((k) => `Baseline ${k}`),
    "One-off costs",
  ];
}

export function outputHeaders(codes: readonly string[], periods: number, startYear: number): string[] {
  return [
    "Check",
    "Annual cost",
    "Cost this year",
    ...codes.map((k) => `Part ${k}`),
    ...codes.map((k) => `Baseline this year ${k}`),
    ...codes.map((k) => `Saving ${k}`),
    "Saving a full year",
    "Baseline assumed",
    "Pay vote",
    "Payback (years)",
    ...periodLabels(periods, startYear),
    "Working: joint",
    "Working: home",
    ...codes.map((k) => `Working: share ${k}`),
    ...codes.map((k) => `Working: whole pence ${k}`),
    ...codes.map((k) => `Working: remainder ${k}`),
  ];
}
