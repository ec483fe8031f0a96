import Papa from "papaparse";
import { invalid } from "../core/errors";
import type { Grid } from "./cells";
import { MAX_COLUMNS, MAX_ROWS } from "./workbook";

/**
 * CSV, TSV and text pasted from a spreadsheet, read into a grid of text cells. The delimiter is
 * detected (comma, semicolon or tab), a byte-order mark is dropped, and a quoted line break stays
 * inside its cell, so one record is one spreadsheet row. Blank lines stay in the grid as blank
 * rows: they keep the row numbers those after them have in a spreadsheet.
 */

export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The most text read at once (characters): far more than any post list. */
export const MAX_TEXT_LENGTH = 50_000_000;

/**
 * Which UTF-16 byte order the bytes are in, or null: by the byte-order mark (as Excel's "Unicode
 * Text" writes), or, without one, by the zero bytes that every ASCII character has in UTF-16.
 */
function utf16Order(view: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (view.length >= 2 && view[0] === 0xff && view[1] === 0xfe) return "utf-16le";
  if (view.length >= 2 && view[0] === 0xfe && view[1] === 0xff) return "utf-16be";
  const n = Math.min(view.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (view[i] === 0) evenZeros++;
    if (view[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/** Control characters that never occur in a text file (tab, line breaks, vertical tab and form feed do). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/g;

/** Refuses text decoded from a binary file (an image, a zip, an old .xls renamed .csv). */
function checkIsText(text: string): void {
  const sample = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  const controls = sample.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(8, sample.length / 100)) {
    throw invalid("This is not a text file (it holds binary data): save the post list from Excel as \"CSV UTF-8 (Comma delimited)\" and import that, or import the .xlsx workbook itself.");
  }
}

/**
 * Bytes of a file to text: UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode
 * Text", with or without a byte-order mark), or Windows-1252 when the bytes are not UTF-8 (a
 * "CSV" saved by Excel on Windows writes £ as one byte). A byte-order mark is dropped. Throws a
 * RuleError for a file too large or binary.
 */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length > MAX_TEXT_LENGTH) throw invalid(`The file is ${view.length.toLocaleString("en-GB")} bytes: a post list is expected to be far smaller (at most ${MAX_TEXT_LENGTH.toLocaleString("en-GB")}).`);
  let text: string;
  const utf16 = utf16Order(view);
  if (utf16) text = new TextDecoder(utf16).decode(view);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(view);
    } catch {
      text = new TextDecoder("windows-1252").decode(view);
    }
  }
  checkIsText(text);
  return text;
}

/** The delimiter of delimited text: the one that gives the most consistent columns. */
export function detectDelimiter(text: string): Delimiter {
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: [...DELIMITERS],
    skipEmptyLines: "greedy",
    preview: 50,
  }).meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(guess) ? (guess as Delimiter) : ",";
}

export interface DelimitedTextOptions {
  /** Force a delimiter instead of detecting one. */
  delimiter?: Delimiter;
}

/** Most records read from delimited text: a header and 100,000 rows (as many as from a sheet). */
export const MAX_TEXT_ROWS = MAX_ROWS + 1;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Text whose records end in more than one way (\r\n, \n and \r mixed, as when lists are pasted
 * together from different systems) with every record end made \n; line breaks inside quoted
 * cells are kept as they are. Null when the record ends are all alike (the parser detects
 * those). A quoted cell starts after a delimiter or a record end, as the parser reads it.
 */
