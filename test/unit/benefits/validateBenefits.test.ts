import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { costBenefits, summariseBenefits, totalBenefit, validateBenefits } from "../../../src/benefits/index";
import { importPostList, readDelimitedText, readWorkbook } from "../../../src/postlist/index";
import { OCC_CDC, sample } from "../../support/samples";

const csv = (text: string) => readDelimitedText(text);
const HEAD = "Benefit,Kind,Amount,Share OCC,Share CDC,Start,End,Cashable,Evidence";

describe("benefits register: import (rule 12)", () => {
  it("reads the seeds' register: £20k emergency-planning avoidance falls 100% to CDC, in CDC's other benefits, not cashable", () => {
    const v = validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC, { source: "benefits.csv" });
    assert.deepEqual(v.rejected, []);
    assert.equal(v.benefits.length, 1);
    const b = v.benefits[0];
    assert.equal(b.kind, "cost avoidance");
    assert.equal(b.amount, 20000);
    assert.deepEqual(b.shares, [0, 1]);
    assert.equal(b.cashable, false);
    assert.match(b.evidence!, /4\.2\.2/);
    const costs = costBenefits(v.benefits, OCC_CDC);
    assert.deepEqual(costs[0].parts, [0, 2_000_000]);
    const s = summariseBenefits(costs, 2);
    assert.deepEqual(s.otherBenefits, [0, 2_000_000]);
    assert.deepEqual(s.cashableBenefits, [0, 0]);
    assert.deepEqual(s.byKind["cost avoidance"], [0, 2_000_000]);
  });

  it("a joint procurement saving split 60/40 to the penny, and a benefit starting mid-year pro rata by days", () => {
    const v = validateBenefits(
      csv(`${HEAD}\nJoint insurance contract,Joint procurement,"£12,345.67",60%,40%,,,Y,Tender 2019\nShared depot,Property,100000,0.5,0.5,01/10/2019,,N,\n`),
      OCC_CDC,
    );
    assert.deepEqual(v.rejected, []);
    const [procurement, depot] = costBenefits(v.benefits, OCC_CDC);
    assert.equal(procurement.benefit.kind, "joint procurement");
    // 1,234,567p × 0.6 = 740,740.2p and × 0.4 = 493,826.8p: the odd penny goes to the larger remainder.
    assert.deepEqual(procurement.parts, [740_740, 493_827]);
    assert.equal(procurement.parts[0] + procurement.parts[1], 1_234_567);
    assert.equal(depot.days, 183);
    assert.equal(depot.thisYear, 5_000_000);
    assert.deepEqual(depot.parts, [2_500_000, 2_500_000]);
    const s = summariseBenefits([procurement, depot], 2);
    assert.deepEqual(s.cashableBenefits, [740_740, 493_827]);
    assert.deepEqual(s.otherBenefits, [3_240_740, 2_993_827]);
  });

  it("lists bad rows with row and reason (no amount, shares not adding up, an unknown council, an end before the start), and drops nothing else", () => {
    const v = validateBenefits(
      csv(
        [
          "Benefit,Kind,Amount,Share OCC,Share CDC,Share WODC,Start,End,Cashable,Evidence,Council",
          "Good one,Income,5000,50%,50%,,,,Y,,",
          "No amount,Income,,50%,50%,,,,Y,,",
          "Shares off,Income,5000,60%,50%,,,,Y,,",
          "Unknown council by share,Income,5000,50%,0%,50%,,,Y,,",
          "Unknown council by name,Income,5000,,,,,,Y,,West Oxfordshire",
          "Backwards,Income,5000,50%,50%,,01/10/2019,01/09/2019,Y,,",
          "To CDC alone,Service provision,2500,,,,,,N,,CDC",
          "=HYPERLINK(\"http://x\"),Other,10,1,0,,,,N,+notes,",
          "",
        ].join("\n"),
      ),
      OCC_CDC,
    );
    assert.deepEqual(
      v.rejected.map((p) => [p.row, p.column]),
      [
        [3, "Amount"],
        [4, "Share OCC, Share CDC"],
        [5, "Share WODC"],
        [6, "Council"],
        [7, "End"],
      ],
    );
    assert.match(v.rejected[0].message, /blank: give the benefit's annual amount/);
    assert.match(v.rejected[1].message, /add up to 110%/);
    assert.match(v.rejected[2].message, /"WODC", which is not a council of this partnership/);
    assert.match(v.rejected[3].message, /"West Oxfordshire" is not a council of this partnership/);
    assert.match(v.rejected[4].message, /2019-09-01 is before Start 2019-10-01/);
    assert.deepEqual(v.benefits.map((b) => b.row), [2, 8, 9]);
    assert.deepEqual(v.benefits[1].shares, [0, 1]);
    assert.equal(v.benefits[2].title, '=HYPERLINK("http://x")');
    assert.equal(v.benefits[2].evidence, "+notes");
  });

  it("an unknown kind, unreadable Cashable and no shares are reasons too; a blank kind is Other", () => {
    const v = validateBenefits(csv(`${HEAD}\nA,Magic,10,1,0,,,Y,\nB,,10,1,0,,,perhaps,\nC,,10,,,,,,\nD,,10,100%,,,,,`), OCC_CDC);
    assert.deepEqual(v.rejected.map((p) => p.row), [2, 3, 4]);
    assert.match(v.rejected[0].message, /not a kind of benefit: use one of Service provision, Cost avoidance/);
    assert.match(v.rejected[1].message, /Cashable "perhaps" is not understood/);
    assert.match(v.rejected[2].message, /No shares are given/);
    assert.equal(v.benefits[0].kind, "other");
    assert.deepEqual(v.benefits[0].shares, [1, 0]);
  });

  it("a register without Benefit or Amount columns is refused whole, naming its headers", () => {
    assert.throws(() => validateBenefits(csv("Thing,Value x\na,1"), OCC_CDC), /no column for Benefit or Amount.*"Thing", "Value x"/);
  });

  it("reads an .xlsx register (numbers, dates and TRUE/FALSE cells as Excel keeps them)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Register");
    ws.addRow(["Joint working benefits 2019/20"]);
    ws.addRow([]);
    ws.addRow(["Benefit", "Kind", "Amount", "Share OCC", "Share CDC", "Start", "End", "Cashable", "Evidence"]);
    ws.addRow(["Shared legal software", "Joint procurement", 30000, 0.6, 0.4, new Date(Date.UTC(2019, 9, 1)), null, true, "Contract"]);
    const grid = (await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()))).grid;
    const v = validateBenefits(grid, OCC_CDC);
    assert.deepEqual(v.rejected, []);
    assert.equal(v.benefits[0].row, 4);
    assert.equal(v.benefits[0].cashable, true);
    assert.deepEqual(costBenefits(v.benefits, OCC_CDC)[0].parts, [900_000, 600_000]); // £15,000 for 183 of 366 days, 60/40
  });

  it("total benefit per council is its post saving plus its other benefits; Principle 3 on savings plus cashable", () => {
    const posts = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC).summary;
    const benefits = summariseBenefits(costBenefits(validateBenefits(sample("occ-cdc-2019-20-benefits.csv"), OCC_CDC).benefits, OCC_CDC), 2);
    const t = totalBenefit(posts, benefits);
    assert.deepEqual(t.totalBenefit, [posts.authorities[0].saving, posts.authorities[1].saving + 2_000_000]);
    assert.equal(t.grandTotal, posts.total.saving + 2_000_000);
    assert.equal(t.noWorseWithCashable, posts.noWorse);
  });
});
