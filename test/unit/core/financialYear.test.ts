import assert from "node:assert/strict";
import fc from "fast-check";
import { financialYear, parseFinancialYear } from "../../../src/core/financialYear";
import { serialFromDate } from "../../../src/core/dates";
import { assertRuleError } from "./helpers";

describe("core/financialYear: 1 April to 31 March", () => {
  it("describes 2019/20 (a leap year: 29 Feb 2020)", () => {
    assert.deepEqual(financialYear(2019), {
      startYear: 2019,
      label: "2019/20",
      first: serialFromDate(2019, 4, 1),
      last: serialFromDate(2020, 3, 31),
      days: 366,
    });
  });

  it("has 365 days except where the year includes 29 February", () => {
    assert.equal(financialYear(2018).days, 365);
    assert.equal(financialYear(2020).days, 365);
    assert.equal(financialYear(2023).days, 366);
    assert.equal(financialYear(2099).days, 365); // 2100 is not a leap year
    assert.equal(financialYear(2399).days, 366); // 2400 is
  });

  it("labels the turn of a century", () => {
    assert.equal(financialYear(1999).label, "1999/00");
    assert.equal(financialYear(2009).label, "2009/10");
  });

  it("reads every spelling the spec allows", () => {
    for (const v of ["2019/20", "2019-20", "2019/2020", "2019-2020", 2019, "2019", " 2019/20 ", "2019 / 20"]) {
      assert.equal(parseFinancialYear(v).startYear, 2019, String(v));
      assert.equal(parseFinancialYear(v).label, "2019/20");
    }
    assert.equal(parseFinancialYear("1999/00").startYear, 1999);
    assert.equal(parseFinancialYear("1999/2000").startYear, 1999);
    assert.equal(parseFinancialYear("2022/23").days, 365);
  });

  it("refuses a second year that does not follow the first", () => {
    assertRuleError(() => parseFinancialYear("2019/21"), "invalid", /2019\/21/, /2019\/20/);
    assertRuleError(() => parseFinancialYear("2019/2021"), "invalid", /follow/);
    assertRuleError(() => parseFinancialYear("2019/19"), "invalid");
    assertRuleError(() => parseFinancialYear("2020/19"), "invalid");
  });

  it("refuses years it cannot read, naming the argument and how to write one", () => {
    for (const v of ["19/20", "20", "19", "FY2019", "2019/20/21", "2019/2", "twenty19", "2019.5", "1899/00"]) {
      assertRuleError(() => parseFinancialYear(v), "invalid", /^year/, /financial year|2019\/20/);
    }
    for (const v of [2019.5, 19, 43739, -2019, NaN, Infinity, 1899]) {
      assertRuleError(() => parseFinancialYear(v), "invalid", /not a financial year/);
    }
  });

  it("refuses blanks and things that are not years", () => {
    assertRuleError(() => parseFinancialYear(""), "invalid", /missing/);
    assertRuleError(() => parseFinancialYear("   "), "invalid", /missing/);
    assertRuleError(() => parseFinancialYear(null), "invalid", /missing/);
    assertRuleError(() => parseFinancialYear(undefined), "invalid");
    assertRuleError(() => parseFinancialYear(true), "invalid");
    assertRuleError(() => parseFinancialYear(false), "invalid");
    assertRuleError(() => parseFinancialYear([2019]), "invalid");
    assertRuleError(() => parseFinancialYear({}), "invalid");
  });

  it("uses the argument name it is given", () => {
    assertRuleError(() => parseFinancialYear("x", "budget year"), "invalid", /^budget year/);
  });

  it("every year reads the same in every spelling, and spans 1 April to 31 March (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9998 }), (y) => {
        const short = String((y + 1) % 100).padStart(2, "0");
        const fy = financialYear(y);
        for (const v of [`${y}/${short}`, `${y}-${short}`, `${y}/${y + 1}`, y, String(y)]) assert.deepEqual(parseFinancialYear(v), fy);
        assert.equal(fy.label, `${y}/${short}`);
        assert.equal(fy.first, serialFromDate(y, 4, 1));
        assert.equal(fy.last, serialFromDate(y + 1, 3, 31));
        assert.equal(financialYear(y + 1).first, fy.last + 1);
        const leap = ((y + 1) % 4 === 0 && (y + 1) % 100 !== 0) || (y + 1) % 400 === 0;
        assert.equal(fy.days, leap ? 366 : 365);
      }),
      { numRuns: 1000 },
    );
  });
});
