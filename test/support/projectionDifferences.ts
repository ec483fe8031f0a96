/**
 * The differential check of the Projection sheets: every working cell and every figure of the
 * Projection sheet, as an engine evaluated them, against src/postlist/projectPosts for the same
 * posts, to the penny.
 */
import { cellComparer } from "./cellComparer";
import { projectPosts, type ProjectedYear, type ProjectionSettings } from "../../src/postlist/projectPosts";
import type { Partnership } from "../../src/postlist/partnership";
import type { Post } from "../../src/postlist/post";
import { importPlan, plannedPost, columnLetter, PROJECTION_SHEET, type ImportPlan } from "../../src/workbook/index";
import type { CellReader } from "./nativeWorkbook";

export interface ProjectionBuilt extends ImportPlan {
  years: ProjectedYear[];
}

export function buildProjection(partnership: Partnership, posts: readonly Post[], settings: ProjectionSettings): ProjectionBuilt {
  const built = importPlan({ partnership, posts: posts.map(plannedPost), rejected: [], sourceHeaders: [], includePartnership: true, projection: settings });
  return { ...built, years: projectPosts(posts, partnership, settings) };
}

export function projectionDifferences(read: CellReader, built: ProjectionBuilt, options: { workingCells?: boolean } = {}): { lines: string[]; compared: number } {
  const l = built.projection!;
  const { pence: expectPence, value: expectValue, result } = cellComparer(read);
  const W = PROJECTION_SHEET.working;
  const P = PROJECTION_SHEET.projection;
  const c = l.columns;
  const cumulative = built.years[0].summary.authorities.map(() => 0);
  let cumulativeTotal = 0;
  built.years.forEach((y, k) => {
    const wy = l.working.years[k];
    if (options.workingCells !== false) {
      y.costs.forEach((cost, i) => {
        const row = l.working.firstDataRow + i;
        const at = (column: number) => `${columnLetter(column)}${row}`;
        const what = (label: string) => `${y.year.label} ${label} of post ${cost.post.id}`;
        expectPence(W, at(wy.pay), cost.employment.pay, what("pay"));
        expectPence(W, at(wy.annualCost), cost.annualCost, what("annual cost"));
        expectValue(W, at(wy.days), cost.days, what("days"));
        expectPence(W, at(wy.cost), cost.costThisYear, what("cost"));
        cost.parts.forEach((p, a) => expectPence(W, at(wy.part[a]), p, what(`part ${a + 1}`)));
        (cost.baselines ?? cost.parts.map(() => 0)).forEach((b, a) => expectPence(W, at(wy.baselineThisYear[a]), b, what(`baseline ${a + 1}`)));
        (cost.savings ?? cost.parts.map(() => 0)).forEach((s, a) => expectPence(W, at(wy.saving[a]), s, what(`saving ${a + 1}`)));
      });
    }
    const row = l.firstYearRow + k;
    const at = (column: number) => `${columnLetter(column)}${row}`;
    expectValue(P, at(c.year), y.year.label, "year");
    y.summary.authorities.forEach((a, i) => {
      expectPence(P, at(c.jointCostShare[i]), a.jointCostShare, `${y.year.label} ${a.code} share of joint costs`);
      expectPence(P, at(c.singlePostCost[i]), a.singlePostCost, `${y.year.label} ${a.code} single posts`);
      expectPence(P, at(c.baseline[i]), a.baseline, `${y.year.label} ${a.code} baseline`);
      expectPence(P, at(c.saving[i]), a.saving, `${y.year.label} ${a.code} saving`);
      cumulative[i] += a.saving;
      expectPence(P, at(c.cumulativeSaving[i]), cumulative[i], `${y.year.label} ${a.code} cumulative saving`);
    });
    const t = y.summary.total;
    expectPence(P, at(c.totalJointCostShare), t.jointCostShare, `${y.year.label} total share of joint costs`);
    expectPence(P, at(c.totalSinglePostCost), t.singlePostCost, `${y.year.label} total single posts`);
    expectPence(P, at(c.totalBaseline), t.baseline, `${y.year.label} total baseline`);
    expectPence(P, at(c.totalSaving), t.saving, `${y.year.label} total saving`);
    cumulativeTotal += t.saving;
    expectPence(P, at(c.cumulativeTotalSaving), cumulativeTotal, `${y.year.label} cumulative total saving`);
    expectValue(P, at(c.noWorse), y.summary.noWorse, `${y.year.label} no council worse off`);
    expectValue(P, at(c.niAssumed), y.assumed.some((a) => a.startsWith("Employer NI")) ? "Yes: latest known NI figures" : "No", `${y.year.label} NI assumed`);
  });
  return result();
}
