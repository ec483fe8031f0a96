import { RuleError } from "../core/errors";
import type { Partnership } from "../postlist/partnership";
import { consolidateReturns, consolidationAddsAnything, consolidationImport, plannedPostsFromTable, readReturnFile, type Consolidation, type ReturnFile } from "../templates/index";
import { NOTHING_KEPT } from "../workbook/index";
import { keepingPlan } from "./keepingPlan";
import { readWorkbookKeeps } from "./workbookKeeps";
import type { PlannedPost } from "../workbook/postsSheet";
import { TABLE } from "../workbook/sheetNames";
import { type WriteOptions, writePlan } from "./writePlan";

/**
 * "Consolidate returns" in the open workbook: read the returned files (input values only), read
 * the posts already in the JW Posts table back, with the benefits register, the outturn and the
 * Method figures beside them, and rewrite the table, Summary and issues sheet with the existing
 * posts plus the good new ones, JW Benefits with the returned benefits, JW Outturn with the
 * returned actual costs and JW True-up over the new posts, through one plan. writePlan restores
 * the workbook if any write fails, so nothing is half-appended.
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
  // A workbook without a partnership has nothing to keep: its tables would be for no councils.
  const keeps = partnership ? await readWorkbookKeeps(partnership) : NOTHING_KEPT;
  const consolidation = consolidateReturns({ partnership, existing, returns: files, existingBenefits: keeps.benefits, existingOutturns: keeps.outturns });
  const input = consolidationImport(consolidation);
  if (!input || !consolidationAddsAnything(consolidation)) return { consolidation, written: false, files };
  options.onStep?.(`Writing ${consolidation.posts.length} posts`);
  const plan = await keepingPlan(input, { ...keeps, benefits: consolidation.benefits ?? keeps.benefits, outturns: consolidation.outturns });
  await writePlan(plan.plan, options);
  return { consolidation, written: true, files };
}
