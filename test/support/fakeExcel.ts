/* eslint-disable @typescript-eslint/no-this-alias -- the fake hands out plain objects whose accessors write back into this workbook. */
/**
 * The slice of the Excel object model the add-in's writers use, for tests and the write-plan
 * benchmark. Collections are office-addin-mock objects, so reading `items` before load + sync
 * fails as in Excel. Cells behave as Excel's do when written: a string in `values` is read as if
 * typed (a leading "=" makes a formula, "1,234" a number) unless the cell is formatted as Text
 * first. Every queued write is counted into the request that the next sync sends.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface StoredCell {
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface FakeSheet {
  name: string;
  visibility: string;
  cells: Map<string, StoredCell>;
  tables: { name: string; address: string }[];
  charts: { title: string; series: string; categories?: string; values: string }[];
  frozenRows: number;
  pageLayout: Record<string, unknown>;
  deleted: boolean;
  /** Page breaks added (the cell each new page starts at). */
  pageBreaks?: string[];
  /** Data validation rules by range address. */
  validations?: Map<string, unknown>;
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
function parseRange(address: string): { c1: number; r1: number; c2: number; r2: number } {
  const [a, b = a] = address.replace(/^.*!/, "").replace(/\$/g, "").split(":");
  const pa = /^([A-Z]+)(\d+)$/.exec(a)!;
  const pb = /^([A-Z]+)(\d+)$/.exec(b)!;
  return { c1: colNum(pa[1]), r1: +pa[2], c2: colNum(pb[1]), r2: +pb[2] };
}

