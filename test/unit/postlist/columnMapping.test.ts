import assert from "node:assert/strict";
import { type Authority, checkMapping, normaliseHeader, proposeMapping } from "../../../src/postlist/index";

const OCC_CDC: Authority[] = [
  { code: "OCC", name: "Oxfordshire County Council", pensionRate: 0.199 },
  { code: "CDC", name: "Cherwell District Council", pensionRate: 0.165 },
];

/** Maps one header on its own and says which field it went to. */
function fieldOf(header: string): string | undefined {
  const { mapping } = proposeMapping([header], OCC_CDC);
  const field = Object.entries(mapping.fields).find(([, c]) => c === 0)?.[0];
  if (field) return field;
  const share = Object.entries(mapping.shares).find(([, c]) => c === 0)?.[0];
  if (share) return `share:${share}`;
  const baseline = Object.entries(mapping.baselines).find(([, c]) => c === 0)?.[0];
  if (baseline) return `baseline:${baseline}`;
  return undefined;
}

describe("postlist: header mapping", () => {
  it("ignores case, spaces and punctuation, and keeps % as a word", () => {
    assert.equal(normaliseHeader("  Post  Title "), "posttitle");
    assert.equal(normaliseHeader("Post-ID"), "postid");
    assert.equal(normaliseHeader("OCC %"), "occpercent");
    assert.equal(normaliseHeader("Salary (£)"), "salary");
  });

  const synonyms: Record<string, string[]> = {
    post: ["Post", "Post title", "Role", "Job title", "JOB TITLE", "post_title"],
    postId: ["Post ID", "Post number", "Position ID", "post-id", "Post No."],
    home: ["Home authority", "Employer", "Employing authority", "Contract", "home_authority"],
    joint: ["Joint", "Shared", "Joint post", "Joint?"],
    split: ["Split", "Share split"],
    salary: ["Salary", "Annual salary", "FTE salary", "Grade point", "Salary (£)", "Annual Salary £"],
    fte: ["FTE", "Hours fraction", "F.T.E."],
    start: ["Start", "Start date", "Shared from", "start-date"],
    end: ["End", "End date", "Shared to"],
    status: ["Status", "STATUS"],
  };
  for (const [field, headers] of Object.entries(synonyms)) {
    for (const header of headers) {
      it(`recognises "${header}" as ${field}`, () => assert.equal(fieldOf(header), field));
    }
  }

  for (const header of ["Share OCC", "OCC share", "OCC %", "occ%", "OCC", "Oxfordshire County Council", "Share Oxfordshire County Council", "Oxfordshire County Council %", "OCC share %"]) {
    it(`recognises "${header}" as OCC's share`, () => assert.equal(fieldOf(header), "share:OCC"));
  }
  for (const header of ["Baseline CDC", "CDC baseline", "CDC previous cost", "Cherwell District Council previous cost", "Baseline Cherwell District Council"]) {
    it(`recognises "${header}" as CDC's baseline`, () => assert.equal(fieldOf(header), "baseline:CDC"));
  }

  it("proposes a whole mapping for the clean sample's headers and leaves Notes unused", () => {
    const headers = ["Post ID", "Post", "Home authority", "Joint", "Share OCC", "Share CDC", "Salary", "FTE", "Start", "End", "Status", "Notes"];
    const p = proposeMapping(headers, OCC_CDC);
    assert.deepEqual(p.mapping.fields, { postId: 0, post: 1, home: 2, joint: 3, salary: 6, fte: 7, start: 8, end: 9, status: 10 });
    assert.deepEqual(p.mapping.shares, { OCC: 4, CDC: 5 });
    assert.deepEqual(p.missing, []);
    assert.deepEqual(p.unused, [11]);
    assert.deepEqual(p.notes, []);
  });

  it("reports the required fields it could not find, and joint posts with no shares", () => {
    const p = proposeMapping(["Job title", "Notes"], OCC_CDC);
    assert.deepEqual(p.missing, ["home", "joint", "salary"]);
    assert.match(p.notes.join(" "), /No Split or share column/);
  });

  it("uses the first of two columns for one field and says so", () => {
    const p = proposeMapping(["Post", "Role", "Employer", "Joint", "Salary"], OCC_CDC);
    assert.equal(p.mapping.fields.post, 0);
    assert.deepEqual(p.duplicates, [{ column: 1, field: "Post" }]);
  });

  it("checks a mapping set by hand: required fields, columns that exist, one field per column", () => {
    const headers = ["Title", "Council", "Joint", "Pay"];
    assert.deepEqual(checkMapping({ fields: { post: 0, home: 1, joint: 2, salary: 3 }, shares: {}, baselines: {} }, headers, OCC_CDC), []);
    const problems = checkMapping({ fields: { post: 0, home: 0, joint: 2, salary: 7 }, shares: { SNC: 1 }, baselines: {} }, headers, OCC_CDC);
    assert.equal(problems.length, 3);
    assert.match(problems.join("\n"), /mapped to both Post and Home authority/);
    assert.match(problems.join("\n"), /column 8/);
    assert.match(problems.join("\n"), /SNC/);
  });

  it("is plain data that survives JSON (so the workbook can store it)", () => {
    const p = proposeMapping(["Post", "Employer", "Joint", "Split", "Salary", "Baseline OCC"], OCC_CDC);
    assert.deepEqual(JSON.parse(JSON.stringify(p.mapping)), p.mapping);
  });
});
