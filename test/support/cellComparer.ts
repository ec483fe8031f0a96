/**
 * The comparison every differential check makes: a cell as an engine evaluated it against the
 * core's figure, each difference kept as a readable line, every cell compared counted.
 */
export type CellReader = (sheet: string, a1: string) => unknown;

export interface CellComparer {
  /** Money: the cell must be exactly the core's pence ÷ 100 (12.340000000001 prints as 12.34 but is not it). */
  pence(sheet: string, a1: string, expected: number, what: string): void;
  /** Anything else, compared as it is. */
  value(sheet: string, a1: string, expected: unknown, what: string): void;
  result(): { lines: string[]; compared: number };
}

export function cellComparer(read: CellReader, options: { blankIsEmptyText?: boolean } = {}): CellComparer {
  const lines: string[] = [];
  let compared = 0;
  return {
    pence(sheet, a1, expected, what) {
      compared++;
      const actual = read(sheet, a1);
      if (typeof actual !== "number" || Math.round(actual * 100) !== expected || actual !== expected / 100) {
        lines.push(`${sheet}!${a1} ${what}: engine ${JSON.stringify(actual)}, core ${expected / 100}`);
      }
    },
    value(sheet, a1, expected, what) {
      compared++;
      const actual = read(sheet, a1);
      // An engine may read a formula's "" back as a blank cell.
      const blankAsText = options.blankIsEmptyText === true && expected === "" && (actual === null || actual === undefined);
      if (actual !== expected && !blankAsText) lines.push(`${sheet}!${a1} ${what}: engine ${JSON.stringify(actual)}, core ${JSON.stringify(expected)}`);
    },
    result: () => ({ lines, compared }),
  };
}
