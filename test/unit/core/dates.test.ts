import assert from "node:assert/strict";
import fc from "fast-check";
import { dateFromSerial, daysInMonth, isoFromSerial, serialFromDate, serialFromText } from "../../../src/core/dates";
import { assertRuleError } from "./helpers";

/** Days from 1 Jan 1900 to y-m-d, counted by hand (no Date), Excel's way: with 29 Feb 1900. */
function excelSerialByCounting(year: number, month: number, day: number): number {
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  let days = 0;
  for (let y = 1900; y < year; y++) days += leap(y) || y === 1900 ? 366 : 365;
  const lengths = [31, leap(year) || year === 1900 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  for (let m = 1; m < month; m++) days += lengths[m - 1];
  return days + day;
}

const FIRST_REAL_LATE = 61; // 1 Mar 1900
const LAST = 2_958_465; // 31 Dec 9999

describe("core/dates: Excel serial dates (1900 date system)", () => {
  it("knows the spec's serials", () => {
    assert.equal(serialFromDate(2019, 10, 1), 43739);
    assert.equal(serialFromDate(2018, 10, 1), 43374);
    assert.deepEqual(dateFromSerial(43739), { year: 2019, month: 10, day: 1 });
    assert.deepEqual(dateFromSerial(43374), { year: 2018, month: 10, day: 1 });
  });

  it("handles Excel's fictitious 29 February 1900 around serial 60", () => {
    assert.equal(serialFromDate(1900, 1, 1), 1);
    assert.equal(serialFromDate(1900, 2, 28), 59);
    assert.equal(serialFromDate(1900, 3, 1), 61);
    assert.deepEqual(dateFromSerial(1), { year: 1900, month: 1, day: 1 });
    assert.deepEqual(dateFromSerial(59), { year: 1900, month: 2, day: 28 });
    assert.deepEqual(dateFromSerial(61), { year: 1900, month: 3, day: 1 });
  });

  it("knows other landmarks", () => {
    assert.equal(serialFromDate(2019, 4, 1), 43556);
    assert.equal(serialFromDate(2020, 3, 31), 43921);
    assert.equal(serialFromDate(2020, 2, 29), 43890);
    assert.equal(serialFromDate(9999, 12, 31), LAST);
    assert.deepEqual(dateFromSerial(LAST), { year: 9999, month: 12, day: 31 });
    assert.equal(serialFromDate(1999, 12, 31), 36525);
  });

  it("ignores a time of day in the serial", () => {
    assert.deepEqual(dateFromSerial(43739.75), { year: 2019, month: 10, day: 1 });
    assert.deepEqual(dateFromSerial(43739.0001), { year: 2019, month: 10, day: 1 });
  });

  it("writes ISO dates", () => {
    assert.equal(isoFromSerial(43739), "2019-10-01");
    assert.equal(isoFromSerial(61), "1900-03-01");
    assert.equal(isoFromSerial(LAST), "9999-12-31");
  });

  it("knows the days in each month, leap years included", () => {
    assert.equal(daysInMonth(2020, 2), 29);
    assert.equal(daysInMonth(2019, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
    assert.equal(daysInMonth(2100, 2), 28);
    assert.equal(daysInMonth(2019, 4), 30);
    assert.equal(daysInMonth(2019, 12), 31);
  });

  it("round-trips every serial from 1 Mar 1900 to 31 Dec 9999 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_REAL_LATE, max: LAST }), (serial) => {
        const d = dateFromSerial(serial);
        assert.equal(serialFromDate(d.year, d.month, d.day), serial);
        assert.equal(excelSerialByCounting(d.year, d.month, d.day), serial);
      }),
      { numRuns: 3000 },
    );
  });

  it("round-trips January and February 1900 (serials 1 to 59)", () => {
    for (let serial = 1; serial <= 59; serial++) {
      const d = dateFromSerial(serial);
      assert.equal(d.year, 1900);
      assert.equal(serialFromDate(d.year, d.month, d.day), serial);
      assert.equal(excelSerialByCounting(d.year, d.month, d.day), serial);
    }
  });

  it("numbers consecutive days consecutively (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        fc.pre(d <= daysInMonth(y, m));
        fc.pre(!(y === 1900 && m === 2 && d === 28)); // the next serial is Excel's 29 Feb 1900
        const s = serialFromDate(y, m, d);
        const next = d < daysInMonth(y, m) ? [y, m, d + 1] : m < 12 ? [y, m + 1, 1] : [y + 1, 1, 1];
        if (next[0] <= 9999) assert.equal(serialFromDate(next[0], next[1], next[2]), s + 1);
        assert.equal(s, excelSerialByCounting(y, m, d));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("core/dates: dates written as text", () => {
  it("reads ISO yyyy-mm-dd, with or without a time", () => {
    assert.equal(serialFromText("2019-10-01"), 43739);
    assert.equal(serialFromText("2019-10-1"), 43739);
    assert.equal(serialFromText("2019-10-01T00:00:00"), 43739);
    assert.equal(serialFromText("2019-10-01T12:34:56.789Z"), 43739);
    assert.equal(serialFromText("2019-10-01 09:00"), 43739);
    assert.equal(serialFromText("  2018-10-01  "), 43374);
  });

  it("reads UK dd/mm/yyyy, also with - or . and two-digit years", () => {
    assert.equal(serialFromText("01/10/2019"), 43739);
    assert.equal(serialFromText("1/10/2019"), 43739);
    assert.equal(serialFromText("01-10-2019"), 43739);
    assert.equal(serialFromText("01.10.2019"), 43739);
    assert.equal(serialFromText("01/10/19"), 43739);
    assert.equal(serialFromText("01/10/2018"), 43374);
    // Day first: 3 October, not 10 March.
    assert.equal(serialFromText("03/10/2022"), serialFromDate(2022, 10, 3));
    assert.equal(serialFromText("13/10/2019"), serialFromDate(2019, 10, 13));
    assert.equal(serialFromText("29/02/2020"), 43890);
  });

  it("rejects dates that do not exist", () => {
    assertRuleError(() => serialFromText("31/02/2019"), "invalid", /31\/02\/2019/, /not a real date/);
    assertRuleError(() => serialFromText("29/02/2019"), "invalid", /not a real date/);
    assertRuleError(() => serialFromText("2019-02-30"), "invalid", /not a real date/);
    assertRuleError(() => serialFromText("31/04/2019"), "invalid");
    assertRuleError(() => serialFromText("00/10/2019"), "invalid");
    assertRuleError(() => serialFromText("2019-00-10"), "invalid");
    assertRuleError(() => serialFromText("01/01/1899"), "invalid");
  });

  it("rejects an American-looking date with a 13th month rather than guessing", () => {
    assertRuleError(() => serialFromText("10/13/2019"), "invalid", /not a real date/);
    assertRuleError(() => serialFromText("12/31/2019"), "invalid");
  });

  it("rejects text that is not a date, saying how to write one", () => {
    for (const t of ["", "  ", "tomorrow", "1 Oct 2019", "2019/10/01", "20191001", "01/10", "2019-10", "01/10/201", "43739", "01/10/2019 12:00"]) {
      assertRuleError(() => serialFromText(t), "invalid", /dd\/mm\/yyyy/);
    }
  });

  it("reads any real date written either way (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        fc.pre(d <= daysInMonth(y, m));
        const s = serialFromDate(y, m, d);
        const dd = String(d).padStart(2, "0");
        const mm = String(m).padStart(2, "0");
        assert.equal(serialFromText(`${y}-${mm}-${dd}`), s);
        assert.equal(serialFromText(`${dd}/${mm}/${y}`), s);
        assert.equal(serialFromText(`${d}.${m}.${y}`), s);
        assert.equal(isoFromSerial(s), `${y}-${mm}-${dd}`);
      }),
      { numRuns: 2000 },
    );
  });
});
