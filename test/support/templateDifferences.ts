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

const pence = (v: unknown) => (typeof v === "number" ? Math.round(v * 100) : `not a number: ${JSON.stringify(v)}`);

export function templateDifferences(read: CellReader, sheet: string, l: TemplateLayout, partnership: Partnership, posts: readonly Post[]): { lines: string[]; compared: number } {
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
  return { lines, compared };
}

/** Posts a template can hold as they are: dates inside the year (the template's rule). */
export function postsForTemplate(posts: readonly Post[], partnership: Partnership): Post[] {
  const { first, last } = partnership.year;
  return posts.filter((p) => (p.start === null || p.start <= last) && (p.end === null || p.end >= first));
}
