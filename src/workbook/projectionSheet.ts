import { FORMAT, type Block, type SheetPlan } from "./plan";
import { NAME, SHEET } from "./sheetNames";
import { absolute, cell, columnLetter, quoteSheet, range } from "./a1";
import { postsColumn, type PostsLayout } from "./postsSheet";
import { PROJECTION_NAME } from "./projectionMethod";
import {
  baselineThisYearFormula,
  daysCoveredFormula,
  employerNiFormula,
  employmentCostFromPieces,
  growFormula,
  growGivenFormula,
  noWorseFormula,
  onCostFormula,
  payFormula,
  plainSum,
  proRataDaysFormula,
  roundMoney,
  savingFormula,
  splitFloorFormula,
  splitPartFormula,
  splitRemainderFormula,
  type SplitRefs,
  type YearRefs,
} from "../formulas/index";

/**
 * The projection (rule 14) as two sheets of built-in formulas over the Posts table and the
 * Method sheet's projection block:
 *
 * - "JW Projection working" (hidden): one row per row of the Posts table, and per projected year
 *   a block of columns: salary grown by the awards, pay, annual cost (that year's NI), days of
 *   that year the post covers, cost that year, and per council its given baseline grown, the
 *   split's working, its part, baseline and saving;
 * - "JW Projection": per year and council the share of joint costs, single posts, baseline,
 *   saving and cumulative saving, the totals, the no-worse-off check and whether the year's NI
 *   figures are assumed, with a chart of the total saving per year.
 */
export const PROJECTION_SHEET = { projection: "JW Projection", working: "JW Projection working" } as const;

export interface ProjectionWorkingYear {
  salary: number;
  pay: number;
  annualCost: number;
  days: number;
  cost: number;
  baselineGiven: number[];
  splitFloor: number[];
  splitRemainder: number[];
  part: number[];
  baselineThisYear: number[];
  saving: number[];
}

export interface ProjectionLayout {
  years: number;
  /** The working sheet: posts from row 2, in the Posts table's order. */
  working: { firstDataRow: number; years: ProjectionWorkingYear[]; last: number };
  /** The Projection sheet: a row per year. */
  headerRow: number;
  firstYearRow: number;
  columns: {
    year: number;
    award: number;
    jointCostShare: number[];
    singlePostCost: number[];
    baseline: number[];
    saving: number[];
    cumulativeSaving: number[];
    totalJointCostShare: number;
    totalSinglePostCost: number;
    totalBaseline: number;
    totalSaving: number;
    cumulativeTotalSaving: number;
    noWorse: number;
    niAssumed: number;
  };
}

function workingLayout(n: number, years: number): ProjectionLayout["working"] {
  let c = 3;
  const next = () => c++;
  const many = () => Array.from({ length: n }, () => next());
  const blocks: ProjectionWorkingYear[] = [];
  for (let k = 0; k < years; k++) {
    const salary = next(), pay = next(), annualCost = next(), days = next(), cost = next();
    blocks.push({ salary, pay, annualCost, days, cost, baselineGiven: many(), splitFloor: many(), splitRemainder: many(), part: many(), baselineThisYear: many(), saving: many() });
  }
  return { firstDataRow: 2, years: blocks, last: c - 1 };
}

function sheetLayout(n: number, years: number, working: ProjectionLayout["working"]): ProjectionLayout {
  let c = 1;
  const next = () => c++;
  const many = () => Array.from({ length: n }, () => next());
  const year = next(), award = next();
  const jointCostShare = many(), singlePostCost = many(), baseline = many(), saving = many(), cumulativeSaving = many();
  const totalJointCostShare = next(), totalSinglePostCost = next(), totalBaseline = next(), totalSaving = next(), cumulativeTotalSaving = next();
  const noWorse = next(), niAssumed = next();
  return {
    years,
    working,
    headerRow: 4,
    firstYearRow: 5,
    columns: { year, award, jointCostShare, singlePostCost, baseline, saving, cumulativeSaving, totalJointCostShare, totalSinglePostCost, totalBaseline, totalSaving, cumulativeTotalSaving, noWorse, niAssumed },
  };
}

