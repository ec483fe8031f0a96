import { cell, columnLetter } from "../workbook/a1";
import { DETAILS, type BenefitBlockLayout, type TemplateLayout } from "./layout";
import { NAME } from "../workbook/sheetNames";
import { kindLabel } from "../workbook/benefitsSheet";
import { BENEFIT_KINDS } from "../core/benefits";
import {
  benefitThisYearFormula,
  cashableBenefitsFormula,
  otherBenefitsFormula,
  savingWithCashableFormula,
  totalBenefitFormula,
  baselineAssumedFormula,
  baselineThisYearFormula,
  daysCoveredFormula,
  employmentCostFormula,
  niForYear,
  noWorseFormula,
  payFormula,
  paybackFormula,
  payVoteFormula,
  proRataDaysFormula,
  rechargePeriodFormula,
  roundMoney,
  salaryHighFormula,
  savingFormula,
  splitFloorFormula,
  splitPartFormula,
  splitRemainderFormula,
  type SplitRefs,
  type YearRefs,
} from "../formulas/index";

/**
 * The template's formulas, put together from the rules' formulas (src/formulas) over each row's
 * inputs, the template's own details block (year, levy, pension rates) and the Method sheet's NI
 * table and pay-vote threshold. Working columns turn what a budget holder may type (Y/Yes/Joint,
 * a code or a council's name, a blank share on a joint post) into what the rules take, as the
 * import reads them, and hold the split's whole pence and remainders.
 */

/** $B$14 */
function fixed(column: number, row: number): string {
  return `$${columnLetter(column)}$${row}`;
}

/** $A24: the column fixed, the row relative. */
function own(column: number, row: number): string {
  return `$${columnLetter(column)}${row}`;
}

function span(first: number, last: number, row: number): string {
  return `${own(first, row)}:${own(last, row)}`;
}

function fixedColumn(column: number, firstRow: number, lastRow: number): string {
  return `${fixed(column, firstRow)}:${fixed(column, lastRow)}`;
}

export const DETAIL_CELLS = {
  marker: fixed(DETAILS.valueColumn, DETAILS.markerRow),
  fingerprint: fixed(DETAILS.valueColumn, DETAILS.fingerprintRow),
  year: fixed(DETAILS.valueColumn, DETAILS.yearRow),
  yearStart: fixed(DETAILS.valueColumn, DETAILS.yearStartRow),
  yearEnd: fixed(DETAILS.valueColumn, DETAILS.yearEndRow),
  levy: fixed(DETAILS.valueColumn, DETAILS.levyRow),
  periods: fixed(DETAILS.valueColumn, DETAILS.periodsRow),
  postRows: fixed(DETAILS.valueColumn, DETAILS.postRowsRow),
} as const;

export function authorityRanges(l: TemplateLayout): { codes: string; names: string; rates: string } {
  const last = l.firstAuthorityRow + l.authorities - 1;
  return {
    codes: fixedColumn(1, l.firstAuthorityRow, last),
    names: fixedColumn(2, l.firstAuthorityRow, last),
    rates: fixedColumn(3, l.firstAuthorityRow, last),
  };
}

const YES_TEXTS = ["Y", "Yes", "Joint", "TRUE"];
const NO_TEXTS = ["N", "No", "Single", "FALSE"];

/** The NI table on the Method sheet, by name (the same table in a workbook and a template file). */
const NI_TABLE = { years: NAME.niYears, thresholds: NAME.niThresholds, rates: NAME.niRates };

/** The template's financial year as the rules' formulas read it: its own details block. */
const YEAR: YearRefs = {
  first: DETAIL_CELLS.yearStart,
  last: DETAIL_CELLS.yearEnd,
  days: `(${DETAIL_CELLS.yearEnd}-${DETAIL_CELLS.yearStart}+1)`,
};

/**
 * The output formulas of one post row, from the Check column to the last working column:
 * built-in Excel only (src/formulas), so a budget holder without the add-in sees every figure.
 * A blank row shows blanks; a row whose Check is not OK shows its message there and blanks in
 * every output, so a total never shows a raw error.
 */
