/**
 * A post as the import accepts it, and a problem with a row it rejects. Money in pounds as read;
 * dates as Excel serials; shares as fractions per authority in partnership order.
 */
export interface Post {
  /** The file or sheet it came from, when known. */
  source?: string;
  /** Spreadsheet row number of its record (header row = 1 for a file). */
  row: number;
  /** Post ID (trimmed), or null when not given. */
  id: string | null;
  /** The post's title exactly as in the file: text, never evaluated. */
  title: string;
  /** Code of the home authority. */
  home: string;
  /** Position of the home authority in the partnership. */
  homeIndex: number;
  joint: boolean;
  /** Joint posts: each authority's share as a fraction, adding up to 1. Single posts: null. */
  shares: number[] | null;
  /** Annual full-time salary, pounds: the bottom of the range for a post on a grade range. */
  salary: number;
  /** The top of the grade range, pounds (rule 13), or null for a post on one salary. */
  salaryMax: number | null;
  /** Fraction of full time, above 0 and at most 1. */
  fte: number;
  /** First day shared (Excel serial), or null for the start of the financial year. */
  start: number | null;
  /** Last day shared, inclusive (Excel serial), or null for the end of the financial year. */
  end: number | null;
  /** Each authority's annual baseline in pounds, or null where not given (rule 6 applies). */
  baselines: (number | null)[];
  /** Status as written (Permanent, Interim …), or null. */
  status: string | null;
}

export interface Problem {
  source?: string;
  /** Spreadsheet row number of the record. */
  row: number;
  /** The column's header as in the file (several joined with ", " when the problem spans them). */
  column: string;
  /** 0-based column index in the grid, or null. */
  columnIndex: number | null;
  /** What is wrong and what to do. */
  message: string;
}
