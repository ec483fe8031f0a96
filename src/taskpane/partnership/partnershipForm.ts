import { RuleError } from "../../core/errors";
import { type FinancialYear, financialYear, parseFinancialYear } from "../../core/financialYear";
import { DEFAULT_LEVY_RATE, knownTaxYears, niFigures } from "../../core/onCosts";
import { type Authority, type Partnership, fractionFromCell, makePartnership } from "../../postlist/index";

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
}

export interface FormCheck {
  /** Set when the form describes a valid partnership. */
  partnership: Partnership | null;
  year: string | null;
  levy: string | null;
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
  };
}

function messages(e: unknown): string[] {
  if (e instanceof RuleError) return e.message.split("\n").filter((m) => m.trim() !== "");
  throw e;
}

export function checkForm(form: PartnershipForm): FormCheck {
  const check: FormCheck = { partnership: null, year: null, levy: null, rates: {}, authorities: [] };

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
    });
    if (year && !check.levy && Object.keys(check.rates).length === 0) check.partnership = partnership;
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
  return JSON.stringify([p.authorities.map((a) => [a.code, a.name, a.pensionRate]), p.year.label, p.levyRate, p.rechargePeriods, p.vatOnRecharges]);
}