export function rowFormulas(l: TemplateLayout, row: number): string[] {
  const at = (column: number) => own(column, row);
  const { codes, names, rates } = authorityRanges(l);
  const n = l.authorities;
  const blank = `COUNTA(${span(1, l.lastInput, row)})=0`;
  const guard = (body: string) => `=IF(${blank},"",${body})`;
  const checked = (body: string) => `=IF(${at(l.check)}<>"OK","",${body})`;
  const joint = at(l.jointUsed);
  const home = at(l.homeUsed);
  const shares = span(l.shareUsed[0], l.shareUsed[n - 1], row);
  const annual = at(l.annualCost);
  const cost = at(l.costThisYear);
  const fte = `IF(${at(l.fte)}="",1,${at(l.fte)})`;
  const says = (texts: readonly string[], bool: boolean) => `OR(${[...texts.map((t) => `${at(l.joint)}="${t}"`), `${at(l.joint)}=${bool ? "TRUE()" : "FALSE()"}`].join(",")})`;
  const dateOutside = (column: number) =>
    `AND(${at(column)}<>"",OR(NOT(ISNUMBER(${at(column)})),${at(column)}<${DETAIL_CELLS.yearStart},${at(column)}>${DETAIL_CELLS.yearEnd}))`;
  const days = daysCoveredFormula(at(l.start), at(l.end), YEAR);
  const split: SplitRefs = {
    amount: cost,
    weights: l.shareUsed.map(at),
    floors: l.splitFloor.map(at),
    remainders: l.splitRemainder.map(at),
    floorsRange: span(l.splitFloor[0], l.splitFloor[n - 1], row),
    remaindersRange: span(l.splitRemainder[0], l.splitRemainder[n - 1], row),
  };

  const out = new Map<number, string>();
  const tests: [string, string][] = [
    [`${at(l.post)}=""`, "Give the post's title"],
    [`ISERROR(${home})`, "Pick the home authority from the list"],
    [`AND(NOT(${joint}),NOT(${says(NO_TEXTS, false)}))`, "Write Y (joint) or N (single)"],
    [`AND(${joint},ROUND(SUM(${shares}),6)<>1)`, "Shares must add up to 100%"],
    [`OR(NOT(ISNUMBER(${at(l.salary)})),${at(l.salary)}<=0)`, "Give the full-time salary (above 0)"],
    ...(l.salaryMax !== null
      ? ([[`AND(${at(l.salaryMax)}<>"",OR(NOT(ISNUMBER(${at(l.salaryMax)})),${at(l.salaryMax)}<${at(l.salary)}))`, "Salary max must be at or above Salary"]] as [string, string][])
      : []),
    [`AND(${at(l.fte)}<>"",OR(NOT(ISNUMBER(${at(l.fte)})),${at(l.fte)}<=0,${at(l.fte)}>1))`, "FTE must be above 0 and at most 1"],
    [dateOutside(l.start), "Start must be a date inside the year"],
    [dateOutside(l.end), "End must be a date inside the year"],
    [`AND(ISNUMBER(${at(l.start)}),ISNUMBER(${at(l.end)}),${at(l.end)}<${at(l.start)})`, "End is before Start"],
    [
      `OR(${l.baseline.map((c) => `AND(${at(c)}<>"",OR(NOT(ISNUMBER(${at(c)})),${at(c)}<0))`).join(",")})`,
      "A baseline must be an amount of 0 or more",
    ],
    [`AND(${at(l.oneOff)}<>"",OR(NOT(ISNUMBER(${at(l.oneOff)})),${at(l.oneOff)}<0))`, "One-off costs must be an amount of 0 or more"],
    ...(l.actualCost !== null && l.postId !== null
      ? ([
          [`AND(${at(l.actualCost)}<>"",OR(NOT(ISNUMBER(${at(l.actualCost)})),${at(l.actualCost)}<0))`, "Actual cost must be an amount of 0 or more"],
          // Rule 15 matches an outturn to its post by Post ID: a figure without one cannot be used.
          [`AND(${at(l.actualCost)}<>"",TRIM(${at(l.postId)})="")`, "Give the Post ID to return an actual cost"],
        ] as [string, string][])
      : []),
  ];
  out.set(l.check, guard(tests.reduceRight((rest, [test, message]) => `IF(${test},"${message}",${rest})`, `"OK"`)));
  const ni = niForYear(`YEAR(${DETAIL_CELLS.yearStart})`, NI_TABLE);
  out.set(l.annualCost, checked(employmentCostFormula(at(l.salary), fte, `INDEX(${rates},${home})`, DETAIL_CELLS.levy, ni)));
  out.set(l.costThisYear, checked(proRataDaysFormula(annual, days, YEAR)));
  l.part.forEach((column, k) => {
    out.set(column, checked(`IF(${joint},${splitPartFormula(split, k)},IF(${home}=${k + 1},${cost},0))`));
  });
  l.baselineThisYear.forEach((column, k) => {
    // Rule 6: no baseline given, a council taking a share is taken to have needed its own post.
    out.set(column, checked(`IF(${joint},${baselineThisYearFormula(at(l.baseline[k]), at(l.shareUsed[k]), cost, days, YEAR)},0)`));
  });
  l.saving.forEach((column, k) => {
    out.set(column, checked(`IF(${joint},${savingFormula(at(l.baselineThisYear[k]), at(l.part[k]))},0)`));
  });
  const annualBaselines = l.baseline.map((column, k) => `IF(${at(column)}="",IF(${at(l.shareUsed[k])}>0,${annual},0),ROUND(${at(column)},2))`);
  out.set(l.fullYearSaving, checked(`IF(${joint},ROUND(${annualBaselines.join("+")}-${annual},2),0)`));
  out.set(l.baselineAssumed, checked(`AND(${joint},${baselineAssumedFormula(span(l.baseline[0], l.baseline[n - 1], row), n)})`));
  // Rule 13: on a grade range the pay vote is judged on its top; the costs here are at its bottom.
  const topSalary = l.salaryMax !== null ? salaryHighFormula(at(l.salary), at(l.salaryMax)) : at(l.salary);
  out.set(l.payVote, checked(payVoteFormula(payFormula(topSalary, fte), NAME.payVoteThreshold)));
  const oneOff = at(l.oneOff);
  out.set(l.payback, checked(`IF(OR(NOT(${joint}),NOT(ISNUMBER(${oneOff}))),"",IF(${oneOff}=0,"",${paybackFormula(oneOff, at(l.fullYearSaving))}))`));
  l.recharge.forEach((column, m) => {
    const paid = l.part.map((part, k) => `IF(${home}=${k + 1},0,${rechargePeriodFormula(at(part), String(m + 1), DETAIL_CELLS.periods)})`).join("+");
    out.set(column, checked(`IF(${joint},ROUND(${paid},2),0)`));
  });
  out.set(l.jointUsed, guard(says(YES_TEXTS, true)));
  out.set(l.homeUsed, guard(`IFERROR(MATCH(TRIM(${at(l.home)}),${codes},0),MATCH(TRIM(${at(l.home)}),${names},0))`));
  l.shareUsed.forEach((column, k) => {
    const share = at(l.share[k]);
    out.set(column, guard(`IF(ISNUMBER(${share}),${share},0)`));
  });
  l.splitFloor.forEach((column, k) => out.set(column, checked(`IF(${joint},${splitFloorFormula(split, k)},0)`)));
  l.splitRemainder.forEach((column, k) => out.set(column, checked(`IF(${joint},${splitRemainderFormula(split, k)},0)`)));

  const formulas: string[] = [];
  for (let column = l.check; column <= l.last; column++) {
    const f = out.get(column);
    if (f === undefined) throw new Error(`no formula for column ${columnLetter(column)}`);
    formulas.push(f);
  }
  return formulas;
}

