import type { Block, SheetPlan, WorkbookPlan } from "../workbook/plan";

/**
 * Splits a plan's cell writes into requests that stay under Excel on the web's 5 MB per-request
 * limit, so the number of syncs does not grow with rows until one request would be too large.
 * Pure, so the write plan can be measured without Excel.
 */
export const MAX_REQUEST_BYTES = 4_000_000; // headroom under the 5 MB limit for the request envelope

export interface SheetBlock {
  sheet: string;
  block: Block;
}

/** Roughly what a block costs in a request: its JSON, as Office.js serialises arrays. */
export function blockBytes(block: Block): number {
  const body = block.values ?? block.formulas ?? [];
  let bytes = 64 + (block.columnFormats ? block.columnFormats.join("").length + 16 * block.columnFormats.length : 0);
  for (const row of body) {
    bytes += 2;
    for (const v of row) bytes += v === null ? 5 : typeof v === "string" ? v.length + 3 + (v.match(/["\\]/g)?.length ?? 0) : String(v).length + 1;
  }
  return bytes;
}

function rowAddress(address: string, offset: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 cell: ${address}`);
  return `${m[1]}${+m[2] + offset}`;
}

/** Cuts one block into row slices no larger than maxBytes each (a single row is never cut). */
export function sliceBlock(block: Block, maxBytes: number): Block[] {
  const total = blockBytes(block);
  if (total <= maxBytes || block.rows <= 1) return [block];
  const perRow = total / block.rows;
  const rowsPerSlice = Math.max(1, Math.floor(maxBytes / perRow));
  const out: Block[] = [];
  for (let start = 0; start < block.rows; start += rowsPerSlice) {
    const rows = Math.min(rowsPerSlice, block.rows - start);
    out.push({
      ...block,
      address: rowAddress(block.address, start),
      rows,
      values: block.values?.slice(start, start + rows),
      formulas: block.formulas?.slice(start, start + rows),
    });
  }
  return out;
}

/** Groups every block of the plan into batches, each one request under maxBytes. */
export function batchesOf(plan: WorkbookPlan, maxBytes = MAX_REQUEST_BYTES): SheetBlock[][] {
  const batches: SheetBlock[][] = [];
  let current: SheetBlock[] = [];
  let size = 0;
  const push = (sheet: SheetPlan, block: Block) => {
    const bytes = blockBytes(block);
    if (current.length > 0 && size + bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push({ sheet: sheet.name, block });
    size += bytes;
  };
  for (const sheet of plan.sheets) for (const block of sheet.blocks) for (const slice of sliceBlock(block, maxBytes)) push(sheet, slice);
  if (current.length > 0) batches.push(current);
  return batches;
}
