/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands custom functions untyped cells; arguments.ts checks them. */
/*
 * The JW worksheet functions. Each is a line or two over src/core: the JSDoc below is the
 * single source of functions.json (custom-functions-metadata-plugin generates it and the
 * CustomFunctions.associate calls at build time).
 */
import { shareFractions, shareWeights } from "../core/shares";
import { splitPence } from "../core/split";
import { toPence } from "../core/money";
import { savingsPence } from "../core/savings";
import { employerNiPence, employmentCostPence } from "../core/onCosts";
import { proRataPence } from "../core/proRata";
import { rechargeSchedulePence } from "../core/recharge";
import { needsPayVote, noPartnerWorseOff, paybackYears } from "../core/checks";
import { checkAwards, projectedAmounts } from "../core/projection";
import { invalid } from "../core/errors";
import { guard } from "./excelError";
import {
  readAll,
  readAmount,
  readBasis,
  readCount,
  readDate,
  readNonNegative,
  readNumber,
  readPart,
  readVector,
  readYear,
  shaped,
  MAX_AMOUNT,
  type ReadRange,
} from "./arguments";

/** Per-authority pence → pounds, spilled in the shape of `shares`, or the one `part` asked for. */
function perAuthority(pence: readonly number[], shares: ReadRange, part: unknown): number[][] | number {
  const index = readPart(part, pence.length);
  if (index !== undefined) return pence[index - 1] / 100;
  return shaped(pence.map((p) => p / 100), shares.orientation);
}

/**
 * Splits an amount between the authorities by their shares, to the penny: the parts always add back to the amount.
 * @customfunction SPLITCOST
 * @helpurl https://localhost:3000/help.html#SPLITCOST
 * @param {number} amount The amount to split, in pounds (for example a joint post's cost this year).
 * @param {any[][]} shares One fraction for a two-way split (0.5, never 50), or one weight per authority in a row or column (60, 40).
 * @param {number} [part] Optional: which authority's part to return (1, 2, …). Use it inside an Excel table, where results cannot spill.
 * @returns {number[][]} Each authority's part, in the shape of shares, or the one part asked for.
 */
export function splitCost(amount: number, shares: any[][], part?: number) {
  return guard("SPLITCOST", () => {
    const pence = toPence(readAmount(amount, "amount"));
    const range = readVector(shares, "shares");
    return perAuthority(splitPence(pence, shareWeights(range.values)), range, part);
  });
}

/**
 * The fractions that shares stand for, adding up to 1 (60, 40 gives 0.6, 0.4).
 * @customfunction SHARES
 * @helpurl https://localhost:3000/help.html#SHARES
 * @param {any[][]} shares One fraction for a two-way split (0.5), or one weight per authority in a row or column.
 * @param {number} [part] Optional: which authority's fraction to return (1, 2, …), for use inside an Excel table.
 * @returns {number[][]} Each authority's fraction, in the shape of shares, or the one asked for.
 */
export function shares(shares: any[][], part?: number) {
  return guard("SHARES", () => {
    const range = readVector(shares, "shares");
    const fractions = shareFractions(range.values);
    const index = readPart(part, fractions.length);
    if (index !== undefined) return fractions[index - 1];
    return shaped(fractions, range.orientation);
  });
}

/**
 * Each authority's saving from sharing a post: its baseline (what its own post would cost) minus its part of the joint cost.
 * @customfunction JOINTSAVING
 * @helpurl https://localhost:3000/help.html#JOINTSAVING
 * @param {any[][]} baselines What each authority would pay for its own post over the same period, one per authority in the order of shares.
 * @param {number} jointCost The joint post's cost over the period, in pounds.
 * @param {any[][]} shares One fraction for a two-way split (0.5), or one weight per authority in a row or column.
 * @param {number} [part] Optional: which authority's saving to return (1, 2, …), for use inside an Excel table.
 * @returns {number[][]} Each authority's saving, in the shape of shares, or the one asked for.
 */
