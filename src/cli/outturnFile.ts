import { RuleError } from "../core/errors";
import { DEFAULT_TRUE_UP_TOLERANCE } from "../core/trueUp";
import { fractionFromCell, type Partnership, type PostListImport } from "../postlist/index";
import { readOutturn, trueUpJson, trueUpPosts, withReturnedOutturns, type Outturn, type OutturnImport, type TrueUpJson } from "../outturn/index";
import { readGridFile } from "./jw-summary";
import { formatPounds } from "./summaryText";
import { UsageError } from "./runCommand";
import { toPence } from "../core/money";

/** --outturn and --tolerance, shared by jw-summary and jw-workbook. */

/** --tolerance as a fraction (0.03) or a percentage (3%), from 0 to 1. */
export function parseTolerance(text: string): number {
  const f = fractionFromCell(text);
  if (f === null || f.value < 0 || f.value > 1) throw new UsageError(`--tolerance ${text} is not a rate: give it as a fraction (0.03) or a percentage (3%).`);
  return f.value;
}

/** The outturn file read and checked, with messages that name it. */
export async function loadOutturnFile(path: string): Promise<OutturnImport> {
  try {
    return readOutturn({ grid: await readGridFile(path), source: path });
  } catch (e) {
    if (e instanceof RuleError) throw new RuleError("invalid", `The outturn cannot be used: ${e.message}`);
    throw e;
  }
}

export interface TrueUpRun {
  outturn: OutturnImport;
  tolerance: number;
  json: TrueUpJson;
}

/** What --tolerance without a true-up says. */
export const TOLERANCE_WITHOUT_OUTTURN = "--tolerance is for the true-up: give --outturn FILE too (or returned templates with actual costs).";

/**
 * The true-up over the outturn file and the actual costs returned on templates, or null when
 * there is neither (then --tolerance has nothing to apply to).
 */
export async function runTrueUp(path: string | undefined, tolerance: number | undefined, result: PostListImport, partnership: Partnership, returned: readonly Outturn[] = []): Promise<TrueUpRun | null> {
  if (path === undefined && returned.length === 0) {
    if (tolerance !== undefined) throw new UsageError(TOLERANCE_WITHOUT_OUTTURN);
    return null;
  }
  const outturn = withReturnedOutturns(path === undefined ? null : await loadOutturnFile(path), returned);
  const rate = tolerance ?? DEFAULT_TRUE_UP_TOLERANCE;
  const t = trueUpPosts(result.costs, outturn.outturns, partnership, rate);
  return { outturn, tolerance: rate, json: trueUpJson(t, result.costs, outturn, partnership) };
}

/** The true-up as jw-summary prints it without --json. */
export function trueUpText(json: TrueUpJson): string {
  const p = (pounds: number) => formatPounds(toPence(pounds));
  const out: string[] = ["", `Year-end true-up (tolerance ${Number((json.tolerance * 100).toFixed(4))}%)`];
  for (const post of json.posts) {
    const moves = Object.entries(post.adjustments).filter(([, v]) => v !== 0).map(([code, v]) => `${code} ${p(v)}`);
    out.push(`  ${post.postId}: estimate ${p(post.estimate)}, outturn ${p(post.outturn)}, ${post.withinTolerance ? "within tolerance" : `adjust ${moves.join(", ") || "nothing"}`}`);
  }
  for (const [code, a] of Object.entries(json.authorities)) out.push(`  ${code}: pays ${p(a.pays)}, receives ${p(a.receives)}, net ${p(a.net)}`);
  for (const s of json.settlements) out.push(`  ${s.home} ${s.amount >= 0 ? "invoices" : "credits"} ${s.partner} ${p(Math.abs(s.amount))}`);
  for (const u of json.unmatched) out.push(`  listed: ${u.outturnRow !== null ? `outturn row ${u.outturnRow}: ` : ""}${u.message}`);
  for (const r of json.rejected) out.push(`  rejected: outturn row ${r.row}, ${r.column}: ${r.message}`);
  return `${out.join("\n")}\n`;
}
