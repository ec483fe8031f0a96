import { RuleError } from "../../core/errors";
import { type FinancialYear, financialYear, parseFinancialYear } from "../../core/financialYear";
import { DEFAULT_LEVY_RATE, knownTaxYears, niFigures } from "../../core/onCosts";
import { type Authority, type Partnership, type ProjectionSettings, fractionFromCell, makePartnership, payAwardsFromText } from "../../postlist/index";
import { MAX_PROJECTION_YEARS } from "../../core/projection";

/**
 * The partnership form as typed (text fields kept as text so a half-typed value stays on screen),
 * and its check: the partnership when every field is good, else each problem by field, with the
 * rules' own messages (makePartnership, parseFinancialYear).
 */

export interface AuthorityRow {
  /** Stable React key. */
  key: number;
  code: string;
  name: string;
  /** Employer pension rate in percent, as typed: "19.9". */
  pensionPercent: string;
}

export type Frequency = "monthly" | "quarterly" | "annual";

export const FREQUENCIES: readonly { value: Frequency; label: string; periods: number }[] = [
  { value: "monthly", label: "Monthly", periods: 12 },
  { value: "quarterly", label: "Quarterly", periods: 4 },
  { value: "annual", label: "Annual", periods: 1 },
];

export interface PartnershipForm {
  authorities: AuthorityRow[];
  /** "2019/20" */
  year: string;
  /** Apprenticeship levy in percent, as typed: "0.5". */
  levyPercent: string;
  frequency: Frequency;
  vatOnRecharges: boolean;
  /** Rule 14: years the import projects, as typed ("0" or blank: no projection). */
  projectionYears: string;
  /** Pay awards after the first year, in percent, as typed: "2, 2.5". */
  payAwards: string;
}

export interface FormCheck {
  /** Set when the form describes a valid partnership. */
  partnership: Partnership | null;
  year: string | null;
  levy: string | null;
  /** A problem with the projection's years or pay awards. */
  projection: string | null;
  /** Problems with one authority's pension rate, by row key. */
  rates: Record<number, string>;
  /** Problems with the authorities (codes, names, how many). */
  authorities: string[];
}

let nextKey = 1;
export function authorityRow(code = "", name = "", pensionPercent = ""): AuthorityRow {
  return { key: nextKey++, code, name, pensionPercent };
}

/** A rate as percent text without binary drift: 0.199 → "19.9". */
export function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12)));
}

/** Percent text ("19.9" or "19.9%") as a fraction (0.199), or null when it is not a number. */
export function percentFraction(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "");
  if (t === "") return null;
  const f = fractionFromCell(t.endsWith("%") ? t : `${t}%`);
  return f === null ? null : f.value;
}

/** The financial year a date falls in (1 April to 31 March), as its label. */
export function financialYearOf(date: Date): string {
  const start = date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
  return financialYear(start).label;
}

/** A new form: two empty authorities, this financial year if its on-costs are known, else the latest known. */
export function defaultForm(today = new Date()): PartnershipForm {
  const known = knownTaxYears();
  const current = financialYearOf(today);
  return {
    authorities: [authorityRow(), authorityRow()],
    year: known.includes(current) ? current : known[known.length - 1],
    levyPercent: percentText(DEFAULT_LEVY_RATE),
    frequency: "monthly",
    vatOnRecharges: false,
    projectionYears: "0",
    payAwards: "",
  };
}

export function formFromPartnership(p: Partnership): PartnershipForm {
  const frequency = FREQUENCIES.find((f) => f.periods === p.rechargePeriods)?.value ?? "monthly";
  return {
    authorities: p.authorities.map((a) => authorityRow(a.code, a.name, percentText(a.pensionRate))),
    year: p.year.label,
    levyPercent: percentText(p.levyRate),
    frequency,
    vatOnRecharges: p.vatOnRecharges,
    projectionYears: String(p.projection?.years ?? 0),
    payAwards: p.projection ? p.projection.awards.map(percentText).join(", ") : "",
  };
}

