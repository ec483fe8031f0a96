import { DEFAULT_LEVY_RATE, niTable } from "../core/onCosts";
import { PAY_VOTE_THRESHOLD } from "../core/checks";
import { SPLIT_DIGITS } from "../core/split";
import { DEFAULT_TRUE_UP_TOLERANCE } from "../core/trueUp";
import { FORMAT, type Block, type NamePlan, type PlannedValue, type SheetPlan } from "./plan";
import { NAME, SHEET } from "./sheetNames";
import { absolute, cell } from "./a1";
import { projectionMethodBlocks, type ProjectionAssumptions, type ProjectionMethodLayout } from "./projectionMethod";

/**
 * The Method sheet (methodology and assumptions): every figure the other sheets' formulas read,
 * by name, with where it comes from, and the rules in plain English, so an auditor can re-perform
 * any figure from this sheet and a post's row without the add-in. The partnership's own settings
 * (year, levy, pension rates, recharges, VAT) are shown here by formula from where they are kept
 * (the JW Partnership sheet, or a template's details block), so they are edited in one place.
 */

/** Where the partnership's settings are kept, as formulas (names by default) or fixed values. */
export interface MethodSources {
  year: string;
  levy: string;
  periods: string;
  vat: string | boolean;
  codes: string;
  names: string;
  pensionRates: string;
}

export const WORKBOOK_SOURCES: MethodSources = {
  year: `=${NAME.year}`,
  levy: `=${NAME.levy}`,
  periods: `=${NAME.periods}`,
  vat: `=${NAME.vat}`,
  codes: NAME.codes,
  names: NAME.names,
  pensionRates: NAME.pensionRates,
};

/**
 * The Method sheet's input cells officers may change by hand (JW_PayVoteThreshold,
 * JW_NoWorseTolerance, JW_TrueUpTolerance): a rewrite of the sheet carries what they hold,
 * and writes the defaults only where nothing is given.
 */
export interface MethodSettings {
  payVoteThreshold?: number;
  noWorseTolerance?: number;
  trueUpTolerance?: number;
}

export interface MethodLayout {
  /** Rule 14: the projection's block, when the sheet has one. */
  projection?: ProjectionMethodLayout;
  /** Rows of the settings (value in column B). */
  rows: Record<"year" | "firstDay" | "lastDay" | "days" | "taxYear" | "niThreshold" | "niRate" | "levy" | "payVote" | "noWorse" | "periods" | "vat" | "trueUpTolerance", number>;
  firstNiRow: number;
  lastNiRow: number;
}

const RULES: readonly [string, string][] = [
  ["Rounding", "Every amount is rounded to the penny, half away from zero, as Excel's ROUND(x, 2). Each step below is rounded before the next uses it."],
  ["Pay", "Pay = ROUND(salary × FTE, 2). A blank FTE is full time (1)."],
  ["Employer NI", "NI = ROUND(MAX(0, pay − threshold) × rate, 2), with the threshold and rate of the financial year's tax year (table below; worked in whole pence)."],
  ["Pension and levy", "Pension = ROUND(pay × the home council's employer pension rate, 2); levy = ROUND(pay × the levy rate, 2)."],
  ["Annual cost", "Annual cost = pay + NI + pension + levy."],
  ["Part years", "Days = the days of the financial year from Start to End inclusive (blank: the year's own; dates outside the year are clamped to it). Cost this year = ROUND(annual cost × days ÷ days in the year, 2)."],
  [
    "Split of a joint post",
    `Each council's exact share is cost × its share ÷ the sum of the shares, in pence, rounded to ${SPLIT_DIGITS} decimal places. Each council first gets the whole pence of its share; the pence left over go one each to the councils with the largest remainders, the earlier council on a tie, so the parts add back to the cost exactly. (Working columns on JW Posts, hidden: floor and remainder per council.)`,
  ],
  ["Baseline", "What a council would pay for its own post, pro rata over the same days. Where a joint post gives none, each council taking a share is assumed to have needed its own post at the same cost, and a council with no share none (rule 6). The Posts table flags each post that uses this assumption."],
  ["Saving", "Saving = baseline − the council's part of the joint cost."],
  ["Principle 3", "No council worse off: every council's total saving is at or above −tolerance (the figure above)."],
  ["Pay vote", "A salary package (pay) at or above the threshold needs a vote of Full Council, however the post is split (threshold above). On a grade range it is judged on the pay at the top of the range."],
  [
    "Grade ranges",
    "A post on a grade range (Salary is its bottom, Salary max its top) is costed twice, by the same steps: at the bottom (the Posts table's main columns, the Summary's first table) and at the top (the 'high' columns, the Summary's second table). A post with no Salary max costs the same at both ends. A baseline given as an amount is the same at both ends; an assumed baseline follows the cost at each end.",
  ],
  ["Recharges", "The home council pays the post holder and invoices each partner its part over the recharge periods: each period is the part ÷ periods rounded down to the penny, the last period takes what is left."],
  ["VAT", "Staff supplied under a section 113 agreement are outside the scope of VAT (HMRC); whether the partners charge it is the setting above."],
  ["Payback", "One-off costs ÷ the annual saving, in years; no positive saving, no payback."],
  [
    "Year-end true-up",
    "For a joint post with an actual cost (outturn) A against its estimate E (its cost this year, all of its rows): no adjustment while |A − E| ≤ the true-up tolerance × E. Otherwise A is split across the post's rows by their estimates, and each partner's adjustment is its part of A minus its part of E (both split as above); positive, the partner owes the home council; negative, a credit; the home council's own part is not invoiced.",
  ],
];