/** What Excel does with a string entered into a General-formatted cell. */
export function excelInterprets(text: string): { value: unknown; formula?: string } {
  if (/^[=+\-@]/.test(text) && text.length > 1 && !/^[+-]?\d[\d,]*(\.\d+)?$/.test(text)) return { value: null, formula: text.startsWith("=") ? text : `=${text}` };
  const n = text.replace(/,/g, "");
  if (/^[+-]?\d+(\.\d+)?$/.test(n.trim())) return { value: Number(n) };
  if (/^TRUE$|^FALSE$/i.test(text)) return { value: /^TRUE$/i.test(text) };
  return { value: text };
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  names: { name: string; reference: string }[] = [];
  syncs = 0;
  requestBytes: number[] = [];
  private pending = 0;
  /** Fail the nth sync (1-based), to test that a failed write leaves the workbook as it was. */
  failOnSync: number | null = null;
  /**
   * False for the write-plan benchmark: cell writes are counted into the request as usual but
   * not stored cell by cell (a Map entry per cell makes 100,000 posts slow and large). Sheets,
   * tables, charts, names and syncs behave as always.
   */
  readonly storeCells: boolean;

  constructor(existing: { name: string; cells?: Record<string, unknown> }[] = [{ name: "Sheet1" }], options: { storeCells?: boolean } = {}) {
    this.storeCells = options.storeCells ?? true;
    for (const s of existing) {
      const sheet = this.newSheet(s.name);
      for (const [a1, value] of Object.entries(s.cells ?? {})) sheet.cells.set(a1, { value });
    }
  }

  private newSheet(name: string): FakeSheet {
    const sheet: FakeSheet = { name, visibility: "Visible", cells: new Map(), tables: [], charts: [], frozenRows: 0, pageLayout: {}, deleted: false };
    this.sheets.push(sheet);
    return sheet;
  }

  liveSheets(): FakeSheet[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  sheet(name: string): FakeSheet {
    const s = this.liveSheets().find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  private count(payload: unknown): void {
    this.pending += JSON.stringify(payload ?? null).length + 40;
  }

  private range(sheet: FakeSheet, c1: number, r1: number, c2: number, r2: number): unknown {
    const self = this;
    const each = (fn: (a1: string, r: number, c: number) => void) => {
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) fn(`${colLetters(c)}${r}`, r - r1, c - c1);
    };
    const cellOf = (a1: string) => {
      let cell = sheet.cells.get(a1);
      if (!cell) sheet.cells.set(a1, (cell = { value: null }));
      return cell;
    };
    const grid = (v: unknown, r: number, c: number) => (Array.isArray(v) ? (v as unknown[][])[r][c] : v);
    const format = {
      font: {} as Record<string, unknown>,
      fill: {} as Record<string, unknown>,
      columnWidth: 0,
      // Row heights are not modelled: autofitting them changes nothing the tests read.
      autofitRows: () => undefined,
    };
    const address = `${colLetters(c1)}${r1}:${colLetters(c2)}${r2}`;
    return {
      address: `${sheet.name}!${address}`,
      format,
      // A plain property, so a test can replace it with its own recorder.
      dataValidation: {
        clear: () => sheet.validations?.delete(address),
        set rule(rule: unknown) {
          self.count(rule);
          (sheet.validations ??= new Map()).set(address, rule);
        },
        ignoreBlanks: true,
        prompt: {},
        errorAlert: {},
      },
      getResizedRange: (dr: number, dc: number) => self.range(sheet, c1, r1, c2 + dc, r2 + dr),
      getColumn: (i: number) => self.range(sheet, c1 + i, r1, c1 + i, r2),
      set numberFormat(v: unknown) {
        self.count(v);
        if (!self.storeCells) return;
        each((a1, r, c) => (cellOf(a1).numberFormat = grid(v, r, c) as string));
      },
      isNullObject: false,
      load: () => undefined,
      // Read back as Excel hands values over: a blank cell is "", a formula's result is not modelled (null).
      get values() {
        const out: unknown[][] = [];
        for (let r = r1; r <= r2; r++) {
          const row: unknown[] = [];
          for (let c = c1; c <= c2; c++) row.push(sheet.cells.get(`${colLetters(c)}${r}`)?.value ?? "");
          out.push(row);
        }
        return out;
      },
      set values(v: unknown[][]) {
        self.count(v);
        if (!self.storeCells) return;
        each((a1, r, c) => {
          const cell = cellOf(a1);
          const value = grid(v, r, c);
          delete cell.formula;
          if (typeof value === "string" && cell.numberFormat !== "@") Object.assign(cell, excelInterprets(value));
          else cell.value = value;
        });
      },
      set formulas(v: string[][]) {
        self.count(v);
        if (!self.storeCells) return;
        each((a1, r, c) => {
          const f = grid(v, r, c) as string;
          const cell = cellOf(a1);
          if (typeof f === "string" && f.startsWith("=") && cell.numberFormat !== "@") {
            cell.formula = f;
            cell.value = null;
          } else cell.value = f;
        });
      },
    };
  }

  private worksheet(sheet: FakeSheet): unknown {
    const self = this;
    return {
      get name() {
        return sheet.name;
      },
      set name(v: string) {
        self.count(v);
        sheet.name = v;
      },
      get visibility() {
        return sheet.visibility;
      },
      set visibility(v: string) {
        self.count(v);
        sheet.visibility = v;
      },
      getRange: (address: string) => {
        const p = parseRange(address);
        return self.range(sheet, p.c1, p.r1, p.c2, p.r2);
      },
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => self.range(sheet, c + 1, r + 1, c + cols, r + rows),
      tables: {
        add: (range: { address: string }) => {
          self.count(range.address);
          const table = { name: "", address: range.address, style: "" };
          sheet.tables.push(table);
          return table;
        },
      },
      charts: {
        add: (_type: string, values: { address: string }) => {
          self.count(values.address);
          const chart = { title: "", series: "", values: values.address, categories: undefined as string | undefined };
          sheet.charts.push(chart);
          return {
            title: { set text(t: string) { chart.title = t; } },
            legend: {},
            series: {
              getItemAt: () => ({
                set name(n: string) { chart.series = n; },
                setXAxisValues: (r: { address: string }) => (chart.categories = r.address),
              }),
            },
            setPosition: () => undefined,
          };
        },
      },
      freezePanes: { freezeRows: (n: number) => (sheet.frozenRows = n) },
      isNullObject: false,
      load: () => undefined,
      // The used range's values from A1 (the add-in's sheets all start there), as Excel hands them back.
      getUsedRangeOrNullObject: () => {
        let rows = 0;
        let columns = 0;
        for (const [a1, cell] of sheet.cells) {
          if (cell.value === null && cell.formula === undefined) continue;
          const p = parseRange(a1);
          rows = Math.max(rows, p.r1);
          columns = Math.max(columns, p.c1);
        }
        const values = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => sheet.cells.get(`${colLetters(c + 1)}${r + 1}`)?.value ?? ""));
        return { isNullObject: rows === 0, load: () => undefined, values };
      },
      // Page layout as set (orientation, paper, zoom, print title rows), for the tests to read.
      pageLayout: new Proxy(sheet.pageLayout, {
        get: (target, key) => (key === "setPrintTitleRows" ? (rows: string) => (target.printTitleRows = rows) : target[key as string]),
      }),
      horizontalPageBreaks: { add: (at: string) => (sheet.pageBreaks ??= []).push(at) },
      activate: () => undefined,
      delete: () => {
        self.count("delete");
        sheet.deleted = true;
      },
    };
  }

  /** The `Excel` global: run() hands over a context whose collections need load + sync. */
  global(): unknown {
    const self = this;
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          items: [] as unknown[],
          add: (name: string) => {
            self.count(name);
            if (self.liveSheets().some((s) => s.name === name)) throw new Error(`a sheet named ${name} exists`);
            return self.worksheet(self.newSheet(name));
          },
          getItem: (name: string) => self.worksheet(self.sheet(name)),
          getItemOrNullObject: (name: string) => {
            const s = self.liveSheets().find((x) => x.name === name);
            return s ? self.worksheet(s) : { isNullObject: true, load: () => undefined };
          },
        },
        tables: {
          items: [] as unknown[],
          getItem: (name: string) => {
            const t = self.liveSheets().flatMap((s) => s.tables).find((x) => x.name === name);
            if (!t) throw new Error(`no table ${name}`);
            return t;
          },
          getItemOrNullObject: (name: string) => {
            const sheet = self.liveSheets().find((s) => s.tables.some((t) => t.name === name));
            if (!sheet) return { isNullObject: true, load: () => undefined };
            const t = sheet.tables.find((x) => x.name === name)!;
            const p = parseRange(t.address);
            return { isNullObject: false, load: () => undefined, getRange: () => self.range(sheet, p.c1, p.r1, p.c2, p.r2) };
          },
        },
        names: {
          items: [] as unknown[],
          add: (name: string, reference: string) => {
            self.count(reference);
            if (self.names.some((n) => n.name === name)) throw new Error(`name ${name} exists`);
            self.names.push({ name, reference });
          },
          getItem: (name: string) => ({ delete: () => (self.names = self.names.filter((n) => n.name !== name)) }),
          // A name refers to a range on a sheet ('JW Method'!$B$13); once that sheet is gone it is #REF!: no range.
          getItemOrNullObject: (name: string) => {
            const named = self.names.find((n) => n.name === name);
            if (!named) return { isNullObject: true, load: () => undefined };
            return {
              isNullObject: false,
              load: () => undefined,
              getRangeOrNullObject: () => {
                const m = /^=?'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(named.reference);
                const sheet = m ? self.liveSheets().find((x) => x.name === m[1].replace(/''/g, "'")) : undefined;
                if (!m || !sheet) return { isNullObject: true, load: () => undefined };
                const p = parseRange(m[2]);
                return self.range(sheet, p.c1, p.r1, p.c2, p.r2);
              },
            };
          },
        },
        application: { suspendApiCalculationUntilNextSync: () => undefined },
      },
    }) as unknown as Record<string, unknown> & { sync: () => Promise<void>; workbook: Record<string, Record<string, unknown>> };
    const mockSync = context.sync.bind(context);
    const fresh: Record<string, () => unknown[]> = {
      worksheets: () => self.liveSheets().map((s) => self.worksheet(s)),
      tables: () => self.liveSheets().flatMap((s) => s.tables),
      names: () => self.names.map((n) => ({ ...n })),
    };
    // Which collections the code asked to load since the last sync: only those are refreshed.
    const requested = new Set<string>();
    const collections = Object.keys(fresh).map((key) => {
      const collection = context.workbook[key] as unknown as { load: (p?: unknown) => unknown; setValue: (name: string, value: unknown) => void };
      const load = collection.load.bind(collection);
      collection.load = (property?: unknown) => {
        if (property !== "items") throw new Error(`load ${String(property)}: the writers load whole collections ("items")`);
        requested.add(key);
        return collection;
      };
      return { key, collection, load };
    });
    context.sync = async () => {
      self.syncs++;
      self.requestBytes.push(self.pending);
      self.pending = 0;
      if (self.failOnSync === self.syncs) throw new Error("RichApi.Error: the request payload is too large");
      for (const { key, collection, load } of collections) {
        if (!requested.has(key)) continue;
        collection.setValue("items", fresh[key]());
        load("items");
      }
      requested.clear();
      await mockSync();
    };
    return {
      run: async <T>(callback: (ctx: unknown) => Promise<T>) => callback(context),
      ChartType: { columnClustered: "ColumnClustered" },
      ChartSeriesBy: { columns: "Columns" },
      SheetVisibility: { hidden: "Hidden", visible: "Visible" },
      PaperType: { a4: "A4" },
      PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    };
  }

  /** A cell as Excel would now show it. */
  cell(sheet: string, a1: string): StoredCell {
    return this.sheet(sheet).cells.get(a1) ?? { value: null };
  }
}
