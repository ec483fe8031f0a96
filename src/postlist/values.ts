import { RuleError } from "../core/errors";
import { serialFromText, serialFromDate } from "../core/dates";
import { type Cell, isBlank, shown } from "./cells";

/**
 * Reading one cell of a post list as the value a field needs. Each reader returns the value or a
 * problem written for the person fixing the file: what is wrong and what to write instead.
 * `label` is the column's header as in the file.
 */
export type Reading<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const problem = <T>(text: string): Reading<T> => ({ ok: false, problem: text });

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A plain decimal written as text, or null. */
export function decimalFromText(text: string): number | null {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : null;
}

/** "19.9" percent as the fraction 0.199 exactly as the decimal 0.199 reads (no binary drift). */
function percentFraction(digits: string): number {
  return Number(`${digits}e-2`);
}

/** A fraction given as 0.5 or 50% (text), or a number 0 to 1. Null when it is neither. */
export function fractionFromCell(cell: Cell): { value: number; percent: boolean } | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell, percent: false } : null;
  if (typeof cell !== "string") return null;
  const t = cell.trim().replace(/\s+/g, "");
  if (t.endsWith("%")) {
    const digits = t.slice(0, -1);
    return DECIMAL.test(digits) ? { value: percentFraction(digits), percent: true } : null;
  }
  return DECIMAL.test(t) ? { value: Number(t), percent: false } : null;
}

const MONEY = /^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** An amount in pounds: a number, or text with £, thousands commas and spaces allowed. */
export function moneyFromCell(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string") return null;
  let t = cell.replace(/[\s\u00a0\u202f]/g, "");
  let negative = false;
  if (t.startsWith("-")) {
    negative = true;
    t = t.slice(1);
  }
  if (t.startsWith("£")) t = t.slice(1);
  if (!negative && t.startsWith("-")) {
    negative = true;
    t = t.slice(1);
  }
  if (!MONEY.test(t)) return null;
  const value = Number(t.replace(/,/g, ""));
  return negative ? -value : value;
}

/** Salary: required, an amount above 0. */
export function readSalary(cell: Cell, label: string): Reading<number> {
  if (isBlank(cell)) return problem(`${label} is blank: give the post's annual full-time salary (for example 85000 or £85,000).`);
  const value = moneyFromCell(cell);
  if (value === null) return problem(`${label} ${shown(cell)} is not an amount: write the annual salary as a number, for example 85000 or £85,000.`);
  if (!(value > 0)) return problem(`${label} is ${value}: the annual salary must be above 0 (leave vacant posts out).`);
  return ok(value);
}

/** A baseline: optional; when given an amount of 0 or more. Null when blank. */
export function readBaseline(cell: Cell, label: string): Reading<number | null> {
  if (isBlank(cell)) return ok(null);
  const value = moneyFromCell(cell);
  if (value === null) return problem(`${label} ${shown(cell)} is not an amount: write the authority's annual cost without the partnership, for example 95000 or £95,000, or leave it blank to assume one post of its own.`);
  if (value < 0) return problem(`${label} is ${value}: a baseline is an annual cost of 0 or more.`);
  return ok(value);
}

/** FTE: blank is 1; otherwise above 0 and at most 1 (0.8, or 80%). */
export function readFte(cell: Cell, label: string): Reading<number> {
  if (isBlank(cell)) return ok(1);
  const f = fractionFromCell(cell);
  if (f === null) return problem(`${label} ${shown(cell)} is not a number: give the fraction of full time, above 0 and at most 1 (0.5 for half time), or leave it blank for full time.`);
  if (!(f.value > 0) || f.value > 1) {
    return problem(`${label} is ${shown(cell)}: it must be above 0 and at most 1 (one row is one post; 0.5 is half time). Leave vacant posts out.`);
  }
  return ok(f.value);
}

const YES = new Set(["y", "yes", "true", "joint"]);
const NO = new Set(["n", "no", "false", "single"]);

/** Joint: Y/N, Yes/No, TRUE/FALSE, Joint/Single (any case), or a TRUE/FALSE cell. */
export function readJoint(cell: Cell, label: string): Reading<boolean> {
  if (typeof cell === "boolean") return ok(cell);
  if (isBlank(cell)) return problem(`${label} is blank: write Y for a joint post or N for a single post.`);
  if (typeof cell === "string") {
    const t = cell.trim().toLowerCase();
    if (YES.has(t)) return ok(true);
    if (NO.has(t)) return ok(false);
  }
  return problem(`${label} ${shown(cell)} is not understood: write Y (joint post) or N (single post); Yes/No, TRUE/FALSE and Joint/Single also work.`);
}

