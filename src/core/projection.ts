import { invalid } from "./errors";
import { financialYear, type FinancialYear } from "./financialYear";
import { toPence } from "./money";
import { niTable, type NiFigures } from "./onCosts";

/**
 * A multi-year projection (cost-split-rules.md, rule 14), for a medium-term financial strategy.
 * The first year is today's figures. In each later year k, a salary (and a baseline given as an
 * amount) is year k−1's × (1 + that year's pay award), rounded to the penny; employer NI is that
 * year's tax year's, and for a year past the table the latest known figures, marked as an
 * assumption. Dates are applied to each year as rule 5 applies them to one, so a post starting
 * part-way through the first year is full-year from the next and an end date ends it.
 */

export const DEFAULT_PROJECTION_YEARS = 4;
export const MAX_PROJECTION_YEARS = 10;

/** Checks a number of years: a whole number from 1 to 10. */
export function checkProjectionYears(years: number, name = "years"): number {
  if (!Number.isInteger(years) || years < 1) throw invalid(`${name} ${years} is not a number of years: give a whole number from 1 to ${MAX_PROJECTION_YEARS}.`);
  if (years > MAX_PROJECTION_YEARS) throw invalid(`${name} ${years} is above ${MAX_PROJECTION_YEARS}: a projection covers at most ${MAX_PROJECTION_YEARS} years.`);
  return years;
}

/** Checks pay awards: fractions from 0 to 1 (2% is 0.02). */
export function checkAwards(awards: readonly number[], name = "awards"): readonly number[] {
  awards.forEach((a, i) => {
    const which = awards.length === 1 ? name : `${name} (value ${i + 1})`;
    if (!Number.isFinite(a)) throw invalid(`${which} is not a number: give a pay award as a fraction (2% is 0.02).`);
    if (a < 0) throw invalid(`${which} is ${a}: a pay award cannot be negative (give 0 for none).`);
    if (a > 1) throw invalid(`${which} is ${a}: give a pay award as a fraction (2% is 0.02, not 2).`);
  });
  return awards;
}

/**
 * The award applied in year k (k = 1 for the second year): the k-th award given, the last one
 * given for later years, 0 when none is given. The first year's is never applied.
 */
export function awardFor(awards: readonly number[], k: number): number {
  if (k < 1 || awards.length === 0) return 0;
  return awards[Math.min(k, awards.length) - 1];
}

/** One year's growth of an amount in pounds: ROUND(amount × (1 + award), 2). */
export function grow(pounds: number, award: number): number {
  return toPence(pounds * (1 + award)) / 100;
}

/** An amount for each projected year: the first as given, each later one grown by that year's award. */
export function projectedAmounts(pounds: number, awards: readonly number[], years: number): number[] {
  const out = [pounds];
  for (let k = 1; k < years; k++) out.push(grow(out[k - 1], awardFor(awards, k)));
  return out;
}

/** The financial years of a projection from its first. */
export function projectionYears(first: FinancialYear, years: number): FinancialYear[] {
  return Array.from({ length: years }, (_, k) => financialYear(first.startYear + k));
}

export interface ProjectedNi {
  figures: NiFigures;
  /** Null when the year is in the table; else the tax year whose figures stand in for it. */
  assumedFrom: string | null;
}

/** A year's employer NI figures; past the table, the latest known, with the year they come from. */
export function niForProjectedYear(year: FinancialYear): ProjectedNi {
  const table = niTable();
  const hit = table.find((t) => t.startYear === year.startYear);
  if (hit) return { figures: { threshold: hit.threshold, rate: hit.rate }, assumedFrom: null };
  const latest = table[table.length - 1];
  if (year.startYear < table[0].startYear) throw invalid(`No employer National Insurance figures for ${year.label}: the years known are ${table[0].label} to ${latest.label}.`);
  return { figures: { threshold: latest.threshold, rate: latest.rate }, assumedFrom: latest.label };
}
