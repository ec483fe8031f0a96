import assert from "node:assert/strict";
import { CustomFunctionsError, installCustomFunctionsStandIn } from "../../support/customFunctionsStandIn";
import * as jw from "../../../src/functions/functions";

installCustomFunctionsStandIn();

/** Asserts the call throws CustomFunctions.Error with the code and a message naming `mentions`. */
function throwsExcel(call: () => unknown, code: "#VALUE!" | "#N/A", mentions: RegExp): void {
  assert.throws(call, (e: unknown) => {
    assert.ok(e instanceof CustomFunctionsError, `expected CustomFunctions.Error, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, mentions);
    return true;
  });
}

describe("JW functions called as Excel calls them", () => {
  describe("SPLITCOST", () => {
    it("spills the spec's examples in the shape of shares", () => {
      assert.deepEqual(jw.splitCost(190000, [[0.5]]), [[95000, 95000]]);
      assert.deepEqual(jw.splitCost(100, [[1, 1, 1]]), [[33.34, 33.33, 33.33]]);
      assert.deepEqual(jw.splitCost(0.05, [[1, 1]]), [[0.03, 0.02]]);
      assert.deepEqual(jw.splitCost(-100, [[1, 1, 1]]), [[-33.34, -33.33, -33.33]]);
      assert.deepEqual(jw.splitCost(100, [[1], [1], [1]]), [[33.34], [33.33], [33.33]]);
    });
    it("returns one authority's part with part, treating null/undefined as omitted", () => {
      assert.equal(jw.splitCost(100, [[1, 1, 1]], 3), 33.33);
      assert.equal(jw.splitCost(100, [[1, 1, 1]], 1), 33.34);
      assert.deepEqual(jw.splitCost(100, [[60, 40]], null as never), [[60, 40]]);
      assert.deepEqual(jw.splitCost(100, [[60, 40]], undefined), [[60, 40]]);
    });
    it("accepts a bare number for a single-cell shares range", () => {
      assert.deepEqual(jw.splitCost(100, 0.25 as never), [[25, 75]]);
    });
    it("refuses bad input with #VALUE! naming the argument", () => {
      throwsExcel(() => jw.splitCost(100, [[50]]), "#VALUE!", /shares.*0\.5/);
      throwsExcel(() => jw.splitCost("abc" as never, [[0.5]]), "#VALUE!", /amount/);
      throwsExcel(() => jw.splitCost(true as never, [[0.5]]), "#VALUE!", /amount/);
      throwsExcel(() => jw.splitCost(null as never, [[0.5]]), "#VALUE!", /amount is blank/);
      throwsExcel(() => jw.splitCost(100, [[60, null]]), "#VALUE!", /shares: cell 2 is blank/);
      throwsExcel(() => jw.splitCost(100, [[60, ""]]), "#VALUE!", /shares: cell 2 is blank/);
      throwsExcel(() => jw.splitCost(100, [[60, "forty"]]), "#VALUE!", /shares: cell 2/);
      throwsExcel(() => jw.splitCost(100, [[60, -40]]), "#VALUE!", /negative/);
      throwsExcel(() => jw.splitCost(100, [[0, 0]]), "#VALUE!", /add up to/);
      throwsExcel(() => jw.splitCost(100, [[1, 2], [3, 4]]), "#VALUE!", /one row or one column/);
      throwsExcel(() => jw.splitCost(100, []), "#VALUE!", /empty/);
      throwsExcel(() => jw.splitCost(100, [[1, 1, 1]], 4), "#VALUE!", /part.*1 to 3/);
      throwsExcel(() => jw.splitCost(100, [[1, 1, 1]], 0), "#VALUE!", /part/);
      throwsExcel(() => jw.splitCost(100, [[1, 1, 1]], 1.5), "#VALUE!", /part/);
    });
  });

  describe("SHARES", () => {
    it("normalises without rounding", () => {
      assert.deepEqual(jw.shares([[60, 40]]), [[0.6, 0.4]]);
      assert.deepEqual(jw.shares([[0.61]]), [[0.61, 1 - 0.61]]);
      assert.deepEqual(jw.shares([[1], [3]]), [[0.25], [0.75]]);
      assert.equal(jw.shares([[1, 1, 1]], 2), 1 / 3);
    });
    it("refuses fractions above 1 and bad parts", () => {
      throwsExcel(() => jw.shares([[1.5]]), "#VALUE!", /shares/);
      throwsExcel(() => jw.shares([[1, 1]], 3), "#VALUE!", /part/);
    });
  });

  describe("JOINTSAVING", () => {
    it("subtracts each part from its baseline", () => {
      assert.deepEqual(jw.jointSaving([[200000, 150000]], 250000, [[0.5]]), [[75000, 25000]]);
      assert.equal(jw.jointSaving([[200000, 150000]], 250000, [[0.5]], 2), 25000);
      assert.deepEqual(jw.jointSaving([[100], [100], [0]], 100, [[1], [1], [0]]), [[50], [50], [0]]);
    });
    it("refuses a blank baseline and a count that does not match shares", () => {
      throwsExcel(() => jw.jointSaving([[200000, null]], 250000, [[0.5]]), "#VALUE!", /baselines: cell 2 is blank/);
      throwsExcel(() => jw.jointSaving([[1, 2, 3]], 250000, [[0.5]]), "#VALUE!", /one baseline per authority/);
    });
  });

  describe("EMPLOYMENTCOST and EMPLOYERNI", () => {
    it("costs the spec's example in every year spelling", () => {
      for (const year of ["2019/20", "2019-20", "2019/2020", 2019, " 2019/20 "]) assert.equal(jw.employmentCost(190000, year, 0.2), 253978.78);
      assert.equal(jw.employerNi(190000, "2019/20"), 25028.78);
      assert.equal(jw.employmentCost(190000, "2019/20", 0.2, null as never, null as never), 253978.78);
    });
    it("applies FTE and levy", () => {
      // 95,000 pay: NI (95,000 − 8,632) × 13.8% = 11,918.78; pension 19,000; no levy.
      assert.equal(jw.employmentCost(190000, "2019/20", 0.2, 0.5, 0), 95000 + 11918.78 + 19000);
    });
    it("gives #N/A listing the known years for a year outside the table", () => {
      throwsExcel(() => jw.employmentCost(190000, "2031/32", 0.2), "#N/A", /2017\/18 to 2026\/27/);
      throwsExcel(() => jw.employerNi(50000, 2016), "#N/A", /2017\/18/);
    });
    it("refuses unreadable years, negative pay and rates, zero FTE", () => {
      throwsExcel(() => jw.employmentCost(190000, "next year", 0.2), "#VALUE!", /year/);
      throwsExcel(() => jw.employmentCost(190000, "2019/21", 0.2), "#VALUE!", /year/);
      throwsExcel(() => jw.employmentCost(190000, true, 0.2), "#VALUE!", /year/);
      throwsExcel(() => jw.employmentCost(190000, null, 0.2), "#VALUE!", /year/);
      throwsExcel(() => jw.employmentCost(-1, "2019/20", 0.2), "#VALUE!", /salary/);
      throwsExcel(() => jw.employmentCost(190000, "2019/20", -0.2), "#VALUE!", /pensionRate/);
      throwsExcel(() => jw.employmentCost(190000, "2019/20", 20), "#VALUE!", /pensionRate.*0\.2/);
      throwsExcel(() => jw.employmentCost(190000, "2019/20", 0.2, 0), "#VALUE!", /fte/);
      throwsExcel(() => jw.employmentCost(190000, "2019/20", 0.2, 1, -0.005), "#VALUE!", /levyRate/);
      throwsExcel(() => jw.employerNi(-5, "2019/20"), "#VALUE!", /pay/);
    });
  });

  describe("PRORATA", () => {
    it("follows the spec's examples", () => {
      assert.equal(jw.proRata(100000, "2019/20", 43739), 50000);
      assert.equal(jw.proRata(100000, "2018/19", 43374), 49863.01);
      assert.equal(jw.proRata(100000, "2018/19", 43374, null, "months"), 50000);
      assert.equal(jw.proRata(100000, "2018/19", 43374, undefined, "Months"), 50000);
    });
    it("reads blank start and end (0, \"\", null) as the year's own bounds", () => {
      for (const blank of [0, "", null, undefined]) {
        assert.equal(jw.proRata(100000, "2019/20", blank), 100000);
        assert.equal(jw.proRata(100000, "2019/20", 43739, blank), 50000);
      }
    });
    it("reads dates typed as text", () => {
      assert.equal(jw.proRata(100000, "2019/20", "01/10/2019"), 50000);
      assert.equal(jw.proRata(100000, "2019/20", "2019-10-01"), 50000);
    });
    it("refuses an end before the start, an unknown basis and bad dates", () => {
      throwsExcel(() => jw.proRata(100000, "2019/20", 43739, 43700), "#VALUE!", /end.*before.*start/);
      throwsExcel(() => jw.proRata(100000, "2019/20", 43739, null, "weeks"), "#VALUE!", /basis.*"days" or "months"/);
      throwsExcel(() => jw.proRata(100000, "2019/20", "sometime"), "#VALUE!", /start/);
      throwsExcel(() => jw.proRata(100000, "2019/20", -3), "#VALUE!", /start/);
      throwsExcel(() => jw.proRata(100000, "2019/20", true), "#VALUE!", /start/);
      throwsExcel(() => jw.proRata(100000, "2019/20", 43739, null, 3 as never), "#VALUE!", /basis/);
    });
    it("does not need the on-cost table, so any year works", () => {
      assert.equal(jw.proRata(365, 2040, null), 365);
    });
  });

  describe("RECHARGE", () => {
    it("schedules quarterly and monthly as in the spec", () => {
      assert.deepEqual(jw.recharge(100000, [[0.5]], 1, 4), [[0, 12500], [0, 12500], [0, 12500], [0, 12500]]);
      const monthly = jw.recharge(100000, [[0.5]], 1);
      assert.equal(monthly.length, 12);
      for (let i = 0; i < 11; i++) assert.deepEqual(monthly[i], [0, 4166.66]);
      assert.deepEqual(monthly[11], [0, 4166.74]);
      assert.deepEqual(jw.recharge(90, [[1, 1, 1]], 2, 1), [[30, 0, 30]]);
    });
    it("refuses home and periods out of range", () => {
      throwsExcel(() => jw.recharge(100000, [[0.5]], 3), "#VALUE!", /home.*1 to 2/);
      throwsExcel(() => jw.recharge(100000, [[0.5]], 0), "#VALUE!", /home/);
      throwsExcel(() => jw.recharge(100000, [[0.5]], 1, 0), "#VALUE!", /periods/);
      throwsExcel(() => jw.recharge(100000, [[0.5]], 1, 2.5), "#VALUE!", /periods/);
      throwsExcel(() => jw.recharge(100000, [[0.5]], null as never), "#VALUE!", /home is blank/);
    });
  });

  describe("NOWORSE, PAYVOTE, PAYBACK", () => {
    it("checks savings against the tolerance", () => {
      assert.equal(jw.noWorse([[75000, 25000]]), true);
      assert.equal(jw.noWorse([[75000], [-0.01]]), false);
      assert.equal(jw.noWorse([[75000, -50]], 50), true);
      assert.equal(jw.noWorse([[1, 2], [3, 0]]), true);
      throwsExcel(() => jw.noWorse([[1, null]]), "#VALUE!", /savings.*blank/);
      throwsExcel(() => jw.noWorse([[1]], -1), "#VALUE!", /tolerance/);
    });
    it("tests the whole package for the pay vote", () => {
      assert.equal(jw.payVote(120000), true);
      assert.equal(jw.payVote(100000), true);
      assert.equal(jw.payVote(99999.99), false);
      assert.equal(jw.payVote(90000, 80000), true);
      throwsExcel(() => jw.payVote("lots" as never), "#VALUE!", /salary/);
    });
    it("computes payback and refuses no positive saving", () => {
      assert.equal(jw.payback(30000, 20000), 1.5);
      throwsExcel(() => jw.payback(30000, 0), "#VALUE!", /no positive saving/);
      throwsExcel(() => jw.payback(30000, -5), "#VALUE!", /no positive saving/);
      throwsExcel(() => jw.payback(-1, 5), "#VALUE!", /oneOffCost/);
    });
  });

  describe("PROJECTEDSALARY", () => {
    it("grows a salary by each year's award, to the penny each year, as the Projection sheet does", () => {
      assert.equal(jw.projectedSalary(117912, [[0.025]]), 120859.8);
      assert.equal(jw.projectedSalary(117912, [[0.025]], 2), 123881.3);
      assert.equal(jw.projectedSalary(50000, [[0.02], [0.03], [0]]), 52530);
      assert.equal(jw.projectedSalary(50000, [[0.02, 0.03]], 0), 50000);
      assert.equal(jw.projectedSalary(50000, [[0]], 10), 50000);
    });
    it("names the argument that is wrong", () => {
      throwsExcel(() => jw.projectedSalary(50000, [[-0.01]]), "#VALUE!", /awards is -0.01: a pay award cannot be negative/);
      throwsExcel(() => jw.projectedSalary(50000, [[0.02, 2]]), "#VALUE!", /awards \(value 2\) is 2: give a pay award as a fraction/);
      throwsExcel(() => jw.projectedSalary(50000, [[0.02, null]]), "#VALUE!", /awards: the cell in row 1, column 2 of the range is blank/);
      throwsExcel(() => jw.projectedSalary(-1, [[0.02]]), "#VALUE!", /salary is -1/);
      throwsExcel(() => jw.projectedSalary(50000, [[0.02]], 1.5), "#VALUE!", /years is 1.5: give a whole number of years from 0 to 50/);
      throwsExcel(() => jw.projectedSalary(50000, [[0.02]], 51), "#VALUE!", /years is 51/);
    });
  });
});
