import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { planToXlsx, templateWorkbookPlan } from "../../src/templates/index";
import { plannedBenefit, plannedPost } from "../../src/workbook/index";
import type { Benefit } from "../../src/benefits/benefit";
import { randomBenefits } from "../support/benefitsWorkbook";
import { importPostList } from "../../src/postlist/index";
import { readBackValues, recalculateInLibreOffice, requireLibreOfficeOrSkip, type XlsxFile, readerOf, errorsAndAddInCalls } from "../support/libreOffice";
import { buildImport, differences } from "../support/nativeWorkbook";
import { randomCase } from "../support/randomPosts";
import { OCC_CDC, sample } from "../support/samples";
import { benefitsForTemplate, postsForTemplate, templateDifferences } from "../support/templateDifferences";
import { generatedPostListCsv } from "../support/generatedPostList";
import { decodeText, readDelimitedText } from "../../src/postlist/index";

/**
 * LibreOffice headless stands in for an Excel without the add-in: the workbook and the
 * pre-filled template the add-in writes are opened, every formula recalculated on load, and every
 * computed cell read back and compared with the core: 0 differences in pence, no error cell, no
 * JW call. All files go through one LibreOffice run.
 */
describe("native formulas in LibreOffice (an Excel without the add-in)", function () {
  this.timeout(600_000);
  const cases: { name: string; partnership: typeof OCC_CDC; posts: ReturnType<typeof randomCase>["posts"]; benefits?: Benefit[] }[] = [];
  let recalculated: Map<string, Uint8Array>;
  const templatePlan = (c: (typeof cases)[number]) =>
    templateWorkbookPlan(c.partnership, { posts: postsForTemplate(c.posts, c.partnership).slice(0, 500).map(plannedPost), benefits: (c.benefits ?? []).map(plannedBenefit) });

  before(async function () {
    requireLibreOfficeOrSkip(this);
    const clean = importPostList(sample("occ-cdc-2019-20-posts.csv"), OCC_CDC, { source: "posts.csv" });
    const messy = importPostList(sample("messy-posts.csv"), OCC_CDC, { source: "messy.csv" });
    const generated = importPostList(readDelimitedText(decodeText(new TextEncoder().encode(generatedPostListCsv(300, { seed: 11 })))), OCC_CDC, { source: "generated.csv" });
    cases.push({ name: "occ-cdc", partnership: OCC_CDC, posts: clean.validation.posts });
    cases.push({ name: "messy", partnership: OCC_CDC, posts: messy.validation.posts });
    cases.push({ name: "generated", partnership: OCC_CDC, posts: generated.validation.posts });
    // 2,000 random posts: 20 partnerships of 2 to 5 councils, every tax year coming up.
    for (let seed = 1; seed <= 20; seed++) {
      const { partnership, posts } = randomCase(seed * 6007, 100);
      // Version 4 templates carry other benefits (rule 12) beside the posts.
      cases.push({ name: `random-${seed}`, partnership, posts, benefits: benefitsForTemplate(randomBenefits(seed * 31, partnership, 15), partnership) });
    }
    const files: XlsxFile[] = [];
    for (const c of cases) {
      files.push({ name: `${c.name}-workbook.xlsx`, bytes: await planToXlsx(buildImport(c.partnership, c.posts).plan, ExcelJS) });
      files.push({ name: `${c.name}-template.xlsx`, bytes: await planToXlsx(templatePlan(c).workbook, ExcelJS) });
    }
    recalculated = await recalculateInLibreOffice(files, { timeoutMs: 540_000 });
  });

  it("the workbooks: every computed cell of Posts and Summary equals the core, no error, no JW call", async () => {
    const problems: string[] = [];
    let compared = 0;
    let posts = 0;
    for (const c of cases) {
      const reading = await readBackValues(recalculated.get(`${c.name}-workbook.xlsx`)!);
      problems.push(...errorsAndAddInCalls(reading).slice(0, 5).map((p) => `${c.name}: ${p}`));
      const result = differences(readerOf(reading), buildImport(c.partnership, c.posts));
      problems.push(...result.lines.slice(0, 5).map((p) => `${c.name}: ${p}`));
      compared += result.compared;
      posts += c.posts.length;
    }
    assert.deepEqual(problems, []);
    assert.ok(posts >= 2300, `posts: ${posts}`);
    assert.ok(compared > 25_000, `compared: ${compared}`);
  });

  it("the pre-filled templates: every output and total equals the core, no error, no JW call", async () => {
    const problems: string[] = [];
    for (const c of cases) {
      const reading = await readBackValues(recalculated.get(`${c.name}-template.xlsx`)!);
      problems.push(...errorsAndAddInCalls(reading).slice(0, 5).map((p) => `${c.name}: ${p}`));
      const t = templatePlan(c);
      const result = templateDifferences(readerOf(reading), t.sheet.name, t.layout, c.partnership, postsForTemplate(c.posts, c.partnership).slice(0, 500), c.benefits ?? []);
      problems.push(...result.lines.slice(0, 5).map((p) => `${c.name}: ${p}`));
    }
    assert.deepEqual(problems, []);
  });
});
