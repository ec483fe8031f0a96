/**
 * What the add-in writes to a workbook, as plain data: built by pure functions from validated,
 * costed input, then applied by the Office adapter (src/excel/) in batched requests, or loaded
 * into a spreadsheet engine by the tests. Values, formulas and formats are kept apart so text
 * from a file can never be written where a formula goes.
 */

/** A value written as data. Strings in a block whose format is TEXT stay text in Excel. */
export type PlannedValue = string | number | boolean | null;

/** Number formats used across the add-in's sheets. */
export const FORMAT = {
  TEXT: "@",
  MONEY: "£#,##0.00;-£#,##0.00",
  DATE: "dd/mm/yyyy",
  PERCENT: "0.00%",
  FRACTION: "0.00",
  INTEGER: "0",
  GENERAL: "General",
} as const;

/** A rectangle of cells, written in one request. Exactly one of values or formulas. */
export interface Block {
  /** Top-left cell, A1 style, on the sheet the block belongs to. */
  address: string;
  rows: number;
  columns: number;
  values?: PlannedValue[][];
  /** Formulas from the add-in's own templates; never text from a file. */
  formulas?: string[][];
  /** One format per column, applied before the values so text stays text. */
  columnFormats?: string[];
  /** Header or title styling. */
  style?: "header" | "title" | "note" | "input";
  /** Wrap long text within the cell's width (explanations meant to be read and printed). */
  wrap?: boolean;
}

export interface TablePlan {
  name: string;
  /** Range including the header row, A1 style. */
  address: string;
}

export interface ChartPlan {
  title: string;
  seriesName: string;
  /** Category labels (authority codes), A1 range on the same sheet. */
  categories: string;
  /** Values, A1 range on the same sheet, one per category. */
  values: string;
  /** Cells the chart covers, A1 range. */
  position: string;
}

/**
 * Excel data validation on a range (optional; used by the budget-holder templates). Formulas are
 * written relative to the range's top-left cell, as Excel reads them; dates are Excel serials.
 */
export type ValidationRule =
  | { kind: "list"; /** A reference formula such as =$A$21:$A$22, or the items themselves. */ source: string | readonly string[] }
  | { kind: "decimal" | "wholeNumber" | "textLength"; operator: ValidationOperator; formula1: number; formula2?: number }
  | { kind: "date"; operator: ValidationOperator; formula1: number; formula2?: number }
  | { kind: "custom"; formula: string };

export type ValidationOperator =
  | "between"
  | "notBetween"
  | "equalTo"
  | "notEqualTo"
  | "greaterThan"
  | "lessThan"
  | "greaterThanOrEqualTo"
  | "lessThanOrEqualTo";

export interface ValidationPlan {
  /** A1 range on the sheet. */
  address: string;
  rule: ValidationRule;
  /** Blank cells pass (default true). */
  ignoreBlanks?: boolean;
  /** The input message shown when a cell of the range is selected. */
  prompt?: { title: string; message: string };
  /** The alert shown for a value that breaks the rule (default: stop). */
  error?: { style: "stop" | "warning" | "information"; title: string; message: string };
}

/** Sheet protection: every cell locked except the unlocked ranges (optional). */
export interface ProtectionPlan {
  /** A1 ranges the user may still edit. */
  unlocked: string[];
  /** Let the user resize columns and rows (default true). */
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
}

export interface SheetPlan {
  name: string;
  blocks: Block[];
  table?: TablePlan;
  chart?: ChartPlan;
  freezeRows?: number;
  /** A working sheet other sheets read but a reader need not see: hidden (it can be unhidden, so auditors can follow it). */
  hidden?: boolean;
  /** Width in characters, per column from A. */
  columnWidths?: number[];
  /** Columns (1-based) to hide: working columns a reader does not need to see. */
  hiddenColumns?: number[];
  /** Optional: how the sheet prints (A4, one page wide). */
  print?: PrintPlan;
  /** Optional: data validation rules, applied after the cells are written. */
  validations?: ValidationPlan[];
  /** Optional: protect the sheet once written, with these ranges left unlocked. */
  protection?: ProtectionPlan;
}

export interface PrintPlan {
  orientation: "portrait" | "landscape";
  /** Scale to one page wide, as many pages tall as it takes. */
  fitToWidth: boolean;
  /** Optional: rows repeated at the top of every printed page, such as "1:1" (the annual report). */
  titleRows?: string;
  /** Optional: rows (1-based) that start a new page, one per section (the annual report). */
  pageBreaksBefore?: number[];
}

export interface NamePlan {
  name: string;
  /** A reference formula such as ='JW Partnership'!$B$3 */
  reference: string;
  comment?: string;
  /** Optional: a name scoped to this sheet of the plan rather than the workbook. */
  sheet?: string;
}

export interface WorkbookPlan {
  /** Sheets the add-in owns and (re)creates; nothing else in the workbook is touched. */
  sheets: SheetPlan[];
  names: NamePlan[];
  /** The sheet to show when done. */
  activate?: string;
  /** Sheets the add-in wrote before that this plan drops (they would read sheets it replaces): deleted once it is written. */
  remove?: string[];
}
