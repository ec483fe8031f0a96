/** Text and attribute values as they go into the XML parts the writer adds to an .xlsx file. */

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(+d))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** The attributes of one start tag, unescaped: enough for the parts exceljs writes, not a general parser. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
  return out;
}

/** Every start (or empty) tag of one element name in a part, in document order. */
export function startTags(xml: string, name: string): string[] {
  const re = new RegExp(`<${name.replace(/[.:]/g, "\\$&")}(?=[\\s/>])[^>]*>`, "g");
  return [...xml.matchAll(re)].map((m) => m[0]);
}

/**
 * OOXML's escape for text that XML would mangle or cannot hold (ST_Xstring): a line feed in an
 * attribute would be read back as a space, so a table column named over two lines is written
 * _x000a_; a literal "_x0041_" is itself escaped so it is not read back as "A".
 */
export function xstring(text: string): string {
  const hex = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, "0")}_`;
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, hex(0x5f)).replace(/[\u0000-\u001F]/g, (ch) => hex(ch.charCodeAt(0)));
}
