/**
 * jw-template: a budget-holder costing template as an .xlsx file, optionally pre-filled with a
 * post list's posts so a budget holder updates rather than retypes. The same template (and
 * Method sheet) as the task pane's "Download template".
 *
 *   npx jw-template --partnership FILE --year 2019/20 [--posts FILE…] [--benefits FILE…] [--rows N] [--benefit-rows N] --out FILE.xlsx [--levy 0.005] [--force]
 *
 * Rows the import rejects are listed on stderr and left out, as are posts whose dates miss the
 * year (a template asks for dates inside it); the template is still written.
 */
import { DEFAULT_BENEFIT_ROWS, DEFAULT_POST_ROWS, MAX_BENEFIT_ROWS, MAX_POST_ROWS, planToXlsx, templateWorkbookPlan } from "../templates/index";
import { plannedBenefit, plannedPost, type PlannedBenefit, type PlannedPost } from "../workbook/index";
import type { Partnership } from "../postlist/index";
import { readBenefitFiles } from "./benefitsFiles";
import { loadPartnershipFile, parseLevy, run } from "./jw-summary";
import { writeOutputFile } from "./outputFile";
import { UsageError, optionList, optionValue, processIo, readOptions, runCommand, type CliIo } from "./runCommand";
import { isoFromSerial } from "../core/dates";

export const USAGE = `Usage: jw-template --partnership FILE --year 2019/20 [--posts FILE...] [--benefits FILE...] [--rows N] [--benefit-rows N] --out FILE.xlsx [--levy 0.005] [--force]

  --partnership FILE   authorities: Code, Name, Employer pension rate (.csv or .xlsx)
  --year YEAR          financial year: 2019/20, 2019-20, 2019/2020 or 2019
  --posts FILE...      optional: post lists to pre-fill the template with (.csv or .xlsx)
  --benefits FILE...   optional: a benefits register to pre-fill its other-benefit rows with
  --rows N             post rows (default ${DEFAULT_POST_ROWS}, or enough for the posts; at most ${MAX_POST_ROWS})
  --benefit-rows N     other-benefit rows (default ${DEFAULT_BENEFIT_ROWS}, or enough for the benefits; at most ${MAX_BENEFIT_ROWS})
  --out FILE.xlsx      the template to write
  --levy RATE          apprenticeship levy rate (default 0.005, or 0.5%)
  --force              replace --out if it exists
`;

function readRows(text: string | undefined, option = "--rows", what = "post rows", most = MAX_POST_ROWS): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > most) throw new UsageError(`${option} ${text}: give a whole number of ${what} from 1 to ${most}.`);
  return n;
}

/** The register's benefits a template for the year can hold (rejected rows and benefits missing the year go to stderr). */
async function prefillBenefits(files: readonly string[], partnership: Partnership, io: CliIo): Promise<PlannedBenefit[]> {
  const register = await readBenefitFiles(files, partnership);
  if (!register) return [];
  for (const p of register.benefits.validation.rejected) io.stderr(`${p.source ?? files[0]}, row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.message} (left out)\n`);
  const { first, last } = partnership.year;
  const out: PlannedBenefit[] = [];
  for (const b of register.benefits.validation.benefits) {
    if ((b.start !== null && b.start > last) || (b.end !== null && b.end < first)) io.stderr(`${b.source ?? files[0]}, row ${b.row}: ${b.title} falls outside ${partnership.year.label} (left out)\n`);
    else out.push(plannedBenefit(b));
  }
  if (out.length > MAX_BENEFIT_ROWS) throw new UsageError(`${out.length} benefits do not fit in one template (at most ${MAX_BENEFIT_ROWS}): split the register.`);
  return out;
}

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return runCommand("jw-template", USAGE, io, async () => {
    const options = readOptions(argv, { values: ["partnership", "year", "out", "levy", "rows", "benefit-rows"], lists: ["posts", "benefits"], flags: ["force"] });
    if (options === "help") {
      io.stdout(USAGE);
      return;
    }
    const partnershipFile = optionValue(options, "partnership");
    const year = optionValue(options, "year");
    const out = optionValue(options, "out");
    const missing = [partnershipFile === undefined ? "--partnership" : "", year === undefined ? "--year" : "", out === undefined ? "--out" : ""].filter(Boolean);
    if (missing.length > 0) throw new UsageError(`Missing ${missing.join(", ")}.`);
    const rows = readRows(optionValue(options, "rows"));
    const benefitRows = readRows(optionValue(options, "benefit-rows"), "--benefit-rows", "other-benefit rows", MAX_BENEFIT_ROWS);
    const levyText = optionValue(options, "levy");
    const levy = levyText === undefined ? undefined : parseLevy(levyText);
    const files = optionList(options, "posts");

    let posts: PlannedPost[] = [];
    let partnership = await loadPartnershipFile(partnershipFile!, year!, levy);
    if (files.length > 0) {
      const done = await run({ posts: files, partnership: partnershipFile, year, levy, json: false });
      partnership = done.partnership;
      for (const p of done.result.validation.rejected) {
        io.stderr(`${p.source ?? files[0]}, row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.message} (left out)\n`);
      }
      const { first, last } = partnership.year;
      for (const post of done.result.validation.posts) {
        const misses = (post.start !== null && post.start > last) || (post.end !== null && post.end < first);
        if (misses) {
          const dates = [post.start, post.end].map((d) => (d === null ? "" : isoFromSerial(d))).join(" to ");
          io.stderr(`${post.source ?? files[0]}, row ${post.row}: ${post.title} (${dates}) falls outside ${partnership.year.label}, so a template for the year cannot hold it (left out)\n`);
        } else posts.push(plannedPost(post));
      }
    }
    if (rows !== undefined && rows < posts.length) throw new UsageError(`--rows ${rows} is fewer than the ${posts.length} posts to pre-fill: give at least ${posts.length}, or leave --rows out.`);
    if (posts.length > MAX_POST_ROWS) {
      io.stderr(`Only the first ${MAX_POST_ROWS} of ${posts.length} posts fit in one template: send the rest in another.\n`);
      posts = posts.slice(0, MAX_POST_ROWS);
    }
    const benefits = await prefillBenefits(optionList(options, "benefits"), partnership, io);
    if (benefitRows !== undefined && benefitRows < benefits.length) throw new UsageError(`--benefit-rows ${benefitRows} is fewer than the ${benefits.length} benefits to pre-fill: give at least ${benefits.length}, or leave --benefit-rows out.`);
    const t = templateWorkbookPlan(partnership, { postRows: rows, posts, benefits, ...(benefitRows !== undefined ? { benefitRows } : {}) });
    await writeOutputFile(out!, await planToXlsx(t.workbook), options.get("force") === true);
    io.stdout(
      `Wrote ${out}: a costing template for ${partnership.authorities.map((a) => a.code).join(", ")}, ${partnership.year.label}, ${t.layout.postRows} post rows${posts.length > 0 ? `, ${posts.length} pre-filled` : ""}, ${t.layout.benefits?.rows ?? 0} other-benefit rows` +
        `${benefits.length > 0 ? `, ${benefits.length} benefit${benefits.length === 1 ? "" : "s"} pre-filled` : ""}.\n`,
    );
  });
}
