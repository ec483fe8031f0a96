import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { RuleError } from "../../../src/core/errors";
import { decodeText, findAuthority, makePartnership, readDelimitedText, readPartnership } from "../../../src/postlist/index";

const SAMPLES = new URL("../../../../shared/samples/", import.meta.url);

describe("postlist: the partnership", () => {
  it("reads the sample partnership file with the defaults", () => {
    const p = readPartnership(readDelimitedText(decodeText(readFileSync(new URL("occ-cdc-partnership.csv", SAMPLES)))), { year: "2019/20" });
    assert.deepEqual(p.authorities, [
      { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
      { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
    ]);
    assert.equal(p.year.label, "2019/20");
    assert.equal(p.levyRate, 0.005);
    assert.equal(p.rechargePeriods, 12);
    assert.equal(p.vatOnRecharges, false);
  });

  it("reads rates as percentages, other header wordings, three authorities", () => {
    const grid = readDelimitedText("Authority code;Council;Pension rate (%)\nAAA;Alpha;19.9%\nBBB;Beta;18 %\n\nCCC;;0.15\n");
    const p = readPartnership(grid, { year: 2025, levyRate: 0.01 });
    assert.deepEqual(p.authorities.map((a) => [a.code, a.name, a.pensionRate]), [["AAA", "Alpha", 0.199], ["BBB", "Beta", 0.18], ["CCC", "CCC", 0.15]]);
    assert.equal(p.year.label, "2025/26");
    assert.equal(p.levyRate, 0.01);
  });

  it("rejects unreadable tables with every problem listed", () => {
    assert.throws(() => readPartnership(readDelimitedText("Code,Name,Employer pension rate\nOCC,Ox,19.9\nCDC,Ch,\n"), { year: 2019 }), (e: unknown) => {
      assert.ok(e instanceof RuleError);
      assert.match(e.message, /Row 2 \(OCC\).*0\.199/);
      assert.match(e.message, /Row 3 \(CDC\).*blank/);
      return true;
    });
    assert.throws(() => readPartnership(readDelimitedText("Post,Salary\nA,1\n"), { year: 2019 }), /no Code or Employer pension rate column/);
    assert.throws(() => readPartnership(readDelimitedText("Code,Name,Pension\nOCC,Ox,0.2\nocc,Other,0.2\n"), { year: 2019 }), /given twice/);
    assert.throws(() => readPartnership(readDelimitedText("Code,Name,Pension\nOCC,Ox,0.2\n"), { year: 2019 }), /at least two authorities/);
  });

  it("refuses a year without on-cost figures, naming the years known", () => {
    assert.throws(
      () => makePartnership([{ code: "A", name: "A", pensionRate: 0.2 }, { code: "B", name: "B", pensionRate: 0.2 }], { year: "2030/31" }),
      (e: unknown) => e instanceof RuleError && e.kind === "unknownYear" && /2017\/18 to 2026\/27/.test(e.message),
    );
  });

  it("finds an authority by code or name, case and spacing ignored", () => {
    const a = [{ code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.2 }, { code: "CDC", name: "Cherwell District Council", pensionRate: 0.2 }];
    assert.equal(findAuthority(a, "cdc"), 1);
    assert.equal(findAuthority(a, " oxfordshire  county council "), 0);
    assert.equal(findAuthority(a, "SNC"), -1);
  });
});