/** The kinds as the template's list offers them (the JW Benefits table's spelling). */
export const BENEFIT_KIND_LABELS: readonly string[] = BENEFIT_KINDS.map(kindLabel);
const CASHABLE_TEXTS = ["Y", "Yes"];
const NOT_CASHABLE_TEXTS = ["N", "No"];

/**
 * The output formulas of one benefit row (rule 12), from its Check to its parts, then its working
 * cells (the cashable answer, the shares as numbers, the split's whole pence and remainders), as
 * [column, formula] pairs: the working cells sit in the posts' working columns.
 */
export function benefitRowFormulas(l: TemplateLayout, b: BenefitBlockLayout, row: number): [number, string][] {
  const at = (column: number) => own(column, row);
  const n = l.authorities;
  const blank = `COUNTA(${span(1, b.lastInput, row)})=0`;
  const guard = (body: string) => `=IF(${blank},"",${body})`;
  const checked = (body: string) => `=IF(${at(b.check)}<>"OK","",${body})`;
  const shares = span(b.shareUsed[0], b.shareUsed[n - 1], row);
  const given = span(b.share[0], b.share[n - 1], row);
  const isOneOf = (column: number, texts: readonly string[]) => `OR(${texts.map((t) => `TRIM(${at(column)})="${t}"`).join(",")})`;
  const dateOutside = (column: number) =>
    `AND(${at(column)}<>"",OR(NOT(ISNUMBER(${at(column)})),${at(column)}<${DETAIL_CELLS.yearStart},${at(column)}>${DETAIL_CELLS.yearEnd}))`;
  const tests: [string, string][] = [
    [`TRIM(${at(b.benefit)})=""`, "Describe the benefit"],
    [`AND(${at(b.kind)}<>"",NOT(${isOneOf(b.kind, BENEFIT_KIND_LABELS)}))`, "Pick the kind from the list"],
    [`NOT(ISNUMBER(${at(b.amount)}))`, "Give the annual amount in pounds"],
    [`OR(${b.share.map((c) => `AND(${at(c)}<>"",OR(NOT(ISNUMBER(${at(c)})),${at(c)}<0,${at(c)}>1))`).join(",")})`, "A share is a percentage from 0% to 100%"],
    [`COUNT(${given})=0`, "Give each council's share (100% to one council when it alone benefits)"],
    [`ROUND(SUM(${shares}),6)<>1`, "Shares must add up to 100%"],
    [dateOutside(b.start), "Start must be a date inside the year"],
    [dateOutside(b.end), "End must be a date inside the year"],
    [`AND(ISNUMBER(${at(b.start)}),ISNUMBER(${at(b.end)}),${at(b.end)}<${at(b.start)})`, "End is before Start"],
    [`AND(${at(b.cashable)}<>"",NOT(${isOneOf(b.cashable, [...CASHABLE_TEXTS, ...NOT_CASHABLE_TEXTS])}))`, "Write Y (cashable) or N (not cashable)"],
  ];
  const days = daysCoveredFormula(at(b.start), at(b.end), YEAR);
  const split: SplitRefs = {
    amount: at(b.thisYear),
    weights: b.shareUsed.map(at),
    floors: b.splitFloor.map(at),
    remainders: b.splitRemainder.map(at),
    floorsRange: span(b.splitFloor[0], b.splitFloor[n - 1], row),
    remaindersRange: span(b.splitRemainder[0], b.splitRemainder[n - 1], row),
  };
  return [
    [b.check, guard(tests.reduceRight((rest, [test, message]) => `IF(${test},"${message}",${rest})`, `"OK"`))],
    [b.thisYear, checked(benefitThisYearFormula(at(b.amount), days, YEAR))],
    ...b.part.map((column, k): [number, string] => [column, checked(splitPartFormula(split, k))]),
    [b.cashableUsed, guard(isOneOf(b.cashable, CASHABLE_TEXTS))],
    ...b.shareUsed.map((column, k): [number, string] => [column, guard(`IF(ISNUMBER(${at(b.share[k])}),${at(b.share[k])},0)`)]),
    ...b.splitFloor.map((column, k): [number, string] => [column, checked(splitFloorFormula(split, k))]),
    ...b.splitRemainder.map((column, k): [number, string] => [column, checked(splitRemainderFormula(split, k))]),
  ];
}

