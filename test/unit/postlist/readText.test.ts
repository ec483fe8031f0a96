import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { decodeText, detectDelimiter, readDelimitedText } from "../../../src/postlist/index";

const SAMPLES = new URL("../../../../shared/samples/", import.meta.url);

describe("postlist: reading delimited text", () => {
  it("drops a byte-order mark (as text and as bytes)", () => {
    const grid = readDelimitedText("\ufeffPost,Salary\nChief Executive,190000\n");
    assert.deepEqual(grid, [["Post", "Salary"], ["Chief Executive", "190000"]]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Post;Salary\nA;1\n")]);
    assert.deepEqual(readDelimitedText(decodeText(bytes)), [["Post", "Salary"], ["A", "1"]]);
  });

  it("detects comma, semicolon and tab delimiters", () => {
    assert.equal(detectDelimiter("Post,Salary\nA,\"1,000\"\n"), ",");
    assert.equal(detectDelimiter("Post;Salary\nA;\"£1,000\"\n"), ";");
    assert.equal(detectDelimiter("Post\tSalary\nAD Social Care, Housing\t85,000\n"), "\t");
    assert.equal(detectDelimiter("Post\tSalary\n"), "\t");
    assert.deepEqual(readDelimitedText("a\tb\n1\t2\n"), [["a", "b"], ["1", "2"]]);
    assert.deepEqual(readDelimitedText("a;b\n1;2"), [["a", "b"], ["1", "2"]]);
  });

  it("keeps a quoted line break inside one record (LF and CRLF)", () => {
    assert.deepEqual(readDelimitedText('Post,Salary\n"Assistant Director\nRegulatory Services",85000\nNext,1\n'), [
      ["Post", "Salary"],
      ["Assistant Director\nRegulatory Services", "85000"],
      ["Next", "1"],
    ]);
    assert.deepEqual(readDelimitedText('Post,Salary\r\n"A\r\nB",1\r\nC,2\r\n'), [["Post", "Salary"], ["A\r\nB", "1"], ["C", "2"]]);
  });

  it("keeps blank lines as blank rows so later rows keep their spreadsheet numbers", () => {
    const grid = readDelimitedText("Post,Salary\n\nA,1\n\n");
    assert.equal(grid.length, 3);
    assert.deepEqual(grid[2], ["A", "1"]);
  });

  it("keeps text that looks like a formula or a number exactly as text", () => {
    const grid = readDelimitedText('Post,Salary\n"=HYPERLINK(""http://x"",""y"")",-5\n+Policy Lead,@x\n');
    assert.deepEqual(grid[1], ['=HYPERLINK("http://x","y")', "-5"]);
    assert.deepEqual(grid[2], ["+Policy Lead", "@x"]);
  });

  it("reads Windows-1252 bytes (a £ saved by Excel as one byte)", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("Post,Salary\nA,\""), 0xa3, ...new TextEncoder().encode("85,000\"\n")]);
    assert.deepEqual(readDelimitedText(decodeText(bytes)), [["Post", "Salary"], ["A", "£85,000"]]);
  });

  it("rejects an unclosed quote instead of swallowing the rest of the file", () => {
    assert.throws(() => readDelimitedText('Post,Salary\n"A,1\nB,2\n'), /never closed/);
  });

  it("reads the messy sample: semicolons, BOM, £ and a quoted line break", () => {
    const grid = readDelimitedText(decodeText(readFileSync(new URL("messy-posts.csv", SAMPLES))));
    assert.equal(grid[0][0], "Job title");
    assert.equal(grid[1][4], "£190,000");
    assert.equal(grid[3][0], "Assistant Director\nRegulatory Services");
    assert.equal(grid[8][0], "+Policy Lead");
  });
});
