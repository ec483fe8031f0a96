import assert from "node:assert/strict";
import { FakeExcel } from "../../support/fakeExcel";
import { importPlan, SHEET, TABLE, NAME, columnLetter, type PlannedPost } from "../../../src/workbook";
import { parseFinancialYear } from "../../../src/core/financialYear";

const partnership = {
  authorities: [
    { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
    { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
  ],
  year: parseFinancialYear("2019/20"),
  levyRate: 0.005,
  rechargePeriods: 12,
  vatOnRecharges: false,
};

const dangerous = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+Policy Lead", "-5", "@SUM(A1)", "1,234", "=cmd|' /C calc'!A0", "\tTabbed", "\rReturn"];

function postsOf(count: number): PlannedPost[] {
  return Array.from({ length: count }, (_, i) => ({
    sourceRow: i + 2,
    id: `JW-${i}`,
    post: dangerous[i % dangerous.length],
    home: i % 2 ? "CDC" : "OCC",
    joint: i % 3 !== 0,
    shares: i % 3 !== 0 ? [0.5, 0.5] : null,
    salary: 50000 + i,
    fte: 1,
    start: null,
    end: null,
    baselines: null,
    status: "Permanent",
  }));
}

async function write(fake: FakeExcel, count: number, options = {}) {
  (globalThis as Record<string, unknown>).Excel = fake.global();
  const { writePlan } = await import("../../../src/excel/writePlan");
  const built = importPlan({ partnership, posts: postsOf(count), rejected: [], sourceHeaders: [], includePartnership: true });
  await writePlan(built.plan, options);
  return built;
}

describe("writing a plan through the Excel object model", () => {
  it("writes file text as text, values as values and formulas only where the add-in puts them", async () => {
    const fake = new FakeExcel();
    const { posts } = await write(fake, 8);
    const post = columnLetter(posts.post);
    for (let i = 0; i < dangerous.length; i++) {
      const cell = fake.cell(SHEET.posts, `${post}${i + 2}`);
      assert.equal(cell.formula, undefined, `row ${i + 2} must not become a formula`);
      assert.equal(cell.value, dangerous[i]);
      assert.equal(cell.numberFormat, "@");
    }
    const salary = fake.cell(SHEET.posts, `${columnLetter(posts.salary)}2`);
    assert.equal(salary.value, 50000);
    const annual = fake.cell(SHEET.posts, `${columnLetter(posts.annualCost)}2`);
    // Built-in formulas only: the table computes in an Excel without the add-in.
    assert.equal(annual.formula, `=ROUND(${["pay", "ni", "pension", "levy"].map((k) => `${columnLetter(posts[k as "pay"])}2`).join("+")},2)`);
    assert.equal(fake.sheet(SHEET.posts).tables[0].name, TABLE.posts);
    assert.equal(fake.sheet(SHEET.posts).frozenRows, 1);
    assert.equal(fake.sheet(SHEET.summary).charts.length, 1);
    assert.deepEqual(fake.names.map((n) => n.name).sort(), Object.values(NAME).sort());
  });

  it("writes the Projection sheets when asked, and removes them with an import that has none (they read the Posts table)", async () => {
    const fake = new FakeExcel();
    (globalThis as Record<string, unknown>).Excel = fake.global();
    const { writePlan } = await import("../../../src/excel/writePlan");
    const withProjection = importPlan({ partnership, posts: postsOf(5), rejected: [], sourceHeaders: [], includePartnership: true, projection: { years: 4, awards: [0.02] } });
    await writePlan(withProjection.plan);
    const names = () => fake.liveSheets().map((s) => s.name).sort();
    assert.ok(names().includes("JW Projection") && names().includes("JW Projection working"), names().join());
    // The working sheet is out of sight (it can be unhidden); the projection itself is not.
    assert.equal(fake.sheet("JW Projection working").visibility, "Hidden");
    assert.equal(fake.sheet("JW Projection").visibility, "Visible");
    // Written again over it, it stays hidden.
    await writePlan(withProjection.plan);
    assert.equal(fake.sheet("JW Projection working").visibility, "Hidden");
    await writePlan(importPlan({ partnership, posts: postsOf(5), rejected: [], sourceHeaders: [], includePartnership: false }).plan);
    assert.deepEqual(names().filter((n) => n.startsWith("JW Projection")), []);
    assert.ok(names().includes(SHEET.posts));
  });

  it("uses the same number of syncs for 10 rows and 1,000 rows (one request's worth)", async () => {
    const small = new FakeExcel();
    await write(small, 10);
    const large = new FakeExcel();
    // 1,000 rows: the Posts table's columns for the top of grade ranges (rule 13) fill a request sooner than before.
    await write(large, 1000);
    assert.equal(large.syncs, small.syncs);
    assert.ok(small.syncs <= 3, `syncs: ${small.syncs}`);
  });

  it("splits a write that would pass the request limit, and stays under it", async () => {
    const fake = new FakeExcel();
    await write(fake, 3000, { maxRequestBytes: 200_000 });
    assert.ok(fake.syncs > 3, `syncs: ${fake.syncs}`);
    // Each request is within the limit plus one row's slack.
    for (const bytes of fake.requestBytes) assert.ok(bytes < 200_000 * 1.2, `request of ${bytes} bytes`);
  });

  it("replaces its own sheets and touches nothing else", async () => {
    const fake = new FakeExcel([{ name: "Budget", cells: { A1: "mine" } }]);
    await write(fake, 4);
    await write(fake, 6);
    const names = fake.liveSheets().map((s) => s.name).sort();
    assert.deepEqual(names, ["Budget", SHEET.issues, SHEET.partnership, SHEET.posts, SHEET.summary, SHEET.method].sort());
    assert.equal(fake.cell("Budget", "A1").value, "mine");
    assert.equal(fake.cell(SHEET.posts, `A7`).value, "JW-5");
    assert.equal(fake.liveSheets().flatMap((s) => s.tables).filter((t) => t.name === TABLE.posts).length, 1);
  });

  it("leaves the workbook as it was when a write fails", async () => {
    const fake = new FakeExcel([{ name: "Budget", cells: { A1: "mine" } }]);
    await write(fake, 4);
    const before = fake.liveSheets().map((s) => s.name).sort();
    const rowsBefore = fake.cell(SHEET.posts, "A5").value;
    fake.failOnSync = fake.syncs + 2;
    await assert.rejects(write(fake, 3000, { maxRequestBytes: 100_000 }), /payload/);
    assert.deepEqual(fake.liveSheets().map((s) => s.name).sort(), before);
    assert.equal(fake.cell(SHEET.posts, "A5").value, rowsBefore);
    assert.ok(fake.liveSheets().every((s) => s.visibility === "Visible"));
    assert.equal(fake.liveSheets().flatMap((s) => s.tables).filter((t) => t.name === TABLE.posts).length, 1);
  });
});
