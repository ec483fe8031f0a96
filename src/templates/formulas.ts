import { cell, columnLetter } from "../workbook/a1";
import { DETAILS, type TemplateLayout } from "./layout";

/**
 * The template's formulas: the only place they are written. Each post row's outputs are live JW
 * formulas over that row's inputs and the template's own details block (year, levy, pension
 * rates), so a template needs nothing from the add-in's other sheets. A blank row shows blanks.
 * Working columns turn what a budget holder may type (Y/Yes/Joint, a code or a council's name,
 * a blank share on a joint post) into what the JW functions take, as the import reads them.
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

/** The output formulas of one post row, from the Check column to the last working column. */
export function rowFormulas(l: TemplateLayout, row: number): string[] {
  const at = (column: number) => own(column, row);
  const { codes, names, rates } = authorityRanges(l);
  const n = l.authorities;
  const blank = `COUNTA(${span(1, l.lastInput, row)})=0`;
  const guard = (body: string) => `=IF(${blank},"",${body})`;
  const joint = at(l.jointUsed);
  const home = at(l.homeUsed);
  const shares = span(l.shareUsed[0], l.shareUsed[n - 1], row);
  const annual = at(l.annualCost);
  const cost = at(l.costThisYear);
  const fte = `IF(${at(l.fte)}="",1,${at(l.fte)})`;
  const says = (texts: readonly string[], bool: boolean) => `OR(${[...texts.map((t) => `${at(l.joint)}="${t}"`), `${at(l.joint)}=${bool ? "TRUE()" : "FALSE()"}`].join(",")})`;
  const dateOutside = (column: number) =>
    `AND(${at(column)}<>"",OR(NOT(ISNUMBER(${at(column)})),${at(column)}<${DETAIL_CELLS.yearStart},${at(column)}>${DETAIL_CELLS.yearEnd}))`;

  const out = new Map<number, string>();
  out.set(
    l.check,
    guard(
      [
        [`${at(l.post)}=""`, "Give the post's title"],
        [`ISERROR(${home})`, "Pick the home authority from the list"],
        [`AND(NOT(${joint}),NOT(${says(NO_TEXTS, false)}))`, "Write Y (joint) or N (single)"],
        [`AND(${joint},ROUND(SUM(${shares}),6)<>1)`, "Shares must add up to 100%"],
        [`OR(NOT(ISNUMBER(${at(l.salary)})),${at(l.salary)}<=0)`, "Give the full-time salary (above 0)"],
        [`AND(${at(l.fte)}<>"",OR(NOT(ISNUMBER(${at(l.fte)})),${at(l.fte)}<=0,${at(l.fte)}>1))`, "FTE must be above 0 and at most 1"],
        [dateOutside(l.start), "Start must be a date inside the year"],
        [dateOutside(l.end), "End must be a date inside the year"],
        [`AND(ISNUMBER(${at(l.start)}),ISNUMBER(${at(l.end)}),${at(l.end)}<${at(l.start)})`, "End is before Start"],
        [`AND(${at(l.oneOff)}<>"",OR(NOT(ISNUMBER(${at(l.oneOff)})),${at(l.oneOff)}<0))`, "One-off costs must be an amount of 0 or more"],
      ].reduceRight((rest, [test, message]) => `IF(${test},"${message}",${rest})`, `"OK"`),
    ),
  );
  out.set(l.annualCost, guard(`JW.EMPLOYMENTCOST(${at(l.salary)},${DETAIL_CELLS.year},INDEX(${rates},${home}),${fte},${DETAIL_CELLS.levy})`));
  out.set(l.costThisYear, guard(`JW.PRORATA(${annual},${DETAIL_CELLS.year},${at(l.start)},${at(l.end)})`));
  l.part.forEach((column, k) => {
    out.set(column, guard(`IF(${joint},JW.SPLITCOST(${cost},${shares},${k + 1}),IF(${home}=${k + 1},${cost},0))`));
  });
  l.baselineThisYear.forEach((column, k) => {
    // Rule 6: no baseline given, a council taking a share is taken to have needed its own post.
    const given = at(l.baseline[k]);
    out.set(column, guard(`IF(${joint},IF(${given}="",IF(${at(l.shareUsed[k])}>0,${cost},0),JW.PRORATA(${given},${DETAIL_CELLS.year},${at(l.start)},${at(l.end)})),0)`));
  });
  const baselinesThisYear = span(l.baselineThisYear[0], l.baselineThisYear[n - 1], row);
  l.saving.forEach((column, k) => {
    out.set(column, guard(`IF(${joint},JW.JOINTSAVING(${baselinesThisYear},${cost},${shares},${k + 1}),0)`));
  });
  const annualBaselines = l.baseline.map((column, k) => `IF(${at(column)}="",IF(${at(l.shareUsed[k])}>0,${annual},0),ROUND(${at(column)},2))`);
  out.set(l.fullYearSaving, guard(`IF(${joint},ROUND(${annualBaselines.join("+")}-${annual},2),0)`));
  out.set(l.baselineAssumed, guard(`AND(${joint},COUNT(${span(l.baseline[0], l.baseline[n - 1], row)})<${n})`));
  out.set(l.payVote, guard(`JW.PAYVOTE(ROUND(${at(l.salary)}*${fte},2))`));
  const oneOff = at(l.oneOff);
  out.set(
    l.payback,
    guard(`IF(OR(NOT(${joint}),NOT(ISNUMBER(${oneOff}))),"",IF(${oneOff}=0,"",IF(${at(l.fullYearSaving)}<=0,"No saving",JW.PAYBACK(${oneOff},${at(l.fullYearSaving)}))))`),
  );
  l.recharge.forEach((column, m) => {
    const schedule = `JW.RECHARGE(${cost},${shares},${home},${l.periods})`;
    const paid = Array.from({ length: n }, (_, k) => `INDEX(${schedule},${m + 1},${k + 1})`).join("+");
    out.set(column, guard(`IF(${joint},${paid},0)`));
  });
  out.set(l.jointUsed, guard(says(YES_TEXTS, true)));
  out.set(l.homeUsed, guard(`IFERROR(MATCH(TRIM(${at(l.home)}),${codes},0),MATCH(TRIM(${at(l.home)}),${names},0))`));
  l.shareUsed.forEach((column, k) => {
    const share = at(l.share[k]);
    out.set(column, guard(`IF(ISNUMBER(${share}),${share},0)`));
  });

  const formulas: string[] = [];
  for (let column = l.check; column <= l.last; column++) {
    const f = out.get(column);
    if (f === undefined) throw new Error(`no formula for column ${columnLetter(column)}`);
    formulas.push(f);
  }
  return formulas;
}

