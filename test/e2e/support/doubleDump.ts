import type { Page } from "playwright-core";

/** What excelDouble.js's dump() returns: the workbook as the pane left it. */
export interface Cell {
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface Dump {
  active: string;
  settings: Record<string, string>;
  settingsSaves: number;
  names: { name: string; reference: string }[];
  sheets: {
    name: string;
    visibility: string;
    frozenRows: number;
    cells: Record<string, Cell>;
    tables: { name: string; address: string }[];
    charts: { title: string; values: string; categories: string | null; seriesName: string }[];
  }[];
}

/** Reads the Excel double's workbook from the page. */
export function dump(page: Page): Promise<Dump> {
  return page.evaluate(() => (window as unknown as { __excelDouble: { dump(): Dump } }).__excelDouble.dump());
}
