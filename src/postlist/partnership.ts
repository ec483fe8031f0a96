import { invalid } from "../core/errors";
import { parseFinancialYear, type FinancialYear } from "../core/financialYear";
import { DEFAULT_LEVY_RATE, checkRate, niFigures } from "../core/onCosts";
import { checkPeriods } from "../core/recharge";
import { type Grid, cellText, isBlankRow } from "./cells";
import { normaliseHeader } from "./headerText";
import { readRate } from "./values";
import type { ProjectionSettings } from "./projectPosts";

/** A partner council: short code, name and its employer pension rate (a fraction, 0.199). */
export interface Authority {
  code: string;
  name: string;
  pensionRate: number;
}

/** The partnership a post list is costed for. Authorities are in partnership order. */
export interface Partnership {
  authorities: Authority[];
  year: FinancialYear;
  /** Apprenticeship levy rate, a fraction (default 0.005). */
  levyRate: number;
  /** Recharge periods a year (default 12, monthly). */
  rechargePeriods: number;
  /** VAT on staff recharges (default false). */
  vatOnRecharges: boolean;
  /** Rule 14: the projection written with the import (years and pay awards), or none. */
  projection?: ProjectionSettings | null;
}

export interface PartnershipSettings {
  /** A FinancialYear, or "2019/20", "2019-20", "2019/2020", 2019. */
  year: FinancialYear | string | number;
  levyRate?: number;
  rechargePeriods?: number;
  vatOnRecharges?: boolean;
  projection?: ProjectionSettings | null;
}

function key(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Checks the authorities and settings and builds the partnership. Throws a RuleError naming what
 * is wrong; `unknownYear` when the year has no on-cost figures.
 */
export function makePartnership(authorities: readonly Authority[], settings: PartnershipSettings): Partnership {
  const problems: string[] = [];
  if (authorities.length < 2) problems.push(`A partnership needs at least two authorities; ${authorities.length} given.`);
  const seen = new Map<string, string>();
  const list: Authority[] = [];
  for (const a of authorities) {
    const code = a.code.trim();
    const name = a.name.trim() === "" ? code : a.name.trim();
    if (code === "") {
      problems.push(`An authority${name ? ` (${name})` : ""} has no code: give each authority a short code such as OCC.`);
      continue;
    }
    if (list.some((x) => key(x.code) === key(code))) {
      problems.push(`Authority code ${code} is given twice: give each authority once.`);
      continue;
    }
    for (const text of new Set([key(code), key(name)])) {
      const other = seen.get(text);
      if (other !== undefined) problems.push(`"${text}" names both ${other} and ${code}: each authority's code and name must be its own.`);
      else seen.set(text, code);
    }
    try {
      checkRate(a.pensionRate, `${code}'s employer pension rate`);
    } catch (e) {
      problems.push((e as Error).message);
    }
    list.push({ code, name, pensionRate: a.pensionRate });
  }
  const year = typeof settings.year === "object" ? settings.year : parseFinancialYear(settings.year);
  niFigures(year); // a year outside the on-cost table is an error that names the years known
  const levyRate = settings.levyRate ?? DEFAULT_LEVY_RATE;
  try {
    checkRate(levyRate, "levy rate");
  } catch (e) {
    problems.push((e as Error).message);
  }
  const rechargePeriods = settings.rechargePeriods ?? 12;
  try {
    checkPeriods(rechargePeriods);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (problems.length > 0) throw invalid(problems.join("\n"));
  return { authorities: list, year, levyRate, rechargePeriods, vatOnRecharges: settings.vatOnRecharges ?? false, ...(settings.projection ? { projection: settings.projection } : {}) };
}

/** The authority a home-authority cell names (its code or name, case and spacing ignored); -1 if none. */
export function findAuthority(authorities: readonly Authority[], text: string): number {
  const k = key(text);
  if (k === "") return -1;
  for (let i = 0; i < authorities.length; i++) if (key(authorities[i].code) === k) return i;
  for (let i = 0; i < authorities.length; i++) if (key(authorities[i].name) === k) return i;
  return -1;
}

const CODE_HEADERS = new Set(["code", "authoritycode", "councilcode", "shortcode", "abbreviation", "short"]);
const NAME_HEADERS = new Set(["name", "authority", "authorityname", "council", "councilname", "partner", "partnername"]);

/**
 * Reads the authorities from a partnership table (as in samples/occ-cdc-partnership.csv): a
 * header row with Code, Name and Employer pension rate (any header with "pension" in it); a rate
 * as 0.199 or 19.9%. Blank rows are skipped. Throws a RuleError listing every problem.
 */
export function readPartnershipAuthorities(grid: Grid): Authority[] {
  let h = 0;
  while (h < grid.length && isBlankRow(grid[h])) h++;
  if (h >= grid.length) throw invalid("The partnership table is empty: give a header row (Code, Name, Employer pension rate) and one row per authority.");
  const headers = grid[h].map(cellText);
  const norm = headers.map(normaliseHeader);
  const codeCol = norm.findIndex((x) => CODE_HEADERS.has(x));
  const nameCol = norm.findIndex((x, i) => i !== codeCol && NAME_HEADERS.has(x));
  const rateCol = norm.findIndex((x) => x.includes("pension"));
  const missing: string[] = [];
  if (codeCol < 0) missing.push("Code");
  if (rateCol < 0) missing.push("Employer pension rate");
  if (missing.length > 0) {
    throw invalid(`The partnership table has no ${missing.join(" or ")} column (its headers are ${headers.map((x) => `"${x}"`).join(", ")}): give Code, Name and Employer pension rate.`);
  }
  const problems: string[] = [];
  const authorities: Authority[] = [];
  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const code = cellText(row[codeCol] ?? null).trim();
    const name = nameCol >= 0 ? cellText(row[nameCol] ?? null).trim() : "";
    if (code === "") {
      problems.push(`Row ${r + 1}: ${headers[codeCol]} is blank: give the authority's short code (OCC).`);
      continue;
    }
    const rate = readRate(row[rateCol] ?? null, headers[rateCol]);
    if (!rate.ok) {
      problems.push(`Row ${r + 1} (${code}): ${rate.problem}`);
      continue;
    }
    authorities.push({ code, name: name || code, pensionRate: rate.value });
  }
  if (problems.length > 0) throw invalid(`The partnership table has problems:\n${problems.join("\n")}`);
  if (authorities.length === 0) throw invalid("The partnership table lists no authorities: give one row per authority under the header.");
  return authorities;
}

/** Reads a partnership table and builds the partnership for the settings (year, levy …). */
export function readPartnership(grid: Grid, settings: PartnershipSettings): Partnership {
  return makePartnership(readPartnershipAuthorities(grid), settings);
}
