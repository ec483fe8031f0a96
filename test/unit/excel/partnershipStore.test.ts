import assert from "node:assert/strict";
import { OfficeMockObject } from "office-addin-mock";
import { RuleError } from "../../../src/core/errors";
import { makePartnership, type Partnership } from "../../../src/postlist/index";
import { partnershipSheetPlan, SHEET } from "../../../src/workbook/index";
import type { PlannedValue } from "../../../src/workbook/plan";

/** What Excel's range.values gives for A1:C<n> after the partnership plan was written ("" for empty cells). */
function sheetValues(p: Partnership, rows: number): unknown[][] {
  const grid: unknown[][] = Array.from({ length: rows }, () => ["", "", ""]);
  for (const block of partnershipSheetPlan(p).sheet.blocks) {
    const m = /^([A-Z])(\d+)$/.exec(block.address)!;
    const c0 = m[1].charCodeAt(0) - 65;
    const r0 = +m[2] - 1;
    block.values?.forEach((row: PlannedValue[], r) => row.forEach((v, c) => (grid[r0 + r][c0 + c] = v ?? "")));
  }
  return grid;
}

interface Mocked {
  requested: string[];
  addresses: string[];
  syncs: number;
}

/** Excel.run over an office-addin-mock context: values must be loaded and synced before they are read. */
async function installExcel(values: unknown[][] | null): Promise<Mocked> {
  const seen: Mocked = { requested: [], addresses: [], syncs: 0 };
  const context = new OfficeMockObject({
    range: { values: values ?? [] },
    workbook: { worksheets: {} },
  }) as unknown as { range: unknown; sync(): Promise<void>; workbook: { worksheets: Record<string, unknown> } };
  context.workbook.worksheets.getItemOrNullObject = (name: string) => {
    seen.requested.push(name);
    if (values === null) return { isNullObject: true };
    return {
      isNullObject: false,
      getRange: (address: string) => {
        seen.addresses.push(address);
        return context.range;
      },
    };
  };
  const sync = context.sync.bind(context);
  context.sync = async () => {
    seen.syncs++;
    await sync();
  };
  (globalThis as Record<string, unknown>).Excel = { run: async <T>(batch: (c: unknown) => Promise<T>) => batch(context) };
  return seen;
}

const OCC_CDC_SOUTH = makePartnership(
  [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
    { code: "SNC", name: "South Northamptonshire Council", pensionRate: 0.172 },
  ],
  { year: "2020/21", levyRate: 0.006, rechargePeriods: 4, vatOnRecharges: true },
);

describe("excel/partnershipStore: reading the partnership back", () => {
  afterEach(() => delete (globalThis as Record<string, unknown>).Excel);

  it("returns null when the workbook has no partnership sheet, without reading cells", async () => {
    const seen = await installExcel(null);
    const { readStoredPartnership } = await import("../../../src/excel/partnershipStore");
    assert.equal(await readStoredPartnership(), null);
    assert.deepEqual(seen.requested, [SHEET.partnership]);
    assert.deepEqual(seen.addresses, []);
  });

  it("reads back what the partnership plan writes: authorities, year, levy, recharge periods and VAT", async () => {
    const { readStoredPartnership, PARTNERSHIP_READ_RANGE } = await import("../../../src/excel/partnershipStore");
    const seen = await installExcel(sheetValues(OCC_CDC_SOUTH, 109));
    const p = await readStoredPartnership();
    assert.ok(p);
    assert.deepEqual(p.authorities, OCC_CDC_SOUTH.authorities);
    assert.equal(p.year.label, "2020/21");
    assert.equal(p.levyRate, 0.006);
    assert.equal(p.rechargePeriods, 4);
    assert.equal(p.vatOnRecharges, true);
    assert.deepEqual(seen.addresses, [PARTNERSHIP_READ_RANGE]);
    assert.equal(seen.syncs, 2);
  });

  it("accepts the sheet as a user may have edited it: rates as text percentages, a year as a number, TRUE as text", async () => {
    const { readStoredPartnership } = await import("../../../src/excel/partnershipStore");
    const values = sheetValues(OCC_CDC_SOUTH, 109);
    values[2][1] = 2019; // B3
    values[3][1] = "0.5%"; // B4
    values[5][1] = "TRUE"; // B6
    values[9][2] = "19.9%"; // C10
    await installExcel(values);
    const p = await readStoredPartnership();
    assert.ok(p);
    assert.equal(p.year.label, "2019/20");
    assert.equal(p.levyRate, 0.005);
    assert.equal(p.vatOnRecharges, true);
    assert.equal(p.authorities[0].pensionRate, 0.199);
  });

  it("says what is wrong, and how to put it right, when the sheet no longer holds a partnership", async () => {
    const { readStoredPartnership } = await import("../../../src/excel/partnershipStore");
    const values = sheetValues(OCC_CDC_SOUTH, 109);
    values[9][2] = "a lot"; // C10: OCC's pension rate
    values[5][1] = "maybe"; // B6: VAT
    await installExcel(values);
    await assert.rejects(readStoredPartnership(), (e: unknown) => {
      assert.ok(e instanceof RuleError);
      assert.match(e.message, /"JW Partnership" sheet cannot be read as a partnership/);
      assert.match(e.message, /VAT on recharges \(cell B6\) is "maybe"/);
      assert.match(e.message, /OCC/);
      assert.match(e.message, /Set the partnership up in the form and save it/);
      return true;
    });
  });

  it("fails loudly rather than reading values that were never loaded", async () => {
    const { partnershipFromSheetValues } = await import("../../../src/excel/partnershipStore");
    // office-addin-mock gives an error string for a property read before load + sync.
    assert.throws(() => partnershipFromSheetValues("Error, property was not loaded" as unknown as unknown[][]), /were not read: load them and sync/);
  });

  it("keeps the projection's years and pay awards (rule 14), and reads an older sheet without them as none", async () => {
    const { partnershipFromSheetValues } = await import("../../../src/excel/partnershipStore");
    const withProjection = makePartnership(OCC_CDC_SOUTH.authorities, { year: "2019/20", projection: { years: 5, awards: [0.02, 0.025] } });
    assert.deepEqual(partnershipFromSheetValues(sheetValues(withProjection, 109)).projection, { years: 5, awards: [0.02, 0.025] });
    const older = sheetValues(OCC_CDC_SOUTH, 109);
    older[6] = ["", "", ""];
    older[7] = ["", "", ""];
    assert.equal(partnershipFromSheetValues(older).projection, undefined);
    const bad = sheetValues(withProjection, 109);
    bad[6][1] = 12;
    bad[7][1] = "2%, lots";
    assert.throws(() => partnershipFromSheetValues(bad), /Projection years \(cell B7\) is "12"/);
    bad[6][1] = 3;
    assert.throws(() => partnershipFromSheetValues(bad), /Pay awards \(cell B8\): award 2 \("lots"\) is not a rate/);
  });
});
