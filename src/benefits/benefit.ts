import type { BenefitKind } from "../core/benefits";

/**
 * A row of the benefits register as the import accepts it: money in pounds as read, dates as
 * Excel serials, shares as fractions per authority in partnership order (adding up to 1).
 */
export interface Benefit {
  /** The file or sheet it came from, when known. */
  source?: string;
  /** Spreadsheet row number of its record (header row = 1 for a file). */
  row: number;
  /** The benefit's description exactly as in the file: text, never evaluated. */
  title: string;
  kind: BenefitKind;
  /** Annual amount, pounds. */
  amount: number;
  shares: number[];
  start: number | null;
  end: number | null;
  cashable: boolean;
  /** Evidence or notes as written, or null. */
  evidence: string | null;
}
