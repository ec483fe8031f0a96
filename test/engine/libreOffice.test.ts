import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip } from "../support/libreOffice";

/** A one-sheet workbook whose formula cells carry cached results that are deliberately wrong. */
async function staleWorkbook(a1: number, extra: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  ws.getCell("A1").value = a1;
  ws.getCell("B1").value = { formula: "A1*10", result: 999 };
  extra(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the LibreOffice harness", function () {
  this.timeout(180_000);

  before(function () {
    requireLibreOfficeOrSkip(this);
  });

  it("recalculates a formula whose cached value is stale", async () => {
    const written = await readBackValues(await staleWorkbook(2));
    assert.deepEqual(written.get("Data")!.get("B1"), { value: 999, formula: "A1*10" }, "the input file carries the stale 999");

    const out = await recalculateInLibreOffice([{ name: "stale.xlsx", bytes: await staleWorkbook(2) }]);
    const cells = (await readBackValues(out.get("stale.xlsx")!)).get("Data")!;
    assert.deepEqual(cells.get("A1"), { value: 2 });
    assert.deepEqual(cells.get("B1"), { value: 20, formula: "A1*10" });
  });

  it("converts several files in one run, each under its own name", async () => {
    const out = await recalculateInLibreOffice([
      { name: "three.xlsx", bytes: await staleWorkbook(3) },
      { name: "four.xlsx", bytes: await staleWorkbook(4) },
    ]);
    assert.deepEqual([...out.keys()], ["three.xlsx", "four.xlsx"]);
    assert.equal((await readBackValues(out.get("three.xlsx")!)).get("Data")!.get("B1")!.value, 30);
    assert.equal((await readBackValues(out.get("four.xlsx")!)).get("Data")!.get("B1")!.value, 40);
  });

  it("reads errors as errors: an add-in function unknown to it, a division by zero", async () => {
    const bytes = await staleWorkbook(0, (ws) => {
      ws.getCell("C1").value = { formula: "_xldudf_JW_SPLITCOST(100,A1,1)", result: 50 };
      ws.getCell("D1").value = { formula: "1/A1", result: 1 };
      ws.getCell("E1").value = "text";
    });
    const out = await recalculateInLibreOffice([{ name: "errors.xlsx", bytes }]);
    const cells = (await readBackValues(out.get("errors.xlsx")!)).get("Data")!;
    assert.equal(cells.get("C1")!.error, "#NAME?");
    assert.equal(cells.get("D1")!.error, "#DIV/0!");
    assert.deepEqual(cells.get("E1"), { value: "text" });
  });
});

describe("the LibreOffice harness's failures", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jw-lo-test-"));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function script(name: string, body: string): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  }

  it("refuses file names that are not plain .xlsx names, or given twice", async () => {
    const bytes = new Uint8Array();
    await assert.rejects(recalculateInLibreOffice([{ name: "../up.xlsx", bytes }]), /plain \.xlsx file name/);
    await assert.rejects(recalculateInLibreOffice([{ name: "book.csv", bytes }]), /plain \.xlsx file name/);
    await assert.rejects(recalculateInLibreOffice([{ name: "a.xlsx", bytes }, { name: "A.xlsx", bytes }]), /given twice/);
  });

  it("says so when soffice fails, with its output", async () => {
    const soffice = script("failing-soffice", "echo 'broken install' >&2; exit 3");
    await assert.rejects(recalculateInLibreOffice([{ name: "a.xlsx", bytes: new Uint8Array([1]) }], { soffice }), /exit code 3[\s\S]*broken install/);
  });

  it("says so when soffice writes nothing, though it exits 0", async () => {
    const soffice = script("silent-soffice", "echo 'Error: source file could not be loaded'; exit 0");
    await assert.rejects(recalculateInLibreOffice([{ name: "a.xlsx", bytes: new Uint8Array([1]) }], { soffice }), /did not convert a\.xlsx[\s\S]*could not be loaded/);
  });

  it("stops soffice and fails after the timeout", async () => {
    const soffice = script("hanging-soffice", "sleep 30");
    const started = Date.now();
    await assert.rejects(recalculateInLibreOffice([{ name: "a.xlsx", bytes: new Uint8Array([1]) }], { soffice, timeoutMs: 300 }), /timed out after 300 ms/);
    assert.ok(Date.now() - started < 5_000);
  });
});
