import assert from "node:assert/strict";
import { FakeExcel } from "../../support/fakeExcel";
import { NAME, PROJECTION_NAME, SHEET, TABLE, postsLayout } from "../../../src/workbook/index";
import { makePartnership } from "../../../src/postlist/index";
import { RuleError } from "../../../src/core/errors";
import { planTrueUp, previewOutturn, readTolerance, rejectedRows } from "../../../src/taskpane/trueUp/trueUpSteps";
import { listFromGrid, readPastedText } from "../../../src/taskpane/import/postList";
import { OCC_CDC } from "../../support/samples";

const dangerous = ['=HYPERLINK("http://example.invalid","x")', "+Policy Lead", "-5", "@SUM(A1)"];

describe("task pane: the year-end true-up steps", () => {
  it("previews pasted outturn with every problem by row, nothing written", () => {
    const list = readPastedText("Post ID\tActual cost\tNotes\nJW-001\t£270,000\tacting up\nJW-002\tsee ledger\t\nJW-001\t5\t\n");
    const outturn = previewOutturn(list);
    assert.equal(rejectedRows(outturn), 3);
    assert.deepEqual(outturn.rejected.map((p) => [p.row, p.column]), [[2, "Post ID"], [3, "Actual cost"], [4, "Post ID"]]);
    assert.deepEqual(outturn.outturns, []);
  });

  it("reads a selection's rows with their sheet row numbers", () => {
    const list = listFromGrid([["Post ID", "Actual cost"], ["JW-001", -1]], 7, "Sheet1!C7:D8");
    assert.deepEqual(previewOutturn(list).rejected.map((p) => [p.row, p.source]), [[8, "Sheet1!C7:D8"]]);
  });

  it("reads the tolerance as 3% or 0.03, and says what is wrong otherwise", () => {
    assert.equal(readTolerance("3%"), 0.03);
    assert.equal(readTolerance(" 0.05 "), 0.05);
    assert.throws(() => readTolerance("three"), (e: unknown) => e instanceof RuleError && /percentage \(3%\)/.test(e.message));
    assert.throws(() => readTolerance("150%"), /from 0 to 1/);
  });

  it("writes JW Outturn, JW True-up and the Method sheet with the tolerance: file text stays text", async () => {
    const fake = new FakeExcel();
    (globalThis as Record<string, unknown>).Excel = fake.global();
    const { writePlan } = await import("../../../src/excel/writePlan");
    const grid = [["Post ID", "Actual cost", "Notes"], ...dangerous.map((d, i) => [i === 0 ? d : `JW-00${i}`, 1000 + i, d])];
    const outturn = previewOutturn(listFromGrid(grid, 1, "outturn.csv"));
    assert.equal(outturn.outturns.length, dangerous.length);
    await writePlan(planTrueUp(OCC_CDC, 10, outturn, 0.025));
    dangerous.forEach((d, i) => {
      const notes = fake.cell(SHEET.outturn, `C${i + 2}`);
      assert.equal(notes.formula, undefined);
      assert.equal(notes.value, d);
      assert.equal(notes.numberFormat, "@");
    });
    assert.equal(fake.cell(SHEET.outturn, "A2").value, dangerous[0]);
    assert.equal(fake.cell(SHEET.outturn, "A2").formula, undefined);
    assert.equal(fake.sheet(SHEET.outturn).tables[0].name, TABLE.outturn);
    assert.match(String(fake.cell(SHEET.trueUp, "B3").formula), /JW_TrueUpTolerance/);
    const tolerance = fake.names.find((n) => n.name === NAME.trueUpTolerance)!;
    assert.ok(tolerance, "the tolerance is a named figure");
    const at = tolerance.reference.replace(/^=.*!/, "").replace(/\$/g, "");
    assert.equal(fake.cell(SHEET.method, at).value, 0.025);
  });

  it("keeps the projection's block on the Method sheet when the workbook has a projection (its sheets read it by name)", () => {
    const withProjection = makePartnership(OCC_CDC.authorities, { year: "2019/20", projection: { years: 4, awards: [0.02] } });
    const outturn = previewOutturn(readPastedText("Post ID\tActual cost\nJW-001\t100\n"));
    const names = (projection: boolean) => planTrueUp(withProjection, 3, outturn, 0.03, { method: {}, projection }).names.map((n) => n.name);
    assert.ok(names(true).includes(PROJECTION_NAME.awards));
    assert.ok(!names(false).includes(PROJECTION_NAME.awards));
  });

  it("counts the JW Posts rows and refuses a table written for other authorities or missing", async () => {
    const { postsTableRows } = await import("../../../src/excel/postsTable");
    const headers = postsLayout(["OCC", "CDC"]).headers;
    const stub = (table: { headers: string[]; rows: number } | null) => {
      (globalThis as Record<string, unknown>).Excel = {
        run: async (fn: (context: unknown) => Promise<unknown>) =>
          fn({
            sync: async () => undefined,
            workbook: {
              tables: {
                getItemOrNullObject: () =>
                  table === null
                    ? { isNullObject: true }
                    : { isNullObject: false, getHeaderRowRange: () => ({ load: () => undefined, values: [table.headers] }), getDataBodyRange: () => ({ load: () => undefined, rowCount: table.rows }) },
              },
            },
          }),
      };
    };
    stub({ headers, rows: 12 });
    assert.equal(await postsTableRows(["OCC", "CDC"]), 12);
    stub({ headers: postsLayout(["OCC", "CDC", "WODC"]).headers, rows: 3 });
    await assert.rejects(postsTableRows(["OCC", "CDC"]), /written for other authorities .*import the post list again/);
    stub(null);
    await assert.rejects(postsTableRows(["OCC", "CDC"]), /no JW Posts table: import the post list first/);
  });
});
