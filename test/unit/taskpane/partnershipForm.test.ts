import assert from "node:assert/strict";
import { makePartnership } from "../../../src/postlist/index";
import {
  authorityRow,
  checkForm,
  defaultForm,
  financialYearOf,
  formFromPartnership,
  partnershipKey,
  percentFraction,
  percentText,
  type PartnershipForm,
} from "../../../src/taskpane/partnership/partnershipForm";

function form(change: Partial<PartnershipForm> = {}): PartnershipForm {
  return {
    authorities: [authorityRow("OCC", "Oxfordshire County Council", "19.9"), authorityRow("CDC", "Cherwell District Council", "16.5")],
    year: "2019/20",
    levyPercent: "0.5",
    frequency: "monthly",
    vatOnRecharges: false,
    projectionYears: "0",
    payAwards: "",
    ...change,
  };
}

describe("taskpane/partnershipForm: the partnership as typed", () => {
  it("turns percentages into exact fractions and back", () => {
    assert.equal(percentFraction("19.9"), 0.199);
    assert.equal(percentFraction(" 16.5 % "), 0.165);
    assert.equal(percentFraction("0.5"), 0.005);
    assert.equal(percentFraction("abc"), null);
    assert.equal(percentFraction(""), null);
    assert.equal(percentText(0.199), "19.9");
    assert.equal(percentText(0.005), "0.5");
  });

  it("builds the partnership the rules would, with the settings chosen", () => {
    const check = checkForm(form({ frequency: "quarterly", vatOnRecharges: true }));
    assert.deepEqual(check.authorities, []);
    assert.ok(check.partnership);
    const expected = makePartnership(
      [
        { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
        { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
      ],
      { year: "2019/20", levyRate: 0.005, rechargePeriods: 4, vatOnRecharges: true },
    );
    assert.equal(partnershipKey(check.partnership), partnershipKey(expected));
  });

  it("shows every problem at once, by field, in the rules' words", () => {
    const f = form({ year: "2019/21", levyPercent: "x" });
    f.authorities[1].code = "OCC";
    f.authorities[0].pensionPercent = "150";
    const check = checkForm(f);
    assert.equal(check.partnership, null);
    assert.match(check.year ?? "", /the second year must follow the first/);
    assert.match(check.levy ?? "", /levy rate as a percentage/);
    assert.match(check.rates[f.authorities[0].key], /from 0 to 100/);
    assert.deepEqual(check.authorities, ["Authority code OCC is given twice: give each authority once."]);
  });

  it("needs two authorities, each with a code, and a year with known on-costs", () => {
    const one = checkForm(form({ authorities: [authorityRow("OCC", "Oxon", "19.9")] }));
    assert.match(one.authorities.join(), /at least two authorities; 1 given/);
    const noCode = checkForm(form({ authorities: [authorityRow("OCC", "Oxon", "19.9"), authorityRow("", "Cherwell", "16.5")] }));
    assert.match(noCode.authorities.join(), /has no code/);
    const future = checkForm(form({ year: "2090/91" }));
    assert.match(future.year ?? "", /No employer National Insurance figures for 2090\/91/);
    assert.equal(future.partnership, null);
  });

  it("fills the form from a saved partnership and starts a new one in a known year", () => {
    const p = checkForm(form({ frequency: "annual" })).partnership!;
    const back = formFromPartnership(p);
    assert.deepEqual(back.authorities.map((a) => [a.code, a.name, a.pensionPercent]), [
      ["OCC", "Oxfordshire County Council", "19.9"],
      ["CDC", "Cherwell District Council", "16.5"],
    ]);
    assert.equal(back.frequency, "annual");
    assert.equal(partnershipKey(checkForm(back).partnership), partnershipKey(p));
    assert.equal(financialYearOf(new Date(2020, 2, 31)), "2019/20");
    assert.equal(financialYearOf(new Date(2020, 3, 1)), "2020/21");
    const fresh = defaultForm(new Date(2019, 5, 1));
    assert.equal(fresh.year, "2019/20");
    assert.equal(fresh.authorities.length, 2);
    assert.equal(fresh.vatOnRecharges, false);
    assert.equal(checkForm(fresh).partnership, null);
  });

  it("takes the projection's years and pay awards (rule 14), and names what is wrong", () => {
    const on = checkForm(form({ projectionYears: "4", payAwards: "2, 2.5%" }));
    assert.deepEqual(on.partnership?.projection, { years: 4, awards: [0.02, 0.025] });
    assert.equal(checkForm(form()).partnership?.projection, undefined);
    assert.deepEqual(formFromPartnership(on.partnership!).payAwards, "2, 2.5");
    assert.notEqual(partnershipKey(on.partnership), partnershipKey(checkForm(form()).partnership));
    const cases: [Partial<PartnershipForm>, RegExp][] = [
      [{ projectionYears: "11" }, /Projection years is "11": give a whole number from 0/],
      [{ projectionYears: "4", payAwards: "2, -1" }, /Pay awards: award 2 \("-1"\) is negative/],
      [{ projectionYears: "4", payAwards: "two" }, /Pay awards "two" is not a rate/],
      [{ projectionYears: "2", payAwards: "2, 3" }, /gives 2 awards but a 2-year projection has 1 year after the first/],
    ];
    for (const [change, message] of cases) {
      const check = checkForm(form(change));
      assert.equal(check.partnership, null);
      assert.match(check.projection ?? "", message);
    }
  });
});