/** The totals block's formulas per authority (columns C to I), the total row and the checks. */
export function totalsFormulas(l: TemplateLayout): { perAuthority: string[][]; total: string[]; checks: string[] } {
  const column = (c: number) => fixedColumn(c, l.firstPostRow, l.lastPostRow);
  const joint = column(l.jointUsed);
  const home = column(l.homeUsed);
  const perAuthority = Array.from({ length: l.authorities }, (_, k) => {
    const row = l.firstTotalsRow + k;
    const part = column(l.part[k]);
    return [
      `=SUMIFS(${part},${joint},TRUE())`,
      `=SUMIFS(${column(l.costThisYear)},${joint},FALSE(),${home},${k + 1})`,
      `=SUM(${column(l.baselineThisYear[k])})`,
      `=SUM(${column(l.saving[k])})`,
      `=SUMIFS(${part},${joint},TRUE(),${home},"<>${k + 1}")`,
      `=SUMIFS(${column(l.costThisYear)},${joint},TRUE(),${home},${k + 1})-SUMIFS(${part},${joint},TRUE(),${home},${k + 1})`,
      `=IF(${cell(6, row)}<0,"Worse off","No")`,
    ];
  });
  const total = [3, 4, 5, 6, 7, 8].map((c) => `=SUM(${cell(c, l.firstTotalsRow)}:${cell(c, l.totalRow - 1)})`);
  const oneOff = cell(2, l.oneOffRow);
  const fullYear = `SUM(${column(l.fullYearSaving)})`;
  const checks = [
    `=JW.NOWORSE(${cell(6, l.firstTotalsRow)}:${cell(6, l.totalRow - 1)})`,
    `=COUNTIF(${column(l.payVote)},TRUE())`,
    `=SUM(${column(l.oneOff)})`,
    `=IF(${oneOff}=0,"",IF(${fullYear}<=0,"No saving",JW.PAYBACK(${oneOff},${fullYear})))`,
  ];
  return { perAuthority, total, checks };
}