export function normaliseLineBreaks(text: string, delimiters: readonly string[] = DELIMITERS): string | null {
  if (!text.includes("\r")) return null;
  if (!/\r(?!\n)/.test(text) && !/(^|[^\r])\n/.test(text)) return null; // \r\n throughout
  if (!text.includes("\n")) return null; // \r throughout
  const delimiterCodes = new Set(delimiters.map((d) => d.charCodeAt(0)));
  const fieldStart = (at: number) => {
    if (at === 0) return true;
    const before = text.charCodeAt(at - 1);
    return before === CR || before === LF || delimiterCodes.has(before);
  };
  // Jumps from quote to quote and \r to \r (indexOf), rather than visiting every character.
  const parts: string[] = [];
  let last = 0;
  let quote = text.indexOf('"');
  let cr = text.indexOf("\r");
  while (cr >= 0) {
    if (quote >= 0 && quote < cr) {
      let after = quote + 1;
      if (fieldStart(quote)) {
        // A quoted cell: skip to its closing quote ("" is a quote inside it).
        for (;;) {
          const k = text.indexOf('"', after);
          if (k < 0) {
            after = text.length;
            break;
          }
          if (text.charCodeAt(k + 1) === QUOTE) {
            after = k + 2;
            continue;
          }
          after = k + 1;
          break;
        }
      }
      quote = text.indexOf('"', after);
      if (cr < after) cr = text.indexOf("\r", after);
      continue;
    }
    parts.push(text.slice(last, cr), "\n");
    last = cr + (text.charCodeAt(cr + 1) === LF ? 2 : 1);
    cr = text.indexOf("\r", last);
  }
  parts.push(text.slice(last));
  return parts.join("");
}

/** Column (1-based) of the last cell with anything in it, over all rows. */
function lastUsedColumn(rows: readonly string[][]): number {
  let last = 0;
  for (const row of rows) {
    for (let c = row.length; c > last; c--) {
      if (row[c - 1] !== "") {
        last = c;
        break;
      }
    }
  }
  return last;
}

/**
 * Reads delimited text into rows of text cells (nothing converted, nothing evaluated). Throws a
 * RuleError for text too long, a quote never closed, more than MAX_TEXT_ROWS records, or cells
 * beyond column MAX_COLUMNS (empty cells there, as a spreadsheet's export may leave, are dropped).
 */
export function readDelimitedText(text: string, options: DelimitedTextOptions = {}): Grid {
  if (text.length > MAX_TEXT_LENGTH) throw invalid(`The text is ${text.length.toLocaleString("en-GB")} characters: a post list is expected to be far smaller.`);
  const raw = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const normalised = normaliseLineBreaks(raw, options.delimiter ? [options.delimiter] : DELIMITERS);
  const body = normalised ?? raw;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const result = Papa.parse<string[]>(body, {
    delimiter,
    ...(normalised !== null ? { newline: "\n" as const } : {}),
    skipEmptyLines: false,
    dynamicTyping: false,
    header: false,
    // Stops reading a file far longer than a post list instead of holding all of it.
    preview: MAX_TEXT_ROWS + 2,
  });
  const unclosed = result.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    throw invalid(`Record ${row} opens a quoted cell (") that is never closed, so the rest of the file would run into one cell: close the quote or remove it, then import again.`);
  }
  // A quoted cell whose closing quote is followed by more text: the parser would look for a later
  // quote to close it, running the records in between into one cell.
  const malformed = result.errors.find((e) => e.code === "InvalidQuotes");
  if (malformed) {
    const row = (malformed.row ?? 0) + 1;
    throw invalid(`Record ${row} has a quoted cell whose closing quote (") is followed by more text, so where the cell ends is unclear and the records after it could run into it: put the whole cell in quotes, doubling any quote inside it (""), or remove the stray quote, then import again.`);
  }
  const rows = result.data;
  const stopped = rows.length >= MAX_TEXT_ROWS + 2;
  // A final line break leaves one empty record behind: it is not a row of the sheet.
  while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  if (stopped || rows.length > MAX_TEXT_ROWS) {
    throw invalid(`The text has more than ${MAX_TEXT_ROWS.toLocaleString("en-GB")} lines: a post list is read from at most ${MAX_ROWS.toLocaleString("en-GB")} rows under its header row. Import it in parts, or remove the lines that are not posts.`);
  }
  let widest = 0;
  for (const row of rows) if (row.length > widest) widest = row.length;
  if (widest > MAX_COLUMNS) {
    const used = lastUsedColumn(rows);
    if (used > MAX_COLUMNS) {
      const at = rows.findIndex((row) => row.length >= used && row[used - 1] !== "");
      throw invalid(`Row ${at + 1} has text in column ${used.toLocaleString("en-GB")}: a post list is read from at most ${MAX_COLUMNS.toLocaleString("en-GB")} columns. Remove the columns to the right of the list (or save just the list), then import again.`);
    }
    for (let r = 0; r < rows.length; r++) if (rows[r].length > used) rows[r] = rows[r].slice(0, Math.max(used, 1));
  }
  return rows;
}
