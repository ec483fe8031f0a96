/**
 * Fixtures for the template tests: the OCC/CDC partnership, posts as a budget holder types them,
 * and blank or filled-in template files built by the add-in's own writer.
 */
import ExcelJS from "exceljs";
import { makePartnership, type Partnership } from "../../src/postlist";
import { serialFromDate } from "../../src/core/dates";
import { templateWorkbookPlan, planToXlsx, type TemplateLayout } from "../../src/templates";
import { date, fillTemplate, type Typed } from "./templateFiles";

export const partnership: Partnership = makePartnership(
  [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
  ],
  { year: "2019/20" },
);

export const d = (y: number, m: number, day: number) => serialFromDate(y, m, day);

export interface Filled {
  post: string;
  home: string;
  joint: Typed;
  shares?: (number | null)[];
  salary: Typed;
  /** Version 3 on: the top of a grade range. */
  salaryMax?: Typed;
  fte?: Typed;
  start?: number;
  end?: number;
  baselines?: (number | null)[];
  oneOff?: Typed;
  /** Version 4 on: the Post ID and the year's actual cost. */
  id?: Typed;
  actual?: Typed;
}

/** A benefit row as a budget holder types it (version 4 on). */
export interface FilledBenefit {
  benefit: Typed;
  kind?: Typed;
  amount: Typed;
  shares: (Typed | null)[];
  start?: number;
  end?: number;
  cashable?: Typed;
  evidence?: Typed;
}

export function benefitEntries(l: TemplateLayout, i: number, b: FilledBenefit): [number, number, Typed][] {
  const x = l.benefits!;
  const row = x.firstRow + i;
  const out: [number, number, Typed][] = [
    [row, x.benefit, b.benefit],
    [row, x.amount, b.amount],
  ];
  b.shares.forEach((s, k) => s !== null && out.push([row, x.share[k], s]));
  if (b.kind !== undefined) out.push([row, x.kind, b.kind]);
  if (b.start !== undefined) out.push([row, x.start, date(b.start)]);
  if (b.end !== undefined) out.push([row, x.end, date(b.end)]);
  if (b.cashable !== undefined) out.push([row, x.cashable, b.cashable]);
  if (b.evidence !== undefined) out.push([row, x.evidence, b.evidence]);
  return out;
}

export const GOOD: Filled[] = [
  { post: "Chief Executive", home: "OCC", joint: "Y", shares: [0.61, 0.39], salary: 190000, oneOff: 15000 },
  { post: "Monitoring Officer", home: "CDC", joint: "Y", shares: [0.5, 0.5], salary: 95000, fte: 0.8, start: d(2019, 10, 1), baselines: [80000, 70000], oneOff: 0 },
  { post: "=Policy Officer (text, not a formula)", home: "CDC", joint: "N", salary: 40000, fte: 1, end: d(2019, 12, 31) },
  { post: "AD Regulatory Services", home: "OCC", joint: "Yes", shares: [0.6, 0.4], salary: 105000, start: d(2019, 7, 1), end: d(2020, 3, 31), baselines: [90000, null], oneOff: 20000 },
];

/** The input cells of one post, for fillTemplate. */
export function entries(l: TemplateLayout, row: number, p: Filled): [number, number, Typed][] {
  const out: [number, number, Typed][] = [
    [row, l.post, p.post],
    [row, l.home, p.home],
    [row, l.joint, p.joint],
    [row, l.salary, p.salary],
  ];
  p.shares?.forEach((s, k) => s !== null && out.push([row, l.share[k], s]));
  if (p.salaryMax !== undefined && l.salaryMax !== null) out.push([row, l.salaryMax, p.salaryMax]);
  if (p.fte !== undefined) out.push([row, l.fte, p.fte]);
  if (p.start !== undefined) out.push([row, l.start, date(p.start)]);
  if (p.end !== undefined) out.push([row, l.end, date(p.end)]);
  p.baselines?.forEach((b, k) => b !== null && out.push([row, l.baseline[k], b]));
  if (p.oneOff !== undefined) out.push([row, l.oneOff, p.oneOff]);
  if (p.id !== undefined && l.postId !== null) out.push([row, l.postId, p.id]);
  if (p.actual !== undefined && l.actualCost !== null) out.push([row, l.actualCost, p.actual]);
  return out;
}

export async function blankTemplate(p = partnership, postRows = 8, version?: 2 | 3 | 4): Promise<{ bytes: Uint8Array; layout: TemplateLayout; sheet: string }> {
  const t = templateWorkbookPlan(p, { postRows, ...(version ? { version } : {}) });
  const bytes = await planToXlsx(t.workbook, ExcelJS);
  return { bytes, layout: t.layout, sheet: t.sheet.name };
}

/** A filled-in return: posts from the given first row of the template. */
export async function filledReturn(posts: readonly Filled[], p = partnership, postRows = 8, extra: [number, number, Typed][] = [], version?: 2 | 3 | 4): Promise<Uint8Array> {
  const { bytes, layout } = await blankTemplate(p, postRows, version);
  return fillTemplate(bytes, [...posts.flatMap((post, i) => entries(layout, layout.firstPostRow + i, post)), ...extra]);
}