/**
 * The benefits block's totals per authority (columns C to H): other benefits, cashable, not
 * cashable, total benefit (the posts' saving plus other benefits), saving with cashable benefits
 * and whether the council is worse off on that; the total row (C to G); Principle 3 on post
 * savings plus cashable benefits, as the workbook's Summary judges it.
 */
export function benefitTotalsFormulas(l: TemplateLayout, b: BenefitBlockLayout): { perAuthority: string[][]; total: string[]; noWorse: string } {
  const column = (c: number) => fixedColumn(c, b.firstRow, b.lastRow);
  const perAuthority = Array.from({ length: l.authorities }, (_, k) => {
    const row = b.firstTotalsRow + k;
    const saving = cell(6, l.firstTotalsRow + k);
    return [
      `=${otherBenefitsFormula(column(b.part[k]))}`,
      `=${cashableBenefitsFormula(column(b.part[k]), column(b.cashableUsed), "TRUE()")}`,
      `=${roundMoney(`${cell(3, row)}-${cell(4, row)}`)}`,
      `=${totalBenefitFormula(saving, cell(3, row))}`,
      `=${savingWithCashableFormula(saving, cell(4, row))}`,
      `=IF(NOT(${noWorseFormula(cell(7, row), NAME.noWorseTolerance)}),"Worse off","No")`,
    ];
  });
  const total = [3, 4, 5, 6, 7].map((c) => `=${roundMoney(`SUM(${cell(c, b.firstTotalsRow)}:${cell(c, b.totalRow - 1)})`)}`);
  return { perAuthority, total, noWorse: `=${noWorseFormula(`${cell(7, b.firstTotalsRow)}:${cell(7, b.totalRow - 1)}`, NAME.noWorseTolerance)}` };
}

