/**
 * cost-split-rules.md, "Examples (each is exact)" and the worked figures, through the core's
 * public entry point (src/core/index.ts) in pounds, exactly as the table states them.
 */
import assert from "node:assert/strict";
import * as core from "../../../src/core";

const { splitCost, jointSavings, employmentCostPence, parseFinancialYear, proRataPence, rechargeSchedule, daysCovered, serialFromText, toPence } = core;

describe("core: the spec's examples table, each exact", () => {
  it("split 190,000 by 0.5 → 95,000.00 · 95,000.00", () => {
    assert.deepEqual(splitCost(190000, [0.5]), [95000.0, 95000.0]);
  });

  it("split 100 by 1, 1, 1 → 33.34 · 33.33 · 33.33", () => {
    assert.deepEqual(splitCost(100, [1, 1, 1]), [33.34, 33.33, 33.33]);
  });

  it("split 0.05 by 1, 1 → 0.03 · 0.02", () => {
    assert.deepEqual(splitCost(0.05, [1, 1]), [0.03, 0.02]);
  });

  it("split −100 by 1, 1, 1 → −33.34 · −33.33 · −33.33", () => {
    assert.deepEqual(splitCost(-100, [1, 1, 1]), [-33.34, -33.33, -33.33]);
  });

  it("savings, baselines 200,000 and 150,000, joint cost 250,000 by 0.5 → 75,000.00 · 25,000.00", () => {
    assert.deepEqual(jointSavings([200000, 150000], 250000, [0.5]), [75000.0, 25000.0]);
  });

  it("employment cost, salary 190,000, 2019/20, pension 20% → 253,978.78 (NI 25,028.78, pension 38,000.00, levy 950.00)", () => {
    const c = employmentCostPence({ salary: 190000, year: parseFinancialYear("2019/20"), pensionRate: 0.2 });
    assert.equal(c.total / 100, 253978.78);
    assert.equal(c.ni / 100, 25028.78);
    assert.equal(c.pension / 100, 38000.0);
    assert.equal(c.levy / 100, 950.0);
    assert.equal(c.pay / 100, 190000);
  });

  it("pro rata 100,000 for 2019/20 from 1 Oct 2019 → 50,000.00 (183 of 366 days)", () => {
    const year = parseFinancialYear("2019/20");
    assert.equal(proRataPence(toPence(100000), year, { start: 43739 }) / 100, 50000.0);
    assert.equal(proRataPence(toPence(100000), year, { start: serialFromText("01/10/2019") }) / 100, 50000.0);
    assert.equal(daysCovered(year, { start: 43739 }), 183);
    assert.equal(year.days, 366);
  });

  it("pro rata 100,000 for 2018/19 from 1 Oct 2018 → 49,863.01 (182 of 365 days)", () => {
    const year = parseFinancialYear("2018/19");
    assert.equal(proRataPence(toPence(100000), year, { start: 43374 }) / 100, 49863.01);
    assert.equal(daysCovered(year, { start: 43374 }), 182);
    assert.equal(year.days, 365);
  });

  it("pro rata 100,000 for 2018/19 from 1 Oct 2018, months → 50,000.00", () => {
    assert.equal(proRataPence(toPence(100000), parseFinancialYear("2018/19"), { start: 43374 }, "months") / 100, 50000.0);
  });

  it("recharge 100,000 by 0.5, home OCC, quarterly → CDC pays 12,500.00 a quarter", () => {
    const rows = rechargeSchedule(100000, [0.5], 1, 4);
    assert.deepEqual(rows.map((r) => r[1]), [12500, 12500, 12500, 12500]);
    assert.ok(rows.every((r) => r[0] === 0));
  });

  it("recharge 100,000 by 0.5, home OCC, monthly → CDC pays 4,166.66 a month, 4,166.74 in the twelfth", () => {
    const rows = rechargeSchedule(100000, [0.5], 1, 12);
    assert.deepEqual(rows.map((r) => r[1]), [...new Array(11).fill(4166.66), 4166.74]);
  });
});

describe("core: the worked figures from the seeds", () => {
  it("the joint Chief Executive (£190,000, 2019/20, 61% OCC / 39% CDC as reported in 2022)", () => {
    const cost = employmentCostPence({ salary: 190000, year: parseFinancialYear("2019/20"), pensionRate: 0.2 }).total / 100;
    assert.deepEqual(splitCost(cost, [61, 39]), [154927.06, 99051.72]);
    assert.deepEqual(splitCost(cost, [0.61]), [154927.06, 99051.72]);
    // Default baselines (rule 6): each would have employed its own Chief Executive.
    assert.deepEqual(jointSavings([cost, cost], cost, [0.5]), [126989.39, 126989.39]);
    assert.equal(core.needsPayVote(190000), true);
    assert.equal(core.noPartnerWorseOff(jointSavings([cost, cost], cost, [61, 39])), true);
  });

  it("the Corporate Director ranges all need a Full Council vote", () => {
    for (const salary of [117912, 144228, 128631]) assert.equal(core.needsPayVote(salary), true);
  });

  it("the estimated 2019/20 savings, OCC £314k and CDC £315k, leave no partner worse off", () => {
    assert.equal(core.noPartnerWorseOff([314000, 315000]), true);
    assert.equal(314000 + 315000, 629000);
  });
});

describe("core/errors: RuleError", () => {
  it("is an Error with a kind and a name", () => {
    const e = core.invalid("x is wrong");
    assert.ok(e instanceof Error);
    assert.ok(e instanceof core.RuleError);
    assert.equal(e.kind, "invalid");
    assert.equal(e.name, "RuleError");
    assert.equal(e.message, "x is wrong");
    const u = new core.RuleError("unknownYear", "no figures");
    assert.equal(u.kind, "unknownYear");
  });

  it("the index exports every module's entry points", () => {
    for (const name of [
      "toPence", "roundMoney", "shareWeights", "shareFractions", "splitPence", "splitCost", "serialFromDate", "dateFromSerial", "serialFromText",
      "parseFinancialYear", "financialYear", "employmentCostPence", "employerNiPence", "knownTaxYears", "proRataPence", "yearFraction",
      "savingsPence", "assumedBaselinesPence", "jointSavings", "rechargeSchedule", "rechargeSchedulePence", "noPartnerWorseOff", "needsPayVote",
      "paybackYears", "RuleError", "invalid",
    ]) {
      assert.equal(typeof (core as Record<string, unknown>)[name], "function", name);
    }
  });
});