/** One authority's share: 0.5 or 50%; blank is null. */
export function readShare(cell: Cell, label: string): Reading<number | null> {
  if (isBlank(cell)) return ok(null);
  const f = fractionFromCell(cell);
  if (f === null) return problem(`${label} ${shown(cell)} is not a share: write it as a fraction (0.5) or a percentage (50%).`);
  if (f.value < 0) return problem(`${label} is ${shown(cell)}: a share cannot be negative.`);
  if (f.value > 1) {
    return problem(`${label} is ${shown(cell)}: a share is a fraction up to 1 or a percentage up to 100% (write 50% or 0.5, not 50).`);
  }
  return ok(f.value);
}

/** An even split of 100 for n authorities, as an example in messages: 50/50, 34/33/33. */
export function exampleSplit(n: number, unit = ""): string {
  const base = Math.floor(100 / n);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`${i === 0 ? 100 - base * (n - 1) : base}${unit}`);
  return parts.join("/");
}

/**
 * A Split cell: one part per authority in partnership order, separated by / or :, as
 * percentages (`60/40`, `50%/50%`) or fractions (`0.6/0.4`). For a two-way partnership a single
 * fraction `s` (0.6 or 60%) means `s, 1 − s` (cost-split-rules.md, rule 2). Returns fractions;
 * whether they add up to 1 is checked by the caller.
 */
export function readSplit(cell: Cell, label: string, codes: readonly string[]): Reading<number[]> {
  const order = codes.join("/");
  const how = `write one part per authority in partnership order (${order}), for example ${exampleSplit(codes.length)} or ${exampleSplit(codes.length, "%")}`;
  if (isBlank(cell)) return problem(`${label} is blank: ${how}.`);
  const single = fractionFromCell(cell);
  if (single !== null) {
    if (codes.length === 2 && single.value >= 0 && single.value <= 1) return ok([single.value, 1 - single.value]);
    return problem(`${label} ${shown(cell)} is not a split: ${how}.`);
  }
  if (typeof cell !== "string") return problem(`${label} ${shown(cell)} is not a split: ${how}.`);
  const pieces = cell.trim().split(/\s*[/:]\s*/);
  const values: number[] = [];
  let anyPercent = false;
  for (const piece of pieces) {
    const p = piece.replace(/\s+/g, "");
    const isPercent = p.endsWith("%");
    const digits = isPercent ? p.slice(0, -1) : p;
    if (!DECIMAL.test(digits) || digits.startsWith("-")) return problem(`${label} ${shown(cell)} is not a split: ${how}.`);
    anyPercent ||= isPercent;
    values.push(Number(digits));
  }
  if (values.length !== codes.length) {
    return problem(`${label} ${shown(cell)} has ${values.length} part${values.length === 1 ? "" : "s"} but the partnership has ${codes.length} authorities: ${how}.`);
  }
  let sum = 0;
  for (const v of values) sum += v;
  const fractions = !anyPercent && Math.abs(sum - 1) <= 1e-9;
  return ok(fractions ? values : pieces.map((p) => percentFraction(p.replace(/[\s%]/g, ""))));
}

/**
 * A date: a date cell, an Excel serial number, or text as yyyy-mm-dd or dd/mm/yyyy. Blank (and
 * serial 0, which is how a blank date cell can arrive) is null: the year's start or end.
 */
export function readDate(cell: Cell, label: string): Reading<number | null> {
  if (isBlank(cell) || cell === 0) return ok(null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return problem(`${label} is not a valid date: write it as dd/mm/yyyy or yyyy-mm-dd.`);
    return ok(serialFromDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2958466) return problem(`${label} ${cell} is not a date: write it as dd/mm/yyyy or yyyy-mm-dd.`);
    return ok(Math.floor(cell));
  }
  if (typeof cell === "string") {
    try {
      return ok(serialFromText(cell));
    } catch (e) {
      if (e instanceof RuleError) return problem(`${label} ${e.message}`);
      throw e;
    }
  }
  return problem(`${label} ${shown(cell)} is not a date: write it as dd/mm/yyyy or yyyy-mm-dd.`);
}

/** A rate: 0.199 or 19.9%, between 0 and 1. */
export function readRate(cell: Cell, label: string): Reading<number> {
  if (isBlank(cell)) return problem(`${label} is blank: give it as a fraction (0.199) or a percentage (19.9%).`);
  const f = fractionFromCell(cell);
  if (f === null) return problem(`${label} ${shown(cell)} is not a rate: give it as a fraction (0.199) or a percentage (19.9%).`);
  if (f.value < 0 || f.value > 1) return problem(`${label} is ${shown(cell)}: give it as a fraction up to 1 (0.199) or a percentage (19.9%), not ${shown(cell)}.`);
  return ok(f.value);
}