/** The formulas of one working row (one post) for every year. */
function workingRow(posts: PostsLayout, w: ProjectionLayout["working"], row: number): string[] {
  const p = (column: number) => `${quoteSheet(SHEET.posts)}!$${columnLetter(column)}${row}`;
  const at = (column: number) => cell(column, row);
  const span = (columns: readonly number[]) => range(columns[0], row, columns[columns.length - 1], row);
  const joint = `${p(posts.joint)}="Y"`;
  const shares = posts.share.map(p);
  const agreed = `ABS(${plainSum(shares)}-1)<=0.000000001`;
  const pensionRate = `INDEX(${NAME.pensionRates},MATCH(${p(posts.home)},${NAME.codes},0))`;
  const out = new Map<number, string>();
  out.set(1, `=${p(posts.id)}&""`);
  out.set(2, `=${p(posts.post)}&""`);
  w.years.forEach((y, k) => {
    const i = k + 1;
    const award = `INDEX(${PROJECTION_NAME.awards},${i})`;
    const year: YearRefs = { first: `INDEX(${PROJECTION_NAME.firstDays},${i})`, last: `INDEX(${PROJECTION_NAME.lastDays},${i})`, days: `INDEX(${PROJECTION_NAME.days},${i})` };
    const ni = { threshold: `INDEX(${PROJECTION_NAME.niThresholds},${i})`, rate: `INDEX(${PROJECTION_NAME.niRates},${i})` };
    const previous = k === 0 ? null : w.years[k - 1];
    out.set(y.salary, k === 0 ? `=${p(posts.salary)}` : `=${growFormula(at(previous!.salary), award)}`);
    out.set(y.pay, `=${payFormula(at(y.salary), p(posts.fte))}`);
    const pay = at(y.pay);
    out.set(y.annualCost, `=${employmentCostFromPieces(pay, employerNiFormula(pay, ni), onCostFormula(pay, pensionRate), onCostFormula(pay, NAME.levy))}`);
    out.set(y.days, `=${daysCoveredFormula(p(posts.start), p(posts.end), year)}`);
    out.set(y.cost, `=${proRataDaysFormula(at(y.annualCost), at(y.days), year)}`);
    const cost = at(y.cost);
    const split: SplitRefs = {
      amount: cost,
      weights: shares,
      floors: y.splitFloor.map(at),
      remainders: y.splitRemainder.map(at),
      floorsRange: span(y.splitFloor),
      remaindersRange: span(y.splitRemainder),
    };
    posts.authorities.forEach((_, a) => {
      const given = p(posts.baseline[a]);
      out.set(y.baselineGiven[a], k === 0 ? `=IF(${given}="","",${given})` : `=${growGivenFormula(at(previous!.baselineGiven[a]), award)}`);
      out.set(y.splitFloor[a], `=IF(${joint},${splitFloorFormula(split, a)},0)`);
      out.set(y.splitRemainder[a], `=IF(${joint},${splitRemainderFormula(split, a)},0)`);
      out.set(y.part[a], `=IF(${joint},IF(${agreed},${splitPartFormula(split, a)},NA()),IF(${p(posts.home)}=INDEX(${NAME.codes},${a + 1}),${cost},0))`);
      out.set(y.baselineThisYear[a], `=IF(${joint},${baselineThisYearFormula(at(y.baselineGiven[a]), shares[a], cost, at(y.days), year)},0)`);
      out.set(y.saving[a], `=IF(${joint},${savingFormula(at(y.baselineThisYear[a]), at(y.part[a]))},0)`);
    });
  });
  const formulas: string[] = [];
  for (let column = 1; column <= w.last; column++) formulas.push(out.get(column)!);
  return formulas;
}

function workingHeaders(codes: readonly string[], w: ProjectionLayout["working"]): string[] {
  const headers = ["Post ID", "Post"];
  w.years.forEach((_, k) => {
    const y = `Y${k + 1}`;
    headers.push(`${y} salary`, `${y} pay`, `${y} annual cost`, `${y} days`, `${y} cost`);
    for (const what of ["baseline given", "split whole pence", "split remainder", "part", "baseline", "saving"]) headers.push(...codes.map((c) => `${y} ${what} ${c}`));
  });
  return headers;
}

