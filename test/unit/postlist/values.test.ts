import assert from "node:assert/strict";
import { serialFromDate } from "../../../src/core/dates";
import { moneyFromCell, readDate, readFte, readJoint, readSalary, readShare, readSplit, readRate, type Reading } from "../../../src/postlist/index";

function value<T>(r: Reading<T>): T {
  if (!r.ok) assert.fail(`expected a value, got: ${r.problem}`);
  return r.value;
}
function problem<T>(r: Reading<T>): string {
  if (r.ok) assert.fail(`expected a problem, got ${JSON.stringify(r.value)}`);
  return r.problem;
}

describe("postlist: reading cell values", () => {
  it("reads amounts with £, commas and spaces", () => {
    assert.equal(moneyFromCell("£1,234.50"), 1234.5);
    assert.equal(moneyFromCell(" 85,000 "), 85000);
    assert.equal(moneyFromCell("£190,000"), 190000);
    assert.equal(moneyFromCell("£ 1 234.50"), 1234.5);
    assert.equal(moneyFromCell("1234567.89"), 1234567.89);
    assert.equal(moneyFromCell(85000), 85000);
    assert.equal(moneyFromCell("-£5"), -5);
    for (const bad of ["1,23", "abc", "£", "12.3.4", "85k", "", "N/A"]) assert.equal(moneyFromCell(bad), null, bad);
  });

  it("requires a salary above 0", () => {
    assert.equal(value(readSalary("£1,234.50", "Salary")), 1234.5);
    assert.match(problem(readSalary("", "Salary")), /Salary is blank/);
    assert.match(problem(readSalary(null, "Annual salary")), /Annual salary is blank/);
    assert.match(problem(readSalary("0", "Salary")), /above 0/);
    assert.match(problem(readSalary("-5", "Salary")), /above 0/);
    assert.match(problem(readSalary("lots", "Salary")), /"lots" is not an amount/);
  });

  it("reads shares as 0.5 or 50%, never 50", () => {
    assert.equal(value(readShare("50%", "Share OCC")), 0.5);
    assert.equal(value(readShare(" 61 % ", "Share OCC")), 0.61);
    assert.equal(value(readShare("0.5", "Share OCC")), 0.5);
    assert.equal(value(readShare(0.39, "Share CDC")), 0.39);
    assert.equal(value(readShare("33.33%", "Share CDC")), 0.3333);
    assert.equal(value(readShare("", "Share CDC")), null);
    assert.match(problem(readShare("50", "Share OCC")), /write 50% or 0\.5, not 50/);
    assert.match(problem(readShare("-10%", "Share OCC")), /negative/);
    assert.match(problem(readShare("half", "Share OCC")), /not a share/);
  });

  it("reads a Split column: 50/50, 60:40, 50%/50%, in partnership order", () => {
    const two = ["OCC", "CDC"];
    assert.deepEqual(value(readSplit("50/50", "Split", two)), [0.5, 0.5]);
    assert.deepEqual(value(readSplit("60:40", "Split", two)), [0.6, 0.4]);
    assert.deepEqual(value(readSplit("50%/50%", "Split", two)), [0.5, 0.5]);
    assert.deepEqual(value(readSplit("61 / 39", "Split", two)), [0.61, 0.39]);
    assert.deepEqual(value(readSplit("0.6/0.4", "Split", two)), [0.6, 0.4]);
    assert.deepEqual(value(readSplit("100/0", "Split", two)), [1, 0]);
    assert.deepEqual(value(readSplit("34/33/33", "Split", ["A", "B", "C"])), [0.34, 0.33, 0.33]);
    // Rule 2: a single fraction s is s, 1 − s (two-way only).
    assert.deepEqual(value(readSplit("60%", "Split", two)), [0.6, 0.4]);
    // Adding up is the caller's check: 70/40 reads as 0.7 and 0.4.
    assert.deepEqual(value(readSplit("70/40", "Split", two)), [0.7, 0.4]);
    assert.match(problem(readSplit("50/50", "Split", ["A", "B", "C"])), /has 2 parts but the partnership has 3/);
    assert.match(problem(readSplit("half/half", "Split", two)), /not a split/);
    assert.match(problem(readSplit("", "Split", two)), /blank/);
  });

  it("reads joint as Y/N, Yes/No, TRUE/FALSE, Joint/Single in any case", () => {
    for (const yes of ["Y", "y", "Yes", "YES", "TRUE", "true", "Joint", " joint ", true]) assert.equal(value(readJoint(yes, "Joint")), true, String(yes));
    for (const no of ["N", "n", "No", "FALSE", "Single", "single", false]) assert.equal(value(readJoint(no, "Joint")), false, String(no));
    assert.match(problem(readJoint("maybe", "Shared")), /Shared "maybe" is not understood/);
    assert.match(problem(readJoint("", "Joint")), /blank/);
  });

  it("reads FTE: blank is 1, above 0 and at most 1", () => {
    assert.equal(value(readFte("", "FTE")), 1);
    assert.equal(value(readFte("0.8", "FTE")), 0.8);
    assert.equal(value(readFte(0.5, "FTE")), 0.5);
    assert.equal(value(readFte("1", "FTE")), 1);
    assert.match(problem(readFte("N/A", "Hours fraction")), /Hours fraction "N\/A" is not a number/);
    assert.match(problem(readFte("0", "FTE")), /above 0 and at most 1/);
    assert.match(problem(readFte("1.5", "FTE")), /above 0 and at most 1/);
  });

  it("reads dates: UK dd/mm/yyyy, ISO text, Excel serials and date cells", () => {
    const oct1 = serialFromDate(2019, 10, 1);
    assert.equal(oct1, 43739);
    assert.equal(value(readDate("01/10/2019", "Start")), oct1);
    assert.equal(value(readDate("1/10/2019", "Start")), oct1);
    assert.equal(value(readDate("2019-10-01", "Start")), oct1);
    assert.equal(value(readDate(43739, "Start")), oct1);
    assert.equal(value(readDate(43739.75, "Start")), oct1);
    assert.equal(value(readDate(new Date(Date.UTC(2019, 9, 1)), "Start")), oct1);
    assert.equal(value(readDate("", "Start")), null);
    assert.equal(value(readDate(0, "End")), null);
    assert.match(problem(readDate("31/02/2019", "Start")), /not a real date/);
    assert.match(problem(readDate("October 2019", "Shared from")), /Shared from "October 2019" is not a date/);
    assert.match(problem(readDate(true, "Start")), /not a date/);
  });

  it("reads rates as 0.199 or 19.9%", () => {
    assert.equal(value(readRate("0.199", "Employer pension rate")), 0.199);
    assert.equal(value(readRate("19.9%", "Employer pension rate")), 0.199);
    assert.equal(value(readRate(0.165, "Employer pension rate")), 0.165);
    assert.match(problem(readRate("19.9", "Employer pension rate")), /not 19\.9|0\.199/);
  });
});
