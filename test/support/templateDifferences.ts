/**
 * The differential check of a costing template: each pre-filled row's outputs and the totals, as
 * an engine evaluated them, against the core's figures for the same posts.
 */
import { costPost } from "../../src/postlist/costPost";
import { periodsPence } from "../../src/core/recharge";
import type { Partnership } from "../../src/postlist/partnership";
import type { Post } from "../../src/postlist/post";
import { columnLetter } from "../../src/workbook/index";
import type { TemplateLayout } from "../../src/templates/index";
import type { CellReader } from "./nativeWorkbook";
import type { Benefit } from "../../src/benefits/benefit";
import { costBenefits } from "../../src/benefits/summarise";

const pence = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) : `not a number: ${JSON.stringify(v)}`);

export function templateDifferences(
  read: CellReader,
  sheet: string,
  l: TemplateLayout,
  partnership: Partnership,
  posts: readonly Post[],
  benefits: readonly Benefit[] = [],
): { lines: string[]; compared: number } {
  const lines: string[] = [];
  let compared = 0;
  const at = (column: number, row: number) => read(sheet, `${columnLetter(column)}${row}`);
  const expect = (got: unknown, want: number | boolean | string, what: string) => {
    compared++;
    const same = typeof want === "number" ? pence(got) === want && (got as number) === want / 100 : got === want;
    if (!same) lines.push(`${what}: engine ${JSON.stringify(got)}, core ${typeof want === "number" ? want / 100 : want}`);
  };
  const totals = partnership.authorities.map(() => ({ joint: 0, single: 0, baseline: 0, saving: 0 }));
  posts.forEach((post, i) => {
    const row = l.firstPostRow + i;
    const c = costPost(post, partnership);
    expect(at(l.check, row), "OK", `row ${row} check`);
    expect(at(l.annualCost, row), c.annualCost, `row ${row} annual cost`);
    expect(at(l.costThisYear, row), c.costThisYear, `row ${row} cost this year`);
    c.parts.forEach((p, k) => expect(at(l.part[k], row), p, `row ${row} part ${k + 1}`));
    (c.baselines ?? c.parts.map(() => 0)).forEach((b, k) => expect(at(l.baselineThisYear[k], row), b, `row ${row} baseline ${k + 1}`));
    (c.savings ?? c.parts.map(() => 0)).forEach((s, k) => expect(at(l.saving[k], row), s, `row ${row} saving ${k + 1}`));
    expect(at(l.payVote, row), c.payVote, `row ${row} pay vote`);
    const periods = partnership.rechargePeriods;
    for (let m = 0; m < periods; m++) {
      const paid = post.joint ? c.parts.reduce((sum, p, k) => sum + (k === post.homeIndex ? 0 : periodsPence(p, periods)[m]), 0) : 0;
      expect(at(l.recharge[m], row), paid, `row ${row} recharge ${m + 1}`);
    }
    c.parts.forEach((p, k) => {
      if (c.savings) {
        totals[k].joint += p;
        totals[k].baseline += c.baselines![k];
        totals[k].saving += c.savings[k];
      } else if (k === post.homeIndex) totals[k].single += p;
    });
  });
  totals.forEach((x, k) => {
    const row = l.firstTotalsRow + k;
    const code = partnership.authorities[k].code;
    expect(at(3, row), x.joint, `${code} share of joint posts`);
    expect(at(4, row), x.single, `${code} single posts`);
    expect(at(5, row), x.baseline, `${code} baseline`);
    expect(at(6, row), x.saving, `${code} saving`);
  });
  expect(at(2, l.noWorseRow), totals.every((x) => x.saving >= 0), "no council worse off");
  const b = l.benefits;
  if (b) {
    // Rule 12 in the benefits block: each row's figures, then the totals beside the posts' savings.
    const n = partnership.authorities.length;
    const other = new Array<number>(n).fill(0);
    const cashable = new Array<number>(n).fill(0);
    costBenefits(benefits, partnership).forEach((c, i) => {
      const row = b.firstRow + i;
      expect(at(b.check, row), "OK", `benefit row ${row} check`);
      expect(at(b.thisYear, row), c.thisYear, `benefit row ${row} this year`);
      c.parts.forEach((p, k) => {
        expect(at(b.part[k], row), p, `benefit row ${row} part ${k + 1}`);
        other[k] += p;
        if (c.benefit.cashable) cashable[k] += p;
      });
    });
    totals.forEach((x, k) => {
      const row = b.firstTotalsRow + k;
      const code = partnership.authorities[k].code;
      expect(at(3, row), other[k], `${code} other benefits`);
      expect(at(4, row), cashable[k], `${code} cashable benefits`);
      expect(at(5, row), other[k] - cashable[k], `${code} benefits not cashable`);
      expect(at(6, row), x.saving + other[k], `${code} total benefit`);
      expect(at(7, row), x.saving + cashable[k], `${code} saving with cashable benefits`);
      expect(at(8, row), x.saving + cashable[k] >= 0 ? "No" : "Worse off", `${code} worse off with cashable benefits`);
    });
    expect(at(2, b.noWorseRow), totals.every((x, k) => x.saving + cashable[k] >= 0), "no council worse off with cashable benefits");
  }
  return { lines, compared };
}

/** Benefits a template can hold as they are: dates inside the year, so pre-fill leaves them as they are. */
export function benefitsForTemplate(benefits: readonly Benefit[], partnership: Partnership): Benefit[] {
  const { first, last } = partnership.year;
  return benefits
    .filter((x) => (x.start === null || x.start <= last) && (x.end === null || x.end >= first))
    .map((x) => ({ ...x, start: x.start !== null && x.start <= first ? null : x.start, end: x.end !== null && x.end >= last ? null : x.end }));
}

/** Posts a template can hold as they are: dates inside the year (the template's rule). */
export function postsForTemplate(posts: readonly Post[], partnership: Partnership): Post[] {
  const { first, last } = partnership.year;
  return posts.filter((p) => (p.start === null || p.start <= last) && (p.end === null || p.end >= first));
}