export function projectionSheetPlans(codes: readonly string[], posts: PostsLayout, postCount: number, years: number): { sheets: SheetPlan[]; layout: ProjectionLayout } {
  const n = codes.length;
  const working = workingLayout(n, years);
  const l = sheetLayout(n, years, working);
  const count = postCount;

  const workingBlocks: Block[] = [{ address: "A1", rows: 1, columns: working.last, values: [workingHeaders(codes, working)], columnFormats: new Array(working.last).fill(FORMAT.TEXT), style: "header" }];
  if (count > 0) {
    const formats = new Array(working.last).fill(FORMAT.MONEY);
    formats[0] = FORMAT.GENERAL;
    formats[1] = FORMAT.GENERAL;
    for (const y of working.years) {
      formats[y.days - 1] = FORMAT.INTEGER;
      for (const c of [...y.splitFloor, ...y.splitRemainder]) formats[c - 1] = FORMAT.GENERAL;
    }
    workingBlocks.push({
      address: cell(1, working.firstDataRow),
      rows: count,
      columns: working.last,
      formulas: Array.from({ length: count }, (_, i) => workingRow(posts, working, working.firstDataRow + i)),
      columnFormats: formats,
    });
  }
  const workingSheet: SheetPlan = {
    name: PROJECTION_SHEET.working,
    blocks: workingBlocks,
    hidden: true,
    freezeRows: 1,
    columnWidths: [12, 30],
    hiddenColumns: working.years.flatMap((y) => [...y.splitFloor, ...y.splitRemainder]),
  };

  // The Projection sheet: one row per year.
  const lastRow = Math.max(working.firstDataRow, working.firstDataRow + count - 1);
  const wcol = (column: number) => absolute(PROJECTION_SHEET.working, column, working.firstDataRow, column, lastRow);
  const pcol = (column: number) => postsColumn(posts, column, count);
  const c = l.columns;
  const rows: string[][] = [];
  for (let k = 0; k < years; k++) {
    const row = l.firstYearRow + k;
    const y = working.years[k];
    const i = k + 1;
    const f: string[] = new Array(c.niAssumed - 1).fill("");
    const set = (column: number, formula: string) => (f[column - 2] = `=${formula}`);
    set(c.award, k === 0 ? `"today's figures"` : `INDEX(${PROJECTION_NAME.awards},${i})`);
    for (let a = 0; a < n; a++) {
      set(c.jointCostShare[a], roundMoney(`SUMIFS(${wcol(y.part[a])},${pcol(posts.joint)},"Y")`));
      set(c.singlePostCost[a], roundMoney(`SUMIFS(${wcol(y.cost)},${pcol(posts.joint)},"N",${pcol(posts.home)},INDEX(${NAME.codes},${a + 1}))`));
      set(c.baseline[a], roundMoney(`SUM(${wcol(y.baselineThisYear[a])})`));
      set(c.saving[a], roundMoney(`SUM(${wcol(y.saving[a])})`));
      const s = columnLetter(c.saving[a]);
      set(c.cumulativeSaving[a], roundMoney(`SUM(${s}$${l.firstYearRow}:${s}${row})`));
    }
    const rowSum = (columns: number[]) => roundMoney(`SUM(${range(columns[0], row, columns[columns.length - 1], row)})`);
    set(c.totalJointCostShare, rowSum(c.jointCostShare));
    set(c.totalSinglePostCost, rowSum(c.singlePostCost));
    set(c.totalBaseline, rowSum(c.baseline));
    set(c.totalSaving, rowSum(c.saving));
    const t = columnLetter(c.totalSaving);
    set(c.cumulativeTotalSaving, roundMoney(`SUM(${t}$${l.firstYearRow}:${t}${row})`));
    set(c.noWorse, noWorseFormula(range(c.saving[0], row, c.saving[n - 1], row), NAME.noWorseTolerance));
    set(c.niAssumed, `IF(INDEX(${PROJECTION_NAME.niAssumed},${i}),"Yes: latest known NI figures","No")`);
    rows.push(f);
  }
  const headers = [
    "Year",
    "Pay award",
    ...codes.map((k) => `Share of joint costs ${k}`),
    ...codes.map((k) => `Single posts ${k}`),
    ...codes.map((k) => `Baseline ${k}`),
    ...codes.map((k) => `Saving ${k}`),
    ...codes.map((k) => `Cumulative saving ${k}`),
    "Total share of joint costs",
    "Total single posts",
    "Total baseline",
    "Total saving",
    "Cumulative total saving",
    "No council worse off",
    "NI assumed",
  ];
  const formats = headers.slice(1).map(() => FORMAT.MONEY as string);
  formats[0] = FORMAT.PERCENT;
  formats[c.noWorse - 2] = FORMAT.GENERAL;
  formats[c.niAssumed - 2] = FORMAT.GENERAL;
  const firstRow = l.firstYearRow;
  const lastYearRow = firstRow + years - 1;
  const sheet: SheetPlan = {
    name: PROJECTION_SHEET.projection,
    blocks: [
      { address: "A1", rows: 1, columns: 1, values: [[`Joint working: projection over ${years} year${years === 1 ? "" : "s"}`]], columnFormats: [FORMAT.TEXT], style: "title" },
      {
        address: "A2",
        rows: 1,
        columns: 1,
        values: [[
          `Live formulas over the ${SHEET.posts} table and the ${SHEET.method} sheet's projection block (pay awards and NI per year, rule 14). The first year is today's figures, as on ${SHEET.summary}. Posts starting part-way through the first year count a full year from the next; end dates end them. No add-in needed.`,
        ]],
        columnFormats: [FORMAT.TEXT],
        style: "note",
      },
      { address: cell(1, l.headerRow), rows: 1, columns: headers.length, values: [headers], columnFormats: new Array(headers.length).fill(FORMAT.TEXT), style: "header" },
      { address: cell(1, firstRow), rows: years, columns: 1, formulas: Array.from({ length: years }, (_, k) => [`=INDEX(${PROJECTION_NAME.labels},${k + 1})`]), columnFormats: [FORMAT.GENERAL] },
      { address: cell(2, firstRow), rows: years, columns: headers.length - 1, formulas: rows, columnFormats: formats },
    ],
    freezeRows: l.headerRow,
    columnWidths: [12, 16, ...headers.slice(2).map((h) => Math.max(14, Math.min(26, h.length + 2)))],
    chart: {
      title: "Total saving per year",
      seriesName: "Total saving",
      categories: range(c.year, firstRow, c.year, lastYearRow),
      values: range(c.totalSaving, firstRow, c.totalSaving, lastYearRow),
      position: range(1, lastYearRow + 3, 8, lastYearRow + 20),
    },
  };
  return { sheets: [sheet, workingSheet], layout: l };
}
