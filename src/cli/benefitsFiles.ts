import { RuleError } from "../core/errors";
import { costBenefits, importBenefitLists, summariseBenefits, totalBenefit, type BenefitImport } from "../benefits/index";
import type { Grid, Partnership, PostListSummary } from "../postlist/index";
import { readGridFile, type Returned, type SourceGrids } from "./jw-summary";
import { formatPounds } from "./summaryText";

/**
 * Reads benefits registers (.csv or .xlsx, the first sheet) for a partnership, keeping each grid
 * for the issues sheet, with the benefits returned on costing templates after them. Null when
 * there is neither a register nor a returned benefit.
 */
export async function readBenefitFiles(paths: readonly string[], partnership: Partnership, returned?: Returned): Promise<{ benefits: BenefitImport; grids: SourceGrids } | null> {
  const read = await readRegisters(paths, partnership);
  if (!returned || returned.benefits.length + returned.benefitsRejected.length === 0) return paths.length > 0 ? read : null;
  const v = read.benefits.validation;
  const validation = { ...v, benefits: [...v.benefits, ...returned.benefits], rejected: [...v.rejected, ...returned.benefitsRejected] };
  const costs = costBenefits(validation.benefits, partnership);
  return { benefits: { validation, costs, summary: summariseBenefits(costs, partnership.authorities.length) }, grids: read.grids };
}

async function readRegisters(paths: readonly string[], partnership: Partnership): Promise<{ benefits: BenefitImport; grids: SourceGrids }> {
  const grids: SourceGrids = new Map();
  const inputs: { grid: Grid; source: string }[] = [];
  for (const path of paths) {
    let grid: Grid;
    try {
      grid = await readGridFile(path);
    } catch (e) {
      throw new RuleError("invalid", `The benefits register cannot be used: ${(e as Error).message}`);
    }
    inputs.push({ grid, source: path });
    grids.set(path, { grid, firstRowNumber: 1 });
  }
  return { benefits: importBenefitLists(inputs, partnership), grids };
}

/** The readable lines jw-summary adds for a benefits register. */
export function benefitsText(posts: PostListSummary, benefits: BenefitImport, several: boolean): string {
  const t = totalBenefit(posts, benefits.summary);
  const out: string[] = [];
  const rejectedRows = new Set(benefits.validation.rejected.map((p) => `${p.source}|${p.row}`)).size;
  out.push(`Other benefits (${benefits.costs.length} accepted, ${rejectedRows} rejected)`);
  posts.authorities.forEach((a, i) => {
    out.push(
      `  ${a.code}: post saving ${formatPounds(a.saving)}, other benefits ${formatPounds(benefits.summary.otherBenefits[i])} (cashable ${formatPounds(benefits.summary.cashableBenefits[i])}), total benefit ${formatPounds(t.totalBenefit[i])}`,
    );
  });
  out.push(`  Total benefit: ${formatPounds(t.grandTotal)}`);
  out.push(`No partner worse off on post savings plus cashable benefits (Principle 3, rule 12): ${t.noWorseWithCashable ? "yes" : "NO"}`);
  if (benefits.validation.rejected.length > 0) {
    out.push("Rejected benefit rows (fix them in the file and run again):");
    for (const p of benefits.validation.rejected) out.push(`  ${several ? `${p.source} ` : ""}row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.message}`);
  }
  out.push("");
  return out.join("\n");
}
