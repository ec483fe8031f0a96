/** Names Excel accepts for tables and defined names. */

/**
 * Excel's rule for a table (or defined) name: it opens a file that breaks it only after a
 * "repair" that drops the table, so a bad name fails here instead.
 */
export function checkExcelName(name: string, what: string): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
  if (name.length > 255 || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || looksLikeCell) throw new Error(`${what} ${JSON.stringify(name)} is not a name Excel accepts`);
}
