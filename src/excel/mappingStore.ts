import type { Authority, Cell, ColumnMapping, PostField } from "../postlist/index";
import { POST_FIELDS, checkMapping, normaliseHeader } from "../postlist/index";

/**
 * Remembers the column mapping the user chose for a post list, in the workbook's add-in settings
 * (Office.context.document.settings, saved with the workbook), keyed by the list's headers: the
 * next list with the same headers opens with the same mapping.
 */

const PREFIX = "JW.mapping.";

interface StoredMapping {
  v: 1;
  headers: string[];
  mapping: ColumnMapping;
}

function headerKeys(headers: readonly Cell[]): string[] {
  return headers.map(normaliseHeader);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short settings key for a set of headers. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** The settings key for a list with these headers (case, spaces and punctuation ignored). */
export function mappingKey(headers: readonly Cell[]): string {
  return PREFIX + hash(headerKeys(headers).join("\u001f"));
}

function settings(): Office.Settings | null {
  // Outside Office (a plain browser) there is no document to keep settings in.
  return typeof Office !== "undefined" ? (Office.context?.document?.settings ?? null) : null;
}

function isColumn(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 0;
}

function columnsOf(x: unknown): Record<string, number> | null {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return null;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(x)) {
    if (!isColumn(v)) return null;
    out[k] = v;
  }
  return out;
}

/** A stored value read back as a mapping, or null when it is not one (settings are editable data). */
export function storedMapping(value: unknown, headers: readonly Cell[]): ColumnMapping | null {
  if (typeof value !== "object" || value === null) return null;
  const s = value as Partial<StoredMapping>;
  const keys = headerKeys(headers);
  if (s.v !== 1 || !Array.isArray(s.headers) || s.headers.length !== keys.length || s.headers.some((h, i) => h !== keys[i])) return null;
  const m = s.mapping as Partial<ColumnMapping> | undefined;
  const fields = columnsOf(m?.fields);
  const shares = columnsOf(m?.shares);
  const baselines = columnsOf(m?.baselines);
  if (!fields || !shares || !baselines) return null;
  if (Object.keys(fields).some((f) => !POST_FIELDS.includes(f as PostField))) return null;
  return { fields, shares, baselines };
}

/**
 * The mapping remembered for these headers, if any and still usable with this partnership
 * (every required field mapped, every column present, share columns for its authorities).
 */
export function recallMapping(headers: readonly Cell[], authorities: readonly Authority[]): ColumnMapping | null {
  const store = settings();
  if (!store) return null;
  const mapping = storedMapping(store.get(mappingKey(headers)), headers);
  if (!mapping) return null;
  return checkMapping(mapping, headers, authorities).length === 0 ? mapping : null;
}

/** Remembers the mapping for these headers and saves the settings into the workbook. */
export async function rememberMapping(headers: readonly Cell[], mapping: ColumnMapping): Promise<void> {
  const store = settings();
  if (!store) return;
  const value: StoredMapping = { v: 1, headers: headerKeys(headers), mapping };
  store.set(mappingKey(headers), value);
  await new Promise<void>((resolve, reject) => {
    store.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(`The column mapping could not be saved in the workbook: ${result.error?.message ?? "unknown error"}.`));
      else resolve();
    });
  });
}
