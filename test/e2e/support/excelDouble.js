/*
 * A stand-in for the slice of the Excel object model the task pane uses, injected into the page
 * before its scripts (page.addInitScript) when it is served outside Office. Plain browser
 * JavaScript: the same behaviour as test/support/fakeExcel.ts, without office-addin-mock.
 *
 * Like Excel:
 * - a string written to `values` is read as if typed (a leading =, +, - or @ makes a formula;
 *   "1,234", "50%", "£85,000" numbers; "01/04/2019" a date serial; TRUE/FALSE booleans; a leading
 *   apostrophe is dropped) unless the cell is formatted as Text ("@") first;
 * - scalar properties of ranges (values, address, rowIndex …) and collections' `items` can be read
 *   only after load() and sync(); isNullObject only after a sync;
 * - empty cells read back as "".
 *
 * window.__excelDouble gives the test the workbook's state (dump()) and lets it seed sheets and the
 * selection. Office.context.document.settings is provided once office.js has initialised.
 */
(function () {
  "use strict";

  const state = {
    sheets: [],
    names: [],
    selection: null,
    active: null,
    syncs: 0,
    runs: 0,
    settings: {},
    settingsSaves: 0,
    /** Milliseconds each sync takes (a slow connection to Excel on the web). */
    syncDelay: 0,
  };

  function colNum(letters) {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  }
  function colLetters(n) {
    let s = "";
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  }
  function parseRange(address) {
    const local = address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
    const [a, b = a] = local.split(":");
    const pa = /^([A-Z]+)(\d+)$/.exec(a);
    const pb = /^([A-Z]+)(\d+)$/.exec(b);
    if (!pa || !pb) throw new Error("InvalidArgument: the double reads A1 ranges only, not " + address);
    return { c1: colNum(pa[1]), r1: +pa[2], c2: colNum(pb[1]), r2: +pb[2] };
  }
  function quoted(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }
  function serial(y, m, d) {
    return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  }

  /** What Excel (UK locale) does with a string entered into a General-formatted cell. */
  function interpret(text) {
    if (text.startsWith("'")) return { value: text.slice(1) };
    const plain = text.replace(/,/g, "");
    if (/^[+-]?\d+(\.\d+)?$/.test(plain.trim())) return { value: Number(plain) };
    if (/^[=+\-@]/.test(text) && text.length > 1) return { value: null, formula: text.startsWith("=") ? text : "=" + text };
    if (/^[+-]?\d+(\.\d+)?%$/.test(plain.trim())) return { value: Number(plain.trim().slice(0, -1)) / 100 };
    if (/^-?£\d+(\.\d+)?$/.test(plain.trim())) return { value: Number(plain.trim().replace("£", "")) };
    const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
    if (date) return { value: serial(+date[3], +date[2], +date[1]) };
    if (/^(TRUE|FALSE)$/i.test(text.trim())) return { value: /^TRUE$/i.test(text.trim()) };
    return { value: text };
  }

  function newSheet(name) {
    if (state.sheets.some((s) => !s.deleted && s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error("ItemAlreadyExists: a sheet named " + name + " exists");
    }
    const sheet = { id: "s" + state.sheets.length, name, visibility: "Visible", cells: new Map(), tables: [], charts: [], frozenRows: 0, columnWidths: {}, deleted: false };
    state.sheets.push(sheet);
    return sheet;
  }
  function liveSheets() {
    return state.sheets.filter((s) => !s.deleted);
  }
  function findSheet(name) {
    return liveSheets().find((s) => s.name === name) || null;
  }
  function allTables() {
    return liveSheets().flatMap((s) => s.tables);
  }

  /** load() bookkeeping: properties become readable at the next sync. */
  function loadable(ctx, target, readable) {
    const loaded = new Set();
    let synced = false;
    ctx._tracked.push(() => (synced = true));
    target.load = function (spec) {
      let props = [];
      if (typeof spec === "string") props = spec.split(",").map((p) => p.trim()).filter(Boolean);
      else if (Array.isArray(spec)) props = spec;
      else if (spec && typeof spec === "object") props = Object.keys(spec.select ? Object.fromEntries(String(spec.select).split(",").map((p) => [p.trim(), 1])) : spec);
      else props = readable.slice();
      ctx._pending.push(() => props.forEach((p) => loaded.add(p)));
      return target;
    };
    return {
      need(prop) {
        if (!loaded.has(prop)) throw new Error("PropertyNotLoaded: " + prop + " was read before load(\"" + prop + "\") and sync()");
      },
      needSync() {
        if (!synced) throw new Error("PropertyNotLoaded: isNullObject was read before sync()");
      },
      markAll() {
        readable.forEach((p) => loaded.add(p));
      },
    };
  }

  // Ranges made by the double remember where they are (without needing address loaded).
  const spans = new WeakMap();

  function rangeObject(ctx, sheet, c1, r1, c2, r2) {
    const self = {};
    spans.set(self, { c1, r1, c2, r2 });
    const lo = loadable(ctx, self, ["values", "address", "rowIndex", "columnIndex", "rowCount", "columnCount", "numberFormat", "formulas", "text"]);
    const each = (fn) => {
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) fn(colLetters(c) + r, r - r1, c - c1);
    };
    const cellOf = (a1) => {
      let cell = sheet.cells.get(a1);
      if (!cell) sheet.cells.set(a1, (cell = { value: null }));
      return cell;
    };
    const at = (v, r, c) => (Array.isArray(v) ? v[r][c] : v);
    const grid = (fn) => {
      const out = [];
      for (let r = r1; r <= r2; r++) {
        const row = [];
        for (let c = c1; c <= c2; c++) row.push(fn(sheet.cells.get(colLetters(c) + r)));
        out.push(row);
      }
      return out;
    };
    const checkShape = (v, what) => {
      if (!Array.isArray(v)) return;
      if (v.length !== r2 - r1 + 1 || v.some((row) => !Array.isArray(row) || row.length !== c2 - c1 + 1)) {
        throw new Error("InvalidArgument: " + what + " of " + v.length + " rows do not fit " + colLetters(c1) + r1 + ":" + colLetters(c2) + r2);
      }
    };
    const format = {
      font: { bold: false, italic: false, size: 11, color: "#000000" },
      fill: { color: null },
      columnWidth: 0,
      // Row heights are not modelled: autofitting them changes nothing the tests read.
      autofitRows() {},
    };
    Object.defineProperties(self, {
      address: {
        get() {
          lo.need("address");
          return quoted(sheet.name) + "!" + colLetters(c1) + r1 + (c1 === c2 && r1 === r2 ? "" : ":" + colLetters(c2) + r2);
        },
      },
      rowIndex: { get: () => (lo.need("rowIndex"), r1 - 1) },
      columnIndex: { get: () => (lo.need("columnIndex"), c1 - 1) },
      rowCount: { get: () => (lo.need("rowCount"), r2 - r1 + 1) },
      columnCount: { get: () => (lo.need("columnCount"), c2 - c1 + 1) },
      values: {
        get() {
          lo.need("values");
          return grid((cell) => (!cell || cell.value === null || cell.value === undefined ? "" : cell.value));
        },
        set(v) {
          checkShape(v, "values");
          each((a1, r, c) => {
            const cell = cellOf(a1);
            const value = at(v, r, c);
            delete cell.formula;
            if (typeof value === "string" && cell.numberFormat !== "@") Object.assign(cell, interpret(value));
            else cell.value = value === undefined ? null : value;
          });
        },
      },
      formulas: {
        get() {
          lo.need("formulas");
          return grid((cell) => (!cell ? "" : cell.formula ?? (cell.value === null ? "" : cell.value)));
        },
        set(v) {
          checkShape(v, "formulas");
          each((a1, r, c) => {
            const f = at(v, r, c);
            const cell = cellOf(a1);
            if (typeof f === "string" && f.startsWith("=") && cell.numberFormat !== "@") {
              cell.formula = f;
              cell.value = null;
            } else {
              delete cell.formula;
              cell.value = f;
            }
          });
        },
      },
      numberFormat: {
        get() {
          lo.need("numberFormat");
          return grid((cell) => (cell && cell.numberFormat) || "General");
        },
        set(v) {
          checkShape(v, "numberFormat");
          each((a1, r, c) => (cellOf(a1).numberFormat = at(v, r, c)));
        },
      },
      format: {
        get() {
          return format;
        },
      },
      worksheet: {
        get() {
          return worksheetObject(ctx, sheet);
        },
      },
    });
    Object.defineProperty(format, "columnWidth", {
      set(w) {
        for (let c = c1; c <= c2; c++) sheet.columnWidths[colLetters(c)] = w;
      },
      get() {
        return sheet.columnWidths[colLetters(c1)] || 0;
      },
    });
    self.getResizedRange = (dr, dc) => rangeObject(ctx, sheet, c1, r1, c2 + dc, r2 + dr);
    self.getColumn = (i) => rangeObject(ctx, sheet, c1 + i, r1, c1 + i, r2);
    self.getRow = (i) => rangeObject(ctx, sheet, c1, r1 + i, c2, r1 + i);
    self.getCell = (r, c) => rangeObject(ctx, sheet, c1 + c, r1 + r, c1 + c, r1 + r);
    self.getUsedRangeOrNullObject = () => {
      let box = null;
      for (const [a1, cell] of sheet.cells) {
        if ((cell.value === null || cell.value === "") && !cell.formula) continue;
        const p = parseRange(a1);
        if (p.c1 < c1 || p.c1 > c2 || p.r1 < r1 || p.r1 > r2) continue;
        box = box
          ? { c1: Math.min(box.c1, p.c1), r1: Math.min(box.r1, p.r1), c2: Math.max(box.c2, p.c1), r2: Math.max(box.r2, p.r1) }
          : { c1: p.c1, r1: p.r1, c2: p.c1, r2: p.r1 };
      }
      return box ? rangeObject(ctx, sheet, box.c1, box.r1, box.c2, box.r2) : nullObject(ctx);
    };
    Object.defineProperty(self, "isNullObject", {
      get() {
        lo.needSync();
        return false;
      },
    });
    return self;
  }

  function nullObject(ctx) {
    const self = {};
    const lo = loadable(ctx, self, []);
    Object.defineProperty(self, "isNullObject", {
      get() {
        lo.needSync();
        return true;
      },
    });
    return self;
  }

  /** An object found by a *OrNullObject call: isNullObject reads false after a sync. */
  function existing(ctx, target) {
    const self = Object.assign(target, {});
    const lo = loadable(ctx, self, []);
    Object.defineProperty(self, "isNullObject", {
      get() {
        lo.needSync();
        return false;
      },
    });
    return self;
  }

  function tableObject(table) {
    return {
      get name() {
        return table.name;
      },
      set name(v) {
        if (allTables().some((t) => t !== table && t.name.toLowerCase() === String(v).toLowerCase())) throw new Error("InvalidArgument: a table named " + v + " exists");
        table.name = v;
      },
      get style() {
        return table.style;
      },
      set style(v) {
        table.style = v;
      },
    };
  }

  function worksheetObject(ctx, sheet) {
    const self = {};
    const lo = loadable(ctx, self, ["name", "visibility", "position"]);
    Object.defineProperties(self, {
      name: {
        get() {
          lo.need("name");
          return sheet.name;
        },
        set(v) {
          if (liveSheets().some((s) => s !== sheet && s.name.toLowerCase() === String(v).toLowerCase())) throw new Error("ItemAlreadyExists: a sheet named " + v + " exists");
          sheet.name = v;
        },
      },
      visibility: {
        get() {
          lo.need("visibility");
          return sheet.visibility;
        },
        set(v) {
          if (v !== "Visible" && liveSheets().filter((s) => s.visibility === "Visible" && s !== sheet).length === 0) {
            throw new Error("InvalidOperation: the last visible sheet cannot be hidden");
          }
          sheet.visibility = v;
        },
      },
      isNullObject: {
        get() {
          lo.needSync();
          return false;
        },
      },
    });
    self._markLoaded = () => lo.markAll();
    self.getRange = (address) => {
      const p = parseRange(address);
      return rangeObject(ctx, sheet, p.c1, p.r1, p.c2, p.r2);
    };
    self.getRangeByIndexes = (r, c, rows, cols) => rangeObject(ctx, sheet, c + 1, r + 1, c + cols, r + rows);
    self.getUsedRangeOrNullObject = () => rangeObject(ctx, sheet, 1, 1, 16384, 1048576).getUsedRangeOrNullObject();
    self.tables = {
      add(range, hasHeaders) {
        const p = rangeSpan(range);
        const clash = allTables().find((t) => t.sheet === sheet && overlaps(t.span, p));
        if (clash) throw new Error("InvalidOperation: tables cannot overlap");
        const table = { name: "Table" + (allTables().length + 1), sheet, span: p, address: quoted(sheet.name) + "!" + colLetters(p.c1) + p.r1 + ":" + colLetters(p.c2) + p.r2, hasHeaders, style: "" };
        sheet.tables.push(table);
        return tableObject(table);
      },
    };
    self.charts = {
      add(type, range, seriesBy) {
        const p = rangeSpan(range);
        const chart = { type, seriesBy, title: "", seriesName: "", values: colLetters(p.c1) + p.r1 + ":" + colLetters(p.c2) + p.r2, categories: null, position: null, legendVisible: true };
        sheet.charts.push(chart);
        return {
          title: {
            set text(t) {
              chart.title = t;
            },
          },
          legend: {
            set visible(v) {
              chart.legendVisible = v;
            },
          },
          series: {
            getItemAt() {
              return {
                set name(n) {
                  chart.seriesName = n;
                },
                setXAxisValues(r) {
                  const q = rangeSpan(r);
                  chart.categories = colLetters(q.c1) + q.r1 + ":" + colLetters(q.c2) + q.r2;
                },
              };
            },
          },
          setPosition(from, to) {
            chart.position = from + ":" + (to || from);
          },
        };
      },
    };
    self.freezePanes = {
      freezeRows(n) {
        sheet.frozenRows = n;
      },
    };
    // Page layout as set (orientation, paper, zoom), kept on the sheet for the dump.
    self.pageLayout = sheet.pageLayout || (sheet.pageLayout = {});
    self.activate = () => {
      state.active = sheet.name;
    };
    self.delete = () => {
      if (liveSheets().length === 1) throw new Error("InvalidOperation: a workbook must keep one sheet");
      sheet.deleted = true;
      if (state.active === sheet.name) state.active = liveSheets()[0].name;
    };
    return self;
  }

  function rangeSpan(range) {
    const p = spans.get(range);
    if (!p) throw new Error("InvalidArgument: not a range of this workbook");
    return p;
  }
  function overlaps(a, b) {
    return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
  }

  function collection(ctx, list, extra) {
    const self = Object.assign({}, extra);
    const lo = loadable(ctx, self, ["items"]);
    Object.defineProperty(self, "items", {
      get() {
        lo.need("items");
        return list();
      },
    });
    return self;
  }

  function context() {
    const ctx = { _pending: [], _tracked: [] };
    const worksheets = collection(
      ctx,
      () =>
        liveSheets().map((s) => {
          const w = worksheetObject(ctx, s);
          w._markLoaded();
          return w;
        }),
      {
        add(name) {
          return worksheetObject(ctx, newSheet(name || "Sheet" + (state.sheets.length + 1)));
        },
        getItem(name) {
          const s = findSheet(name);
          if (!s) throw new Error("ItemNotFound: no sheet " + name);
          return worksheetObject(ctx, s);
        },
        getItemOrNullObject(name) {
          const s = findSheet(name);
          return s ? worksheetObject(ctx, s) : nullObject(ctx);
        },
        getActiveWorksheet() {
          return worksheetObject(ctx, findSheet(state.active) || liveSheets()[0]);
        },
      },
    );
    const tables = collection(ctx, () => allTables().map(tableObject), {
      getItem(name) {
        const t = allTables().find((x) => x.name === name);
        if (!t) throw new Error("ItemNotFound: no table " + name);
        return tableObject(t);
      },
      // A table found by name, its whole range (header included) readable once loaded and synced.
      getItemOrNullObject(name) {
        const t = allTables().find((x) => x.name === name);
        if (!t) return nullObject(ctx);
        const self = existing(ctx, tableObject(t));
        const { c1, r1, c2, r2 } = t.span;
        self.getRange = () => rangeObject(ctx, t.sheet, c1, r1, c2, r2);
        self.getHeaderRowRange = () => rangeObject(ctx, t.sheet, c1, r1, c2, r1);
        self.getDataBodyRange = () => rangeObject(ctx, t.sheet, c1, r1 + 1, c2, r2);
        return self;
      },
    });
    const names = collection(ctx, () => state.names.map((n) => ({ name: n.name, formula: n.reference, comment: n.comment })), {
      add(name, reference, comment) {
        if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error("ItemAlreadyExists: name " + name + " exists");
        state.names.push({ name, reference: typeof reference === "string" ? reference : "(range)", comment: comment || "" });
      },
      getItem(name) {
        return {
          delete() {
            state.names = state.names.filter((n) => n.name !== name);
          },
        };
      },
      // A name's range; a name whose sheet is gone (#REF! in Excel) has none.
      getItemOrNullObject(name) {
        const n = state.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) return nullObject(ctx);
        const self = existing(ctx, {});
        self.getRangeOrNullObject = () => {
          const m = /^=?'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(n.reference);
          const sheet = m ? findSheet(m[1].replace(/''/g, "'")) : null;
          if (!sheet) return nullObject(ctx);
          const p = parseRange(m[2]);
          return rangeObject(ctx, sheet, p.c1, p.r1, p.c2, p.r2);
        };
        return self;
      },
    });
    ctx.workbook = {
      worksheets,
      tables,
      names,
      application: { suspendApiCalculationUntilNextSync() {} },
      getSelectedRange() {
        if (!state.selection) throw new Error("InvalidSelection: nothing is selected");
        const s = findSheet(state.selection.sheet);
        const p = parseRange(state.selection.address);
        return rangeObject(ctx, s, p.c1, p.r1, p.c2, p.r2);
      },
    };
    ctx.sync = async () => {
      state.syncs++;
      const pending = ctx._pending.splice(0);
      pending.forEach((f) => f());
      ctx._tracked.forEach((f) => f());
      await new Promise((r) => setTimeout(r, state.syncDelay));
    };
    return ctx;
  }

  window.Excel = {
    run: async (batch) => {
      state.runs++;
      const ctx = context();
      const result = await batch(ctx);
      await ctx.sync();
      return result;
    },
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };

  const settings = {
    get: (key) => (Object.prototype.hasOwnProperty.call(state.settings, key) ? JSON.parse(state.settings[key]) : null),
    set: (key, value) => {
      state.settings[key] = JSON.stringify(value);
    },
    remove: (key) => {
      delete state.settings[key];
    },
    saveAsync: (options, callback) => {
      const cb = typeof options === "function" ? options : callback;
      state.settingsSaves++;
      setTimeout(() => cb && cb({ status: "succeeded", value: undefined }), 0);
    },
  };

  // office.js sets Office up when it loads, after this script: add the document's settings once it is ready.
  document.addEventListener("DOMContentLoaded", () => {
    if (typeof Office === "undefined") return;
    Office.onReady(() => {
      if (!Office.context.document) Office.context.document = { settings };
    });
  });

  window.__excelDouble = {
    state,
    seed(name, rows, topLeft) {
      const sheet = findSheet(name) || newSheet(name);
      const p = parseRange(topLeft || "A1");
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined && v !== "") sheet.cells.set(colLetters(p.c1 + c) + (p.r1 + r), { value: v });
        }),
      );
      if (!state.active) state.active = name;
    },
    select(sheet, address) {
      state.selection = { sheet, address };
      state.active = sheet;
    },
    dump() {
      return {
        active: state.active,
        syncs: state.syncs,
        settings: state.settings,
        settingsSaves: state.settingsSaves,
        names: state.names.slice(),
        sheets: liveSheets().map((s) => ({
          name: s.name,
          visibility: s.visibility,
          frozenRows: s.frozenRows,
          cells: Object.fromEntries([...s.cells].map(([a1, cell]) => [a1, Object.assign({}, cell)])),
          tables: s.tables.map((t) => ({ name: t.name, address: t.address, style: t.style })),
          charts: s.charts.map((c) => Object.assign({}, c)),
        })),
      };
    },
  };

  // A workbook saved by an earlier page (window.__excelDoubleSeed, set by an earlier init script),
  // or a new one with an empty Sheet1.
  const seed = window.__excelDoubleSeed;
  if (seed) {
    for (const s of seed.sheets) {
      const sheet = newSheet(s.name);
      sheet.visibility = s.visibility;
      sheet.frozenRows = s.frozenRows;
      for (const [a1, cell] of Object.entries(s.cells)) sheet.cells.set(a1, Object.assign({}, cell));
      for (const t of s.tables) {
        const local = t.address.replace(/^.*!/, "");
        sheet.tables.push({ name: t.name, sheet, span: parseRange(local), address: t.address, hasHeaders: true, style: t.style });
      }
      sheet.charts = s.charts.map((c) => Object.assign({}, c));
    }
    state.names = seed.names.slice();
    state.settings = Object.assign({}, seed.settings);
    state.active = seed.active;
  } else {
    newSheet("Sheet1");
    state.active = "Sheet1";
  }
})();