export function jointSaving(baselines: any[][], jointCost: number, shares: any[][], part?: number) {
  return guard("JOINTSAVING", () => {
    const baseline = readVector(baselines, "baselines");
    const cost = toPence(readAmount(jointCost, "jointCost"));
    const range = readVector(shares, "shares");
    const savings = savingsPence(baseline.values.map(toPence), cost, shareWeights(range.values));
    return perAuthority(savings, range, part);
  });
}

/**
 * The full annual cost of employing someone: salary × FTE plus employer National Insurance, employer pension and apprenticeship levy, each to the penny.
 * @customfunction EMPLOYMENTCOST
 * @helpurl https://localhost:3000/help.html#EMPLOYMENTCOST
 * @param {number} salary Annual salary for a full-time post, in pounds.
 * @param {any} year Financial year, such as "2019/20" or 2019: sets the National Insurance threshold and rate.
 * @param {number} pensionRate The home authority's employer pension rate as a fraction (19.9% is 0.199).
 * @param {number} [fte] Optional: full-time equivalent, above 0 (default 1).
 * @param {number} [levyRate] Optional: apprenticeship levy rate as a fraction (default 0.005).
 * @returns {number} The annual employment cost in pounds.
 */
export function employmentCost(salary: number, year: any, pensionRate: number, fte?: number, levyRate?: number): number {
  return guard("EMPLOYMENTCOST", () => {
    const cost = employmentCostPence({
      salary: readNonNegative(salary, "salary"),
      year: readYear(year),
      pensionRate: readNumber(pensionRate, "pensionRate"),
      fte: readNumber(fte, "fte", 1),
      levyRate: readNumber(levyRate, "levyRate", 0.005),
    });
    return cost.total / 100;
  });
}

/**
 * Employer National Insurance on an annual pay, for the financial year's tax year.
 * @customfunction EMPLOYERNI
 * @helpurl https://localhost:3000/help.html#EMPLOYERNI
 * @param {number} pay Annual pay in pounds (salary × FTE).
 * @param {any} year Financial year, such as "2019/20" or 2019.
 * @returns {number} Employer National Insurance in pounds.
 */
export function employerNi(pay: number, year: any): number {
  return guard("EMPLOYERNI", () => employerNiPence(toPence(readNonNegative(pay, "pay")), readYear(year)) / 100);
}

/**
 * The part of an annual amount that falls in the financial year between a start and an end date.
 * @customfunction PRORATA
 * @helpurl https://localhost:3000/help.html#PRORATA
 * @param {number} amount The annual amount in pounds.
 * @param {any} year Financial year, such as "2019/20" or 2019.
 * @param {any} start First day covered (a date); leave blank for 1 April.
 * @param {any} [end] Optional: last day covered, inclusive (a date); blank for 31 March.
 * @param {string} [basis] Optional: "days" (default) counts days; "months" counts each month by the fraction of its days covered.
 * @returns {number} The amount for the part of the year covered, in pounds.
 */
export function proRata(amount: number, year: any, start: any, end?: any, basis?: string): number {
  return guard("PRORATA", () => {
    const annual = toPence(readNumber(amount, "amount"));
    const fy = readYear(year);
    const period = { start: readDate(start, "start"), end: readDate(end, "end") };
    return proRataPence(annual, fy, period, readBasis(basis)) / 100;
  });
}

/**
 * The recharge schedule: what each authority pays the home authority in each period (home column zero).
 * @customfunction RECHARGE
 * @helpurl https://localhost:3000/help.html#RECHARGE
 * @param {number} amount The cost to recharge, in pounds (for example the post's cost this year).
 * @param {any[][]} shares One fraction for a two-way split (0.5), or one weight per authority.
 * @param {number} home Which authority employs and pays the post holder: its position in shares (1, 2, …).
 * @param {number} [periods] Optional: invoices in the year: 12 monthly (default), 4 quarterly, 1 annual.
 * @returns {number[][]} One row per period, one column per authority.
 */
