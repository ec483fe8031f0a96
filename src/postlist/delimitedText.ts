import Papa from "papaparse";
import { invalid } from "../core/errors";
import type { Grid } from "./cells";

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
 * Bytes of a file to text: UTF-8 (with or without a byte-order mark), or Windows-1252 when the
 * bytes are not UTF-8 (a "CSV" saved by Excel on Windows writes £ as one byte).
 */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view.length > MAX_TEXT_LENGTH) throw invalid(`The file is ${view.length.toLocaleString("en-GB")} bytes: a post list is expected to be far smaller (at most ${MAX_TEXT_LENGTH.toLocaleString("en-GB")}).`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(view);
  } catch {
    return new TextDecoder("windows-1252").decode(view);
  }
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

/** Reads delimited text into rows of text cells (nothing converted, nothing evaluated). */
export function readDelimitedText(text: string, options: DelimitedTextOptions = {}): Grid {
  if (text.length > MAX_TEXT_LENGTH) throw invalid(`The text is ${text.length.toLocaleString("en-GB")} characters: a post list is expected to be far smaller.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, dynamicTyping: false, header: false });
  const unclosed = result.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    const row = (unclosed.row ?? 0) + 1;
    throw invalid(`Record ${row} opens a quoted cell (") that is never closed, so the rest of the file would run into one cell: close the quote or remove it, then import again.`);
  }
  const rows = result.data;
  // A final line break leaves one empty record behind: it is not a row of the sheet.
  while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return rows;
}
