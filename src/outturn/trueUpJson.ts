import { toPounds } from "../core/money";
import type { TrueUp, UnmatchedReason } from "../core/trueUp";
import type { PostCost } from "../postlist/costPost";
import type { Partnership } from "../postlist/partnership";
import type { OutturnImport } from "./readOutturn";
import { unmatchedMessage } from "./trueUpPosts";

/** The true-up as `jw-summary --outturn … --json` gives it: money in pounds. */
export interface TrueUpJson {
  tolerance: number;
  posts: { postId: string; estimate: number; outturn: number; difference: number; withinTolerance: boolean; adjustments: Record<string, number> }[];
  authorities: Record<string, { pays: number; receives: number; net: number }>;
  /** Each partner's year-end amount per home council: positive, the home council invoices it; negative, a credit. */
  settlements: { partner: string; home: string; amount: number }[];
  unmatched: { reason: UnmatchedReason; postId: string | null; outturnRow: number | null; postRows: number[]; message: string }[];
  /** Outturn rows refused, with their row and column. */
  rejected: { row: number; column: string; message: string }[];
}

export function trueUpJson(t: TrueUp, costs: readonly PostCost[], outturn: OutturnImport, partnership: Partnership): TrueUpJson {
  const codes = partnership.authorities.map((a) => a.code);
  const byCode = (values: readonly number[]) => Object.fromEntries(codes.map((c, i) => [c, toPounds(values[i])]));
  const settlements: TrueUpJson["settlements"] = [];
  t.owed.forEach((row, p) => row.forEach((amount, h) => amount !== 0 && settlements.push({ partner: codes[p], home: codes[h], amount: toPounds(amount) })));
  return {
    tolerance: t.tolerance,
    posts: t.posts.map((p) => ({
      postId: p.postId,
      estimate: toPounds(p.estimate),
      outturn: toPounds(p.outturn),
      difference: toPounds(p.difference),
      withinTolerance: p.withinTolerance,
      adjustments: byCode(p.adjustments),
    })),
    authorities: Object.fromEntries(codes.map((c, i) => [c, { pays: toPounds(t.authorities[i].pays), receives: toPounds(t.authorities[i].receives), net: toPounds(t.authorities[i].net) }])),
    settlements,
    unmatched: t.unmatched.map((u) => ({
      reason: u.reason,
      postId: u.postId,
      outturnRow: u.outturnIndex === null ? null : outturn.outturns[u.outturnIndex].row,
      postRows: u.rows.map((i) => costs[i].post.row),
      message: unmatchedMessage(u),
    })),
    rejected: outturn.rejected.map((p) => ({ row: p.row, column: p.column, message: p.message })),
  };
}