/** The totals block's formulas per authority (columns C to I), the total row and the checks. */
export function totalsFormulas(l: TemplateLayout): { perAuthority: string[][]; total: string[]; checks: string[] } {
  const column = (c: number) => fixedColumn(c, l.firstPostRow, l.lastPostRow);
  const joint = column(l.jointUsed);
  const home = column(l.homeUsed);
  const money = (f: string) => `=${roundMoney(f)}`;
  const perAuthority = Array.from({ length: l.authorities }, (_, k) => {
    const row = l.firstTotalsRow + k;
    const part = column(l.part[k]);
    return [
      money(`SUMIFS(${part},${joint},TRUE())`),
      money(`SUMIFS(${column(l.costThisYear)},${joint},FALSE(),${home},${k + 1})`),
      money(`SUM(${column(l.baselineThisYear[k])})`),
      money(`SUM(${column(l.saving[k])})`),
      money(`SUMIFS(${part},${joint},TRUE(),${home},"<>${k + 1}")`),
      money(`SUMIFS(${column(l.costThisYear)},${joint},TRUE(),${home},${k + 1})-SUMIFS(${part},${joint},TRUE(),${home},${k + 1})`),
      `=IF(NOT(${noWorseFormula(cell(6, row), NAME.noWorseTolerance)}),"Worse off","No")`,
    ];
  });
  const total = [3, 4, 5, 6, 7, 8].map((c) => money(`SUM(${cell(c, l.firstTotalsRow)}:${cell(c, l.totalRow - 1)})`));
  const oneOff = cell(2, l.oneOffRow);
  const fullYear = `SUM(${column(l.fullYearSaving)})`;
  const checks = [
    `=${noWorseFormula(`${cell(6, l.firstTotalsRow)}:${cell(6, l.totalRow - 1)}`, NAME.noWorseTolerance)}`,
    `=COUNTIF(${column(l.payVote)},TRUE())`,
    money(`SUM(${column(l.oneOff)})`),
    `=IF(${oneOff}=0,"",${paybackFormula(oneOff, fullYear)})`,
  ];
  return { perAuthority, total, checks };
}