/** The column of explanations (wrapped, wide), beside the figures they explain. */
const EXPLAIN = 5;

function vatText(charged: boolean): string {
  return charged ? "Charged on recharges" : "Not charged (outside the scope of VAT)";
}

function one(address: string, value: PlannedValue, format: string, style?: Block["style"]): Block {
  return { address, rows: 1, columns: 1, values: [[value]], columnFormats: [format], ...(style ? { style } : {}) };
}

function formula(address: string, text: string, format: string): Block {
  return { address, rows: 1, columns: 1, formulas: [[text]], columnFormats: [format] };
}

/** A setting's value: a formula (starts with "=") or a fixed value. */
function setting(address: string, source: string | boolean, format: string): Block {
  return typeof source === "string" && source.startsWith("=") ? formula(address, source, format) : one(address, source, format, "input");
}

export function methodSheetPlan(
  authorities: number,
  sources: MethodSources = WORKBOOK_SOURCES,
  options: MethodSettings & { projection?: ProjectionAssumptions } = {},
): { sheet: SheetPlan; names: NamePlan[]; layout: MethodLayout } {
  const name = SHEET.method;
  const table = niTable();
  const blocks: Block[] = [
    one("A1", "Method and assumptions", FORMAT.TEXT, "title"),
    one(
      "A2",
      "How every figure in this workbook is worked out, and the figures it uses. The other sheets' formulas read the cells in column B by name: change one and everything recalculates. Nothing here needs the Joint working add-in.",
      FORMAT.TEXT,
      "note",
    ),
    { address: "A4", rows: 1, columns: 5, values: [["Figure", "Value", "", "", "Where it comes from"]], columnFormats: new Array(5).fill(FORMAT.TEXT), style: "header" },
  ];
  const labels: [keyof MethodLayout["rows"], string, string][] = [
    ["year", "Financial year", "The partnership's settings"],
    ["firstDay", "First day of the year", "1 April of the financial year"],
    ["lastDay", "Last day of the year", "31 March after it"],
    ["days", "Days in the year", "365, or 366 when it holds 29 February"],
    ["taxYear", "Tax year for National Insurance", "The tax year that starts in the same April"],
    ["niThreshold", "Employer NI threshold this year", "The NI table below"],
    ["niRate", "Employer NI rate this year", "The NI table below"],
    ["levy", "Apprenticeship levy rate", `The partnership's settings (the usual rate is ${DEFAULT_LEVY_RATE * 100}%)`],
    ["payVote", "Pay vote threshold", "Pay policy statement; DCLG guidance 2012 (Localism Act 2011)"],
    ["noWorse", "Principle 3 tolerance", "The partnership's principles: 0 means no council may show any loss"],
    ["periods", "Recharge periods a year", "The partnership's settings: 12 monthly, 4 quarterly, 1 annual"],
    ["vat", "VAT on recharges", "The partnership's settings"],
    ["trueUpTolerance", "Year-end true-up tolerance", "The partnership's agreement: no adjustment while the outturn is within this fraction of the estimate (3% is common)"],
  ];
  const first = 5;
  const rows = Object.fromEntries(labels.map(([key], i) => [key, first + i])) as MethodLayout["rows"];
  blocks.push({ address: cell(1, first), rows: labels.length, columns: 1, values: labels.map(([, label]) => [label]), columnFormats: [FORMAT.TEXT] });
  blocks.push({ address: cell(EXPLAIN, first), rows: labels.length, columns: 1, values: labels.map(([, , source]) => [source]), columnFormats: [FORMAT.TEXT], style: "note", wrap: true });
  const b = (key: keyof MethodLayout["rows"]) => cell(2, rows[key]);
  blocks.push(setting(b("year"), sources.year, FORMAT.TEXT));
  blocks.push(formula(b("firstDay"), `=DATE(VALUE(LEFT(${b("year")},4)),4,1)`, FORMAT.DATE));
  blocks.push(formula(b("lastDay"), `=DATE(VALUE(LEFT(${b("year")},4))+1,3,31)`, FORMAT.DATE));
  blocks.push(formula(b("days"), `=${b("lastDay")}-${b("firstDay")}+1`, FORMAT.INTEGER));
  blocks.push(formula(b("taxYear"), `=VALUE(LEFT(${b("year")},4))`, FORMAT.INTEGER));
  blocks.push(formula(b("niThreshold"), `=INDEX(${NAME.niThresholds},MATCH(${b("taxYear")},${NAME.niYears},0))`, FORMAT.MONEY));
  blocks.push(formula(b("niRate"), `=INDEX(${NAME.niRates},MATCH(${b("taxYear")},${NAME.niYears},0))`, FORMAT.PERCENT));
  blocks.push(setting(b("levy"), sources.levy, FORMAT.PERCENT));
  blocks.push(one(b("payVote"), options.payVoteThreshold ?? PAY_VOTE_THRESHOLD, FORMAT.MONEY, "input"));
  blocks.push(one(b("noWorse"), options.noWorseTolerance ?? 0, FORMAT.MONEY, "input"));
  blocks.push(setting(b("periods"), sources.periods, FORMAT.INTEGER));
  blocks.push(
    typeof sources.vat === "boolean"
      ? one(b("vat"), vatText(sources.vat), FORMAT.TEXT)
      : formula(b("vat"), `=IF(${sources.vat.replace(/^=/, "")},"${vatText(true)}","${vatText(false)}")`, FORMAT.TEXT),
  );
  blocks.push(one(b("trueUpTolerance"), options.trueUpTolerance ?? DEFAULT_TRUE_UP_TOLERANCE, FORMAT.PERCENT, "input"));

  // Pension rates, one row per council, read from where the partnership keeps them.
  const ratesHeader = rows.trueUpTolerance + 2;
  blocks.push(one(cell(1, ratesHeader), "Employer pension rates", FORMAT.TEXT, "header"));
  blocks.push({ address: cell(1, ratesHeader + 1), rows: 1, columns: 3, values: [["Council", "Pension rate", "Code"]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT, FORMAT.TEXT], style: "header" });
  blocks.push({
    address: cell(1, ratesHeader + 2),
    rows: authorities,
    columns: 3,
    formulas: Array.from({ length: authorities }, (_, k) => [`=INDEX(${sources.names},${k + 1})`, `=INDEX(${sources.pensionRates},${k + 1})`, `=INDEX(${sources.codes},${k + 1})`]),
    columnFormats: [FORMAT.GENERAL, FORMAT.PERCENT, FORMAT.GENERAL],
  });
  blocks.push(one(cell(EXPLAIN, ratesHeader + 1), "Each council's employer pension rate, applied to posts it employs (the home council).", FORMAT.TEXT, "note"));

  // The NI table by tax year.
  const niHeader = ratesHeader + authorities + 3;
  blocks.push(one(cell(1, niHeader), "Employer National Insurance by tax year (annual secondary threshold and rate, HMRC)", FORMAT.TEXT, "header"));
  blocks.push({
    address: cell(1, niHeader + 1),
    rows: 1,
    columns: 5,
    values: [["Tax year", "Starts in", "Threshold", "Rate", "Note"]],
    columnFormats: new Array(5).fill(FORMAT.TEXT),
    style: "header",
  });
  const firstNiRow = niHeader + 2;
  const lastNiRow = firstNiRow + table.length - 1;
  blocks.push({
    address: cell(1, firstNiRow),
    rows: table.length,
    columns: 4,
    values: table.map((t) => [t.label, t.startYear, t.threshold, t.rate]),
    columnFormats: [FORMAT.TEXT, FORMAT.INTEGER, FORMAT.MONEY, FORMAT.PERCENT],
    style: "input",
  });
  blocks.push({
    address: cell(EXPLAIN, firstNiRow),
    rows: 2,
    columns: 1,
    values: [
      ["Annual secondary threshold and employer rate (HMRC rates and thresholds for employers)."],
      ["2022/23's 14.53% is the annual equivalent of 15.05% to 5 November 2022 and 13.8% after. A year missing from this table shows #N/A: add its row."],
    ],
    columnFormats: [FORMAT.TEXT],
    style: "note",
    wrap: true,
  });

  // The rules in plain English.
  const rulesHeader = lastNiRow + 3;
  blocks.push({ address: cell(1, rulesHeader), rows: 1, columns: 5, values: [["Rule", "", "", "", "How it is applied"]], columnFormats: new Array(5).fill(FORMAT.TEXT), style: "header" });
  blocks.push({ address: cell(1, rulesHeader + 1), rows: RULES.length, columns: 1, values: RULES.map(([a]) => [a]), columnFormats: [FORMAT.TEXT], style: "header" });
  blocks.push({ address: cell(EXPLAIN, rulesHeader + 1), rows: RULES.length, columns: 1, values: RULES.map(([, t]) => [t]), columnFormats: [FORMAT.TEXT], wrap: true });

  const at = (row: number) => `=${absolute(name, 2, row)}`;
  const names: NamePlan[] = [
    { name: NAME.yearFirstDay, reference: at(rows.firstDay), comment: "First day of the financial year" },
    { name: NAME.yearLastDay, reference: at(rows.lastDay), comment: "Last day of the financial year" },
    { name: NAME.yearDays, reference: at(rows.days), comment: "Days in the financial year" },
    { name: NAME.taxYear, reference: at(rows.taxYear), comment: "Tax year (start year) for employer NI" },
    { name: NAME.niThreshold, reference: at(rows.niThreshold), comment: "Employer NI threshold for the year" },
    { name: NAME.niRate, reference: at(rows.niRate), comment: "Employer NI rate for the year" },
    { name: NAME.payVoteThreshold, reference: at(rows.payVote), comment: "Salary package needing a Full Council vote" },
    { name: NAME.noWorseTolerance, reference: at(rows.noWorse), comment: "Principle 3 tolerance" },
    { name: NAME.trueUpTolerance, reference: at(rows.trueUpTolerance), comment: "Year-end true-up tolerance (a fraction of the estimate)" },
    { name: NAME.niYears, reference: `=${absolute(name, 2, firstNiRow, 2, lastNiRow)}`, comment: "NI table: tax years (start year)" },
    { name: NAME.niThresholds, reference: `=${absolute(name, 3, firstNiRow, 3, lastNiRow)}`, comment: "NI table: annual secondary thresholds" },
    { name: NAME.niRates, reference: `=${absolute(name, 4, firstNiRow, 4, lastNiRow)}`, comment: "NI table: employer rates" },
  ];
  // The projection's assumptions, below everything else, so no other row moves.
  const extra = options.projection ? projectionMethodBlocks(rulesHeader + RULES.length + 2, b("taxYear"), options.projection) : null;
  if (extra) {
    blocks.push(...extra.blocks);
    names.push(...extra.names);
  }
  return {
    layout: { rows, firstNiRow, lastNiRow, ...(extra ? { projection: extra.layout } : {}) },
    names,
    sheet: { name, blocks, columnWidths: [34, 16, 14, 10, 72], freezeRows: 4, print: { orientation: "landscape", fitToWidth: true } },
  };
}
