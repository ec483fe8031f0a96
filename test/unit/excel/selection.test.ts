import assert from "node:assert/strict";
import { OfficeMockObject } from "office-addin-mock";
import { RuleError } from "../../../src/core/errors";

interface Used {
  address: string;
  rowIndex: number;
  rowCount: number;
  columnCount: number;
  values: unknown[][];
}

/** Excel.run over office-addin-mock: the selection's used range must be loaded and synced before it is read. */
function installExcel(used: Used | null, failSync?: { code: string }) {
  const seen = { syncs: 0, valuesOnly: [] as unknown[] };
  // A null object still takes load() calls; its properties are just not meaningful.
  const shape: Used = used ?? { address: "", rowIndex: 0, rowCount: 0, columnCount: 0, values: [] };
  const context = new OfficeMockObject({ used: shape, workbook: {} }) as unknown as {
    used: Record<string, unknown>;
    workbook: Record<string, unknown>;
    sync(): Promise<void>;
  };
  Object.defineProperty(context.used, "isNullObject", { get: () => used === null });
  context.workbook.getSelectedRange = () => ({
    getUsedRangeOrNullObject: (valuesOnly: unknown) => {
      seen.valuesOnly.push(valuesOnly);
      return context.used;
    },
  });
  const sync = context.sync.bind(context);
  context.sync = async () => {
    seen.syncs++;
    if (failSync) throw Object.assign(new Error("RichApi.Error"), failSync);
    await sync();
  };
  (globalThis as Record<string, unknown>).Excel = { run: async <T>(batch: (c: unknown) => Promise<T>) => batch(context) };
  return seen;
}

describe("excel/selection: the selected range as a post list", () => {
  afterEach(() => delete (globalThis as Record<string, unknown>).Excel);

  it("reads the cells in use in the selection, numbered as in the sheet", async () => {
    const { readSelectedRange } = await import("../../../src/excel/selection");
    const values = [
      ["Post", "Home authority", "Joint", "Salary"],
      ["Chief Executive", "CDC", "Y", 190000],
    ];
    const seen = installExcel({ address: "Sheet1!B3:E4", rowIndex: 2, rowCount: 2, columnCount: 4, values });
    const got = await readSelectedRange();
    assert.deepEqual(got, { grid: values, firstRowNumber: 3, address: "Sheet1!B3:E4" });
    assert.deepEqual(seen.valuesOnly, [true], "trimmed to cells with values, so whole columns can be selected");
    assert.equal(seen.syncs, 2);
  });

  it("says so when the selection is empty", async () => {
    const { readSelectedRange } = await import("../../../src/excel/selection");
    installExcel(null);
    await assert.rejects(readSelectedRange(), (e: unknown) => e instanceof RuleError && /selected cells are empty/.test(e.message));
  });

  it("refuses a selection far larger than a post list before reading its values", async () => {
    const { readSelectedRange, MAX_SELECTED_CELLS } = await import("../../../src/excel/selection");
    const seen = installExcel({ address: "Sheet1!A1:Z100000", rowIndex: 0, rowCount: 100_000, columnCount: 26, values: [] });
    assert.ok(100_000 * 26 > MAX_SELECTED_CELLS);
    await assert.rejects(readSelectedRange(), /2,600,000 cells: select just the post list/);
    assert.equal(seen.syncs, 1, "values are never requested");
  });

  it("explains a selection of several blocks", async () => {
    const { readSelectedRange } = await import("../../../src/excel/selection");
    installExcel(null, { code: "InvalidSelection" });
    await assert.rejects(readSelectedRange(), /Select one block of cells/);
  });
});