/** The projection the form asks for: null for none, or a problem. */
export function checkProjection(form: Pick<PartnershipForm, "projectionYears" | "payAwards">): ProjectionSettings | null | { problem: string } {
  const text = form.projectionYears.trim();
  if (text === "" || text === "0") return null;
  const years = Number(text);
  if (!/^\d+$/.test(text) || years > MAX_PROJECTION_YEARS) return { problem: `Projection years is "${text}": give a whole number from 0 (no projection) to ${MAX_PROJECTION_YEARS}.` };
  const awards = payAwardsFromText(form.payAwards, "Pay awards", true);
  if ("problem" in awards) return awards;
  if (awards.length > years - 1) return { problem: `Pay awards gives ${awards.length} award${awards.length === 1 ? "" : "s"} but a ${years}-year projection has ${years - 1} year${years - 1 === 1 ? "" : "s"} after the first (today's figures): give at most ${years - 1}.` };
  return { years, awards };
}

function messages(e: unknown): string[] {
  if (e instanceof RuleError) return e.message.split("\n").filter((m) => m.trim() !== "");
  throw e;
}

export function checkForm(form: PartnershipForm): FormCheck {
  const check: FormCheck = { partnership: null, year: null, levy: null, projection: null, rates: {}, authorities: [] };
  const projection = checkProjection(form);
  if (projection !== null && "problem" in projection) check.projection = projection.problem;

  let year: FinancialYear | null = null;
  try {
    year = parseFinancialYear(form.year, "The financial year");
    niFigures(year);
  } catch (e) {
    check.year = messages(e).join(" ");
    year = null;
  }

  let levyRate = DEFAULT_LEVY_RATE;
  const levy = percentFraction(form.levyPercent);
  if (levy === null) check.levy = "Give the apprenticeship levy rate as a percentage, such as 0.5.";
  else if (levy < 0 || levy > 1) check.levy = "The levy rate is a percentage from 0 to 100 (0.5 for 0.5%).";
  else levyRate = levy;

  const authorities: Authority[] = form.authorities.map((row) => {
    const who = row.code.trim() || "this authority";
    const rate = percentFraction(row.pensionPercent);
    if (rate === null) {
      check.rates[row.key] = `Give ${who}'s employer pension rate as a percentage, such as 19.9.`;
      return { code: row.code, name: row.name, pensionRate: 0 };
    }
    if (rate < 0 || rate > 1) {
      check.rates[row.key] = `${who}'s employer pension rate is a percentage from 0 to 100 (19.9 for 19.9%).`;
      return { code: row.code, name: row.name, pensionRate: 0 };
    }
    return { code: row.code, name: row.name, pensionRate: rate };
  });

  const periods = FREQUENCIES.find((f) => f.value === form.frequency)?.periods ?? 12;
  try {
    // With the year unreadable, the rest is still checked (against a known year) so every problem shows at once.
    const partnership = makePartnership(authorities, {
      year: year ?? financialYear(Number(knownTaxYears()[0].slice(0, 4))),
      levyRate,
      rechargePeriods: periods,
      vatOnRecharges: form.vatOnRecharges,
      projection: projection !== null && !("problem" in projection) ? projection : null,
    });
    if (year && !check.levy && !check.projection && Object.keys(check.rates).length === 0) check.partnership = partnership;
  } catch (e) {
    for (const m of messages(e)) {
      const row = form.authorities.find((r) => r.code.trim() !== "" && m.startsWith(`${r.code.trim()}'s employer pension rate`));
      if (row) check.rates[row.key] ??= m;
      else if (/levy rate/i.test(m)) check.levy ??= m;
      else check.authorities.push(m);
    }
  }
  return check;
}

/** The settings the workbook keeps, for telling whether the form differs from what was saved. */
export function partnershipKey(p: Partnership | null): string {
  if (!p) return "";
  return JSON.stringify([p.authorities.map((a) => [a.code, a.name, a.pensionRate]), p.year.label, p.levyRate, p.rechargePeriods, p.vatOnRecharges, p.projection ?? null]);
}
