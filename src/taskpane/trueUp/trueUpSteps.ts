import { invalid } from "../../core/errors";
import { checkTolerance } from "../../core/trueUp";
import { fractionFromCell, type Partnership } from "../../postlist/index";
import { readOutturn, type OutturnImport } from "../../outturn/index";
import { plannedOutturn, postsLayout, trueUpWorkbookPlan, type WorkbookKeeps, type WorkbookPlan } from "../../workbook/index";
import type { LoadedList } from "../import/postList";

/**
 * The true-up panel's steps over the pure code: an outturn list checked into a preview, then
 * planned into writes. Nothing here touches the workbook.
 */

export function previewOutturn(list: LoadedList): OutturnImport {
  return readOutturn({ grid: list.grid, firstRowNumber: list.firstRowNumber, source: list.source });
}

/** Rows rejected (a row may have several problems). */
export function rejectedRows(outturn: OutturnImport): number {
  return new Set(outturn.rejected.map((p) => p.row)).size;
}

/** A tolerance as the field shows it: 0.025 → "2.5%". */
export function toleranceText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}

/** The tolerance as typed: 3%, 0.03. */
export function readTolerance(text: string): number {
  const f = fractionFromCell(text);
  if (f === null) throw invalid(`Tolerance "${text}" is not a rate: give it as a percentage (3%) or a fraction (0.03).`);
  return checkTolerance(f.value, `Tolerance ${text.trim()}`);
}

/**
 * JW Outturn, JW True-up and the Method sheet (with the tolerance) over a JW Posts table of
 * `postCount` rows. `kept`: what the Method sheet holds now (readWorkbookKeeps), so its other
 * typed figures, and the projection's block when there is a projection, survive the rewrite.
 */
export function planTrueUp(
  partnership: Partnership,
  postCount: number,
  outturn: OutturnImport,
  tolerance: number,
  kept: Pick<WorkbookKeeps, "method" | "projection"> = { method: {}, projection: false },
): WorkbookPlan {
  return trueUpWorkbookPlan({
    authorities: partnership.authorities,
    yearLabel: partnership.year.label,
    posts: postsLayout(partnership.authorities.map((a) => a.code)),
    postCount,
    outturns: outturn.outturns.map(plannedOutturn),
    tolerance,
    method: kept.method,
    ...(kept.projection && partnership.projection ? { projection: partnership.projection } : {}),
  }).plan;
}
