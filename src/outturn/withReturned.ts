import { postKey } from "../core/trueUp";
import type { Outturn, OutturnImport } from "./readOutturn";

/**
 * The outturn with the actual costs returned on costing templates (version 4 on) added: a post
 * has one actual cost for the year (rule 15), so a returned figure for a Post ID that already has
 * one (in the outturn file, or an earlier return) is rejected with its row, never added to it.
 */
export function withReturnedOutturns(base: OutturnImport | null, returned: readonly Outturn[]): OutturnImport {
  const result: OutturnImport = base
    ? { ...base, outturns: [...base.outturns], rejected: [...base.rejected] }
    : { outturns: [], rejected: [], headers: ["Post ID", "Actual cost"], headerRowNumber: 1, mapping: { postId: 0, actual: 1 } };
  const from = new Map<string, string>(result.outturns.map((o) => [postKey(o.postId), o.source ? `${o.source} row ${o.row}` : `row ${o.row}`]));
  for (const o of returned) {
    const earlier = from.get(postKey(o.postId));
    if (earlier !== undefined) {
      result.rejected.push({
        ...(o.source !== undefined ? { source: o.source } : {}),
        row: o.row,
        column: "Actual cost (year end)",
        columnIndex: null,
        message: `Post ID ${o.postId} already has an actual cost (${earlier}): a post has one actual cost for the year. Correct it where it was first given, and leave it off the other.`,
      });
      continue;
    }
    from.set(postKey(o.postId), o.source ? `${o.source} row ${o.row}` : `row ${o.row}`);
    result.outturns.push(o);
  }
  return result;
}
