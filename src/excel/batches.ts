import type { Block, WorkbookPlan } from "../workbook/plan";

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

/** A block's fixed part in a request: its address and column formats. */
function headBytes(block: Block): number {
  return 64 + (block.columnFormats ? block.columnFormats.join("").length + 16 * block.columnFormats.length : 0);
}

/** One row of values or formulas, as JSON. */
function rowBytes(row: readonly unknown[]): number {
  let bytes = 2;
  for (const v of row) bytes += v === null ? 5 : typeof v === "string" ? v.length + 3 + (v.match(/["\\]/g)?.length ?? 0) : String(v).length + 1;
  return bytes;
}

/** Roughly what a block costs in a request: its JSON, as Office.js serialises arrays. */
export function blockBytes(block: Block): number {
  let bytes = headBytes(block);
  for (const row of block.values ?? block.formulas ?? []) bytes += rowBytes(row);
  return bytes;
}

function rowAddress(address: string, offset: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 cell: ${address}`);
  return `${m[1]}${+m[2] + offset}`;
}

/**
 * A block's slices, each with its bytes (every row measured once). The first slice is cut to fit
 * `room` (what is left of the current request) when at least one row fits there; the others to
 * fit maxBytes. Cut by the rows' own sizes, not their average: long rows bunched together (a list
 * whose last posts have very long titles) must not make one slice pass the limit. A block that
 * fits in maxBytes is not cut.
 */
function slicesOf(block: Block, maxBytes: number, room = maxBytes): { block: Block; bytes: number }[] {
  const body = block.values ?? block.formulas ?? [];
  const head = headBytes(block);
  const sizes = body.map(rowBytes);
  let total = head;
  for (const size of sizes) total += size;
  if (total <= maxBytes || block.rows <= 1) return [{ block, bytes: total }];
  const out: { block: Block; bytes: number }[] = [];
  const cut = (start: number, end: number, bytes: number) =>
    out.push({
      block: {
        ...block,
        address: rowAddress(block.address, start),
        rows: end - start,
        values: block.values?.slice(start, end),
        formulas: block.formulas?.slice(start, end),
      },
      bytes,
    });
  let limit = head + sizes[0] <= room ? room : maxBytes;
  let start = 0;
  let bytes = head;
  for (let r = 0; r < sizes.length; r++) {
    if (r > start && bytes + sizes[r] > limit) {
      cut(start, r, bytes);
      start = r;
      bytes = head;
      limit = maxBytes;
    }
    bytes += sizes[r];
  }
  cut(start, sizes.length, bytes);
  return out;
}

/** Cuts one block into row slices no larger than maxBytes each (a single row is never cut). */
export function sliceBlock(block: Block, maxBytes: number): Block[] {
  return slicesOf(block, maxBytes).map((s) => s.block);
}

/** Groups every block of the plan into batches, each one request under maxBytes. */
export function batchesOf(plan: WorkbookPlan, maxBytes = MAX_REQUEST_BYTES): SheetBlock[][] {
  const batches: SheetBlock[][] = [];
  let current: SheetBlock[] = [];
  let size = 0;
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      for (const slice of slicesOf(block, maxBytes, maxBytes - size)) {
        if (current.length > 0 && size + slice.bytes > maxBytes) {
          batches.push(current);
          current = [];
          size = 0;
        }
        current.push({ sheet: sheet.name, block: slice.block });
        size += slice.bytes;
      }
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