export function recharge(amount: number, shares: any[][], home: number, periods?: number): number[][] {
  return guard("RECHARGE", () => {
    const pence = toPence(readAmount(amount, "amount"));
    const weights = shareWeights(readVector(shares, "shares").values);
    const homeIndex = readNumber(home, "home");
    const count = readCount(periods, "periods", 12, "12 monthly, 4 quarterly, 1 annual");
    return rechargeSchedulePence(pence, weights, homeIndex - 1, count).map((row) => row.map((p) => p / 100));
  });
}

/**
 * TRUE when no authority is worse off: no saving in the range is below minus the tolerance (principle 3 of the partnership).
 * @customfunction NOWORSE
 * @helpurl https://localhost:3000/help.html#NOWORSE
 * @param {any[][]} savings The savings to check, one per authority (any range).
 * @param {number} [tolerance] Optional: how far below zero still counts as neutral, in pounds (default 0).
 * @returns {boolean} TRUE when no partner is worse off.
 */
export function noWorse(savings: any[][], tolerance?: number): boolean {
  return guard("NOWORSE", () => noPartnerWorseOff(readAll(savings, "savings"), readNonNegative(tolerance, "tolerance", 0)));
}

/**
 * TRUE when a salary package needs a vote of Full Council (£100,000 or more, however the post is split).
 * @customfunction PAYVOTE
 * @helpurl https://localhost:3000/help.html#PAYVOTE
 * @param {number} salary The whole salary package in pounds, before any split.
 * @param {number} [threshold] Optional: the pay policy threshold in pounds (default 100,000).
 * @returns {boolean} TRUE when the package is at or above the threshold.
 */
export function payVote(salary: number, threshold?: number): boolean {
  return guard("PAYVOTE", () => needsPayVote(readNonNegative(salary, "salary"), readNonNegative(threshold, "threshold", 100_000)));
}

/**
 * Years for an annual saving to repay one-off costs (recruitment, redundancy, pay protection).
 * @customfunction PAYBACK
 * @helpurl https://localhost:3000/help.html#PAYBACK
 * @param {number} oneOffCost One-off costs in pounds.
 * @param {number} annualSaving The saving a year in pounds; must be above 0.
 * @returns {number} Payback period in years.
 */
export function payback(oneOffCost: number, annualSaving: number): number {
  return guard("PAYBACK", () => paybackYears(readNumber(oneOffCost, "oneOffCost"), readNumber(annualSaving, "annualSaving")));
}

/** Most years a salary is projected on: long enough for any financial strategy, short enough to stay within 15 digits. */
const MAX_YEARS_ON = 50;

/**
 * A salary (or any pay point) projected years on by pay awards, rounded to the penny each year as the Projection sheet does.
 * @customfunction PROJECTEDSALARY
 * @helpurl https://localhost:3000/help.html#PROJECTEDSALARY
 * @param {number} salary This year's annual salary or pay point, in pounds.
 * @param {any[][]} awards The pay award for each year after this one, as fractions (2% is 0.02), in a row or column; the last repeats.
 * @param {number} [years] Optional: how many years on (default: one year per award; 0 gives this year's salary).
 * @returns {number} The salary that many years on, in pounds.
 */
export function projectedSalary(salary: number, awards: any[][], years?: number): number {
  return guard("PROJECTEDSALARY", () => {
    const start = readNonNegative(salary, "salary");
    if (start > MAX_AMOUNT) throw invalid(`salary is ${start}: give an amount up to 9,999,999,999,999.99.`);
    const rates = readAll(awards, "awards");
    checkAwards(rates, "awards");
    const n = readNumber(years, "years", rates.length);
    if (!Number.isInteger(n) || n < 0 || n > MAX_YEARS_ON) throw invalid(`years is ${n}: give a whole number of years from 0 to ${MAX_YEARS_ON}.`);
    // To the penny even at 0 years on, as every money result is.
    const result = toPence(projectedAmounts(start, rates, n + 1)[n]) / 100;
    if (!(result <= MAX_AMOUNT)) throw invalid(`the projected salary passes 9,999,999,999,999.99: check salary, awards (2% is 0.02) and years.`);
    return result;
  });
}
