import { FORMAT, type Block, type NamePlan } from "./plan";
import { NAME, SHEET } from "./sheetNames";
import { absolute, cell } from "./a1";
import { niAssumedFormula, niForProjectedYearFormula } from "../formulas/index";

/**
 * The projection's assumptions on the Method sheet (rule 14): one row per projected year with its
 * financial year, first and last day, days, pay award (an input; the first year's is not
 * applied), and employer NI figures (the tax year's, or past the table the latest, marked). The
 * Projection sheets read them by name.
 */
export const PROJECTION_NAME = {
  startYears: "JW_ProjStartYears",
  labels: "JW_ProjYears",
  firstDays: "JW_ProjFirstDays",
  lastDays: "JW_ProjLastDays",
  days: "JW_ProjDays",
  awards: "JW_ProjPayAwards",
  niThresholds: "JW_ProjNiThresholds",
  niRates: "JW_ProjNiRates",
  niAssumed: "JW_ProjNiAssumed",
} as const;

export interface ProjectionAssumptions {
  years: number;
  /** Awards for the second, third … year; the last repeats; none is 0%. */
  awards: readonly number[];
}

export interface ProjectionMethodLayout {
  firstRow: number;
  lastRow: number;
  columns: { index: 1; label: 2; startYear: 3; firstDay: 4; lastDay: 5; days: 6; award: 7; niThreshold: 8; niRate: 9; niAssumed: 10 };
}

const TABLE = { years: NAME.niYears, thresholds: NAME.niThresholds, rates: NAME.niRates };

/** The block from `top` down; `taxYear` is the cell holding the first year's start year. */
export function projectionMethodBlocks(top: number, taxYear: string, settings: ProjectionAssumptions): { blocks: Block[]; names: NamePlan[]; layout: ProjectionMethodLayout } {
  const n = settings.years;
  const headerRow = top + 1;
  const first = headerRow + 1;
  const last = first + n - 1;
  const blocks: Block[] = [
    { address: cell(1, top), rows: 1, columns: 1, values: [["Projection: pay awards and employer NI per year (rule 14)"]], columnFormats: [FORMAT.TEXT], style: "header" },
    {
      address: cell(1, headerRow),
      rows: 1,
      columns: 10,
      values: [["Year", "Financial year", "Starts in", "First day", "Last day", "Days", "Pay award", "NI threshold", "NI rate", "NI assumed (latest known figures)"]],
      columnFormats: new Array(10).fill(FORMAT.TEXT),
      style: "header",
    },
  ];
  const formulas: string[][] = [];
  for (let k = 0; k < n; k++) {
    const row = first + k;
    const start = cell(3, row);
    const ni = niForProjectedYearFormula(start, TABLE);
    formulas.push([
      `=${start}&"/"&RIGHT(${start}+1,2)`,
      `=${taxYear}+${k}`,
      `=DATE(${start},4,1)`,
      `=DATE(${start}+1,3,31)`,
      `=${cell(5, row)}-${cell(4, row)}+1`,
    ]);
    formulas[k].push(`=${ni.threshold}`, `=${ni.rate}`, `=${niAssumedFormula(start, NAME.niYears)}`);
  }
  blocks.push({ address: cell(1, first), rows: n, columns: 1, values: Array.from({ length: n }, (_, k) => [k + 1]), columnFormats: [FORMAT.INTEGER] });
  blocks.push({ address: cell(2, first), rows: n, columns: 5, formulas: formulas.map((f) => f.slice(0, 5)), columnFormats: [FORMAT.GENERAL, FORMAT.INTEGER, FORMAT.DATE, FORMAT.DATE, FORMAT.INTEGER] });
  // The first year is today's figures: its award is shown as not applied, and never read.
  blocks.push({ address: cell(7, first), rows: 1, columns: 1, values: [["not applied"]], columnFormats: [FORMAT.TEXT] });
  if (n > 1) {
    const awards = Array.from({ length: n - 1 }, (_, k) => [settings.awards.length === 0 ? 0 : settings.awards[Math.min(k, settings.awards.length - 1)]]);
    blocks.push({ address: cell(7, first + 1), rows: n - 1, columns: 1, values: awards, columnFormats: [FORMAT.PERCENT], style: "input" });
  }
  blocks.push({ address: cell(8, first), rows: n, columns: 3, formulas: formulas.map((f) => f.slice(5)), columnFormats: [FORMAT.MONEY, FORMAT.PERCENT, FORMAT.GENERAL] });
  blocks.push({
    address: cell(1, last + 1),
    rows: 1,
    columns: 1,
    values: [[
      "Each year's salary is the year before's × (1 + that year's pay award), rounded to the penny; so is a baseline given as an amount. The first year is today's figures. A year past the NI table above uses its latest year's figures: that is an assumption, shown TRUE in the last column and on the Projection sheet. Change an award and the Projection sheet follows.",
    ]],
    columnFormats: [FORMAT.TEXT],
    style: "note",
  });
  const ref = (column: number) => `=${absolute(SHEET.method, column, first, column, last)}`;
  const names: NamePlan[] = [
    { name: PROJECTION_NAME.labels, reference: ref(2), comment: "Projection: financial years" },
    { name: PROJECTION_NAME.startYears, reference: ref(3), comment: "Projection: start years" },
    { name: PROJECTION_NAME.firstDays, reference: ref(4), comment: "Projection: first day of each year" },
    { name: PROJECTION_NAME.lastDays, reference: ref(5), comment: "Projection: last day of each year" },
    { name: PROJECTION_NAME.days, reference: ref(6), comment: "Projection: days in each year" },
    { name: PROJECTION_NAME.awards, reference: ref(7), comment: "Projection: pay award per year (the first not applied)" },
    { name: PROJECTION_NAME.niThresholds, reference: ref(8), comment: "Projection: employer NI threshold per year" },
    { name: PROJECTION_NAME.niRates, reference: ref(9), comment: "Projection: employer NI rate per year" },
    { name: PROJECTION_NAME.niAssumed, reference: ref(10), comment: "Projection: TRUE where the NI figures are assumed" },
  ];
  return {
    blocks,
    names,
    layout: { firstRow: first, lastRow: last, columns: { index: 1, label: 2, startYear: 3, firstDay: 4, lastDay: 5, days: 6, award: 7, niThreshold: 8, niRate: 9, niAssumed: 10 } },
  };
}
