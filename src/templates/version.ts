/**
 * How a budget-holder template is recognised: a marker cell ("JW-TEMPLATE v1") and a
 * fingerprint of the partnership it was made for. A return is read only when both match.
 */

export const MARKER_PREFIX = "JW-TEMPLATE";
/** The layout version this add-in writes and reads. Bump it when the layout changes. */
export const TEMPLATE_VERSION = 4;
/**
 * The oldest version still read: version 1 has the same inputs and details, only JW formulas in
 * its outputs (which a return never needs: a return is read from its inputs); version 3 adds a
 * Salary max input after Salary (rule 13), version 4 a Post ID, an Actual cost (rule 15) and
 * benefit rows (rule 12), so each version's inputs are read at its own positions.
 */
export const OLDEST_READ_VERSION = 1;

export function markerText(version = TEMPLATE_VERSION): string {
  return `${MARKER_PREFIX} v${version}`;
}

/** The version a marker cell names, or null when the text is not a template marker. */
export function parseMarker(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const m = /^\s*JW-TEMPLATE\s+v(\d{1,4})\s*$/i.exec(text);
  return m ? Number(m[1]) : null;
}

/** True when the text looks like any template marker, even one this version cannot parse. */
export function looksLikeMarker(text: unknown): boolean {
  return typeof text === "string" && text.trim().toUpperCase().startsWith(MARKER_PREFIX);
}
