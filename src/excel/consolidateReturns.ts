import { RuleError } from "../core/errors";
import type { Partnership } from "../postlist/partnership";
import { consolidateReturns, consolidationImport, plannedPostsFromTable, readReturnFile, type Consolidation, type ReturnFile } from "../templates/index";
import { importPlan } from "../workbook/importPlan";
import type { PlannedPost } from "../workbook/postsSheet";
import { TABLE } from "../workbook/sheetNames";
import { type WriteOptions, writePlan } from "./writePlan";

/**
 * "Consolidate returns" in the open workbook: read the returned files (input values only), read
 * the posts already in the JW Posts table back, and rewrite the table, Summary and issues sheet
 * with the existing posts plus the good new ones through one import plan. writePlan restores the
 * workbook if any write fails, so nothing is half-appended.
 */

export interface ReturnUpload {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

/** The posts now in the JW Posts table (none when it does not exist yet). */
export async function readExistingPosts(partnership: Partnership | null): Promise<PlannedPost[]> {
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLE.posts);
    await context.sync();
    if (table.isNullObject) return [];
    const range = table.getRange();
    range.load("values");
    await context.sync();
    const values = range.values as unknown[][];
    if (partnership === null) {
      if (values.length > 1) throw new RuleError("invalid", "The workbook has a JW Posts table but no partnership: set the partnership up (Partnership tab) before consolidating.");
      return [];
    }
    return plannedPostsFromTable(values, partnership.authorities.map((a) => a.code));
  });
}

export interface ConsolidateResult {
  consolidation: Consolidation;
  /** True when the workbook was written (at least one post taken). */
  written: boolean;
  files: ReturnFile[];
}

export async function consolidateIntoWorkbook(
  uploads: readonly ReturnUpload[],
  partnership: Partnership | null,
  options: WriteOptions & { onStep?: (step: string) => void } = {},
): Promise<ConsolidateResult> {
  const files: ReturnFile[] = [];
  for (const u of uploads) {
    options.onStep?.(`Reading ${u.name}`);
    files.push(await readReturnFile(u.name, u.bytes));
  }
  options.onStep?.("Reading the JW Posts table");
  const existing = await readExistingPosts(partnership);
  const consolidation = consolidateReturns({ partnership, existing, returns: files });
  const input = consolidationImport(consolidation);
  if (!input || consolidation.added.length === 0) return { consolidation, written: false, files };
  options.onStep?.(`Writing ${consolidation.posts.length} posts`);
  await writePlan(importPlan(input).plan, options);
  return { consolidation, written: true, files };
}
