import { invalid } from "./errors";

/**
 * Dates as Excel serial numbers in the 1900 date system (43739 is 1 October 2019), the form a
 * date cell hands to a custom function. Serial 60 is Excel's fictitious 29 February 1900, so
 * serials from 61 on are days since 30 December 1899.
 */
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export function serialFromDate(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - EPOCH) / DAY_MS);
  return days < 61 ? days - 1 : days;
}

export function dateFromSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  const d = new Date(EPOCH + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO yyyy-mm-dd(…) for display and export. */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = dateFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function checkedSerial(year: number, month: number, day: number, text: string): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1900 || year > 9999) {
    throw invalid(`"${text}" is not a real date.`);
  }
  return serialFromDate(year, month, day);
}

/**
 * Reads a date written as text: ISO `2019-10-01` (a time part is ignored) or UK `01/10/2019`
 * (also with `-` or `.`, and two-digit years as 20yy). Anything else is an error: a date read
 * the American way round would silently move a post's start by months.
 */
export function serialFromText(text: string): number {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) return checkedSerial(+m[1], +m[2], +m[3], t);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return checkedSerial(year, +m[2], +m[1], t);
  }
  throw invalid(`"${text}" is not a date: write it as dd/mm/yyyy (01/10/2019) or yyyy-mm-dd (2019-10-01).`);
}
