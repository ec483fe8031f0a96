/** A1-style addresses. */

/** 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column (1-based) and row (1-based) to A1. */
export function cell(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

export function range(firstColumn: number, firstRow: number, lastColumn: number, lastRow: number): string {
  return `${cell(firstColumn, firstRow)}:${cell(lastColumn, lastRow)}`;
}

/** A sheet name quoted for use in a formula: 'JW Posts'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute reference to a range on a sheet: 'JW Posts'!$A$2:$A$11 */
export function absolute(sheet: string, firstColumn: number, firstRow: number, lastColumn = firstColumn, lastRow = firstRow): string {
  const a = `$${columnLetter(firstColumn)}$${firstRow}`;
  const b = `$${columnLetter(lastColumn)}$${lastRow}`;
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}
