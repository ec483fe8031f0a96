import { type Cell, cellText } from "./cells";

/**
 * A header reduced for matching: case, spaces and punctuation ignored, `%` kept as the word
 * "percent" (so `OCC %` is `occpercent`, not just `occ`). `Post title` → `posttitle`.
 */
export function normaliseHeader(header: Cell): string {
  return cellText(header)
    .normalize("NFKD")
    .toLowerCase()
    .replace(/%/g, "percent")
    .replace(/[^a-z0-9]/g, "");
}
