import type { PostInputColumns } from "../workbook/postsSheet";
import type { BenefitInputColumns } from "../workbook/benefitsSheet";
import { TEMPLATE_VERSION } from "./version";

/**
 * Where everything is on a costing template (layout versions 1 to 4), for N authorities, P post
 * rows, R recharge periods and B benefit rows. Rows and columns are 1-based, as Excel numbers
 * them. The details block (rows 11 to 20 + N, one row more from version 4) is at fixed rows so a
 * return can be read before its size is known.
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
  /** Version 4 on: the number of benefit rows (rule 12), below the posts' totals. */
  benefitRowsRow: 20,
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
/** Most benefit rows a template has (version 4 on). */
export const MAX_BENEFIT_ROWS = 200;
export const DEFAULT_BENEFIT_ROWS = 10;

/** The header row of the authorities table (Code, Name, Employer pension rate): one lower from version 4, below Benefit rows. */
export function authoritiesHeaderRow(version: number): number {
  return version >= 4 ? DETAILS.benefitRowsRow + 1 : DETAILS.benefitRowsRow;
}

/** The block a reader scans for the marker (any version). */
export const PROBE_ROWS = authoritiesHeaderRow(4) + MAX_TEMPLATE_AUTHORITIES + 1;
export const PROBE_COLUMNS = 3;

/**
 * Version 4 on: the benefits block below the posts' totals, one row per non-post benefit (rule 12)
 * with the register's columns, its outputs, and totals per council. Its working columns sit in the
 * posts' working columns (the split's in the hidden ones), so no column is hidden twice over.
 */
export interface BenefitBlockLayout extends BenefitInputColumns {
  rows: number;
  titleRow: number;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  check: number;
  thisYear: number;
  part: number[];
  /** Working: the cashable answer as TRUE/FALSE, and each share as a number. */
  cashableUsed: number;
  shareUsed: number[];
  splitFloor: number[];
  splitRemainder: number[];
  totalsHeaderRow: number;
  firstTotalsRow: number;
  totalRow: number;
  /** Principle 3 over post savings plus cashable benefits. */
  noWorseRow: number;
}

export interface TemplateLayout extends PostInputColumns {
  /** The layout version the positions are for. */
  version: number;
  authorities: number;
  postRows: number;
  periods: number;
  authoritiesHeaderRow: number;
  firstAuthorityRow: number;
  /** The input table's header row; posts are in the P rows below it. */
  headerRow: number;
  firstPostRow: number;
  lastPostRow: number;
  // Input columns: those of every post-input table, then
  /** Version 4 on: the post's ID, after Post (for the year-end outturn); null before. */
  postId: number | null;
  /** Version 3 on: the top of a grade range (rule 13), after Salary; null in versions 1 and 2. */
  salaryMax: number | null;
  oneOff: number;
  /** Version 4 on: the year's actual cost (outturn, rule 15), after One-off costs; null before. */
  actualCost: number | null;
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
  /** Version 4 on: the benefits block; null before. */
  benefits: BenefitBlockLayout | null;
  lastRow: number;
}

/**
 * Version 1 and 2 templates have the same input columns and details block (so a return of either
 * is read the same way); version 2 adds the split's working columns at the far right; version 3
 * Salary max; version 4 Post ID, Actual cost and the benefits block (with Benefit rows in the
 * details, which moves the authorities table down a row).
 */
export function templateLayout(authorities: number, postRows: number, periods: number, version: number = TEMPLATE_VERSION, benefitRows: number = DEFAULT_BENEFIT_ROWS): TemplateLayout {
  const n = authorities;
  let c = 1;
  const next = () => c++;
  const many = (count: number) => Array.from({ length: count }, () => next());
  const post = next();
  const postId = version >= 4 ? next() : null;
  const home = next(), joint = next();
  const share = many(n);
  const salary = next();
  const salaryMax = version >= 3 ? next() : null;
  const fte = next(), start = next(), end = next();
  const baseline = many(n);
  const oneOff = next();
  const actualCost = version >= 4 ? next() : null;
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

  const authoritiesHeader = authoritiesHeaderRow(version);
  const firstAuthorityRow = authoritiesHeader + 1;
  const headerRow = firstAuthorityRow + n + 1;
  const firstPostRow = headerRow + 1;
  const lastPostRow = headerRow + postRows;
  const totalsTitleRow = lastPostRow + 2;
  const totalsHeaderRow = totalsTitleRow + 1;
  const firstTotalsRow = totalsHeaderRow + 1;
  const totalRow = firstTotalsRow + n;
  const noWorseRow = totalRow + 2;
  const assumedNoteRow = noWorseRow + 5;
  const benefits = version >= 4 ? benefitBlock(n, benefitRows, assumedNoteRow + 2, { jointUsed, homeUsed, shareUsed, splitFloor, splitRemainder }) : null;
  return {
    version,
    authorities: n,
    postRows,
    periods,
    authoritiesHeaderRow: authoritiesHeader,
    firstAuthorityRow,
    headerRow,
    firstPostRow,
    lastPostRow,
    post, postId, home, joint, share, salary, salaryMax, fte, start, end, baseline, oneOff, actualCost, lastInput,
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
    assumedNoteRow,
    benefits,
    lastRow: benefits ? benefits.noWorseRow : assumedNoteRow,
  };
}

function benefitBlock(
  n: number,
  rows: number,
  titleRow: number,
  working: { jointUsed: number; homeUsed: number; shareUsed: number[]; splitFloor: number[]; splitRemainder: number[] },
): BenefitBlockLayout {
  let c = 1;
  const next = () => c++;
  const many = (count: number) => Array.from({ length: count }, () => next());
  const benefit = next(), kind = next(), amount = next();
  const share = many(n);
  const start = next(), end = next(), cashable = next(), evidence = next();
  const lastInput = c - 1;
  const check = next(), thisYear = next();
  const part = many(n);
  const headerRow = titleRow + 1;
  const firstRow = headerRow + 1;
  const lastRow = headerRow + rows;
  const totalsHeaderRow = lastRow + 2;
  const firstTotalsRow = totalsHeaderRow + 1;
  const totalRow = firstTotalsRow + n;
  return {
    rows, titleRow, headerRow, firstRow, lastRow,
    benefit, kind, amount, share, start, end, cashable, evidence, lastInput, check, thisYear, part,
    cashableUsed: working.jointUsed,
    shareUsed: working.shareUsed,
    splitFloor: working.splitFloor,
    splitRemainder: working.splitRemainder,
    totalsHeaderRow, firstTotalsRow, totalRow,
    noWorseRow: totalRow + 2,
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
    ...(version >= 4 ? ["Post ID"] : []),
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
    ...(version >= 4 ? [ACTUAL_COST_HEADER] : []),
  ];
}

export const ACTUAL_COST_HEADER = "Actual cost (year end)";

/** The benefits block's input headers (the register's columns, src/benefits) and its outputs. */
export function benefitInputHeaders(codes: readonly string[]): string[] {
  return ["Benefit", "Kind", "Amount", ...codes.map((k) => `Share ${k}`), "Start", "End", "Cashable", "Evidence"];
}

export function benefitOutputHeaders(codes: readonly string[]): string[] {
  return ["Check", "Benefit this year", ...codes.map((k) => `Part ${k}`)];
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
