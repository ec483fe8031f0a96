/**
 * jw-report: the annual joint-working report for a financial year, written to an .xlsx file
 * without Excel: the workbook an import writes (partnership, Posts, Summary, Benefits, Method)
 * and the JW Report sheet, printable on A4, every figure a built-in formula.
 *
 *   npx jw-report --posts FILE --partnership FILE --year 2019/20 [--benefits FILE] [--previous LAST.xlsx] --out FILE.xlsx [--force]
 *
 * Refreshing: with --force over an existing report, what officers typed in it (assessments,
 * commentary, edited principles, objectives) is read back and written into the new one.
 */
import { plannedBenefit, plannedPost, rejectedRecords } from "../workbook/index";
import { reportPlan } from "../workbook/report";
import { noBenefits } from "../benefits/index";
import { planToXlsx } from "../templates/index";
import { run } from "./jw-summary";
import { postListOptions } from "./postListOptions";
import { readBenefitFiles } from "./benefitsFiles";
import { readKeptReport, readPreviousFile } from "./reportFiles";
import { writeOutputFile } from "./outputFile";
import { optionList, optionValue, processIo, readOptions, runCommand, type CliIo } from "./runCommand";

export const USAGE = `Usage: jw-report --posts FILE [FILE...] --partnership FILE --year 2019/20 --out FILE.xlsx [--benefits FILE...] [--previous LAST.xlsx] [--levy 0.005] [--sheet NAME] [--force]

  --posts FILE...      post lists, .csv or .xlsx, or returned costing templates (their other
                       benefits join --benefits)
  --partnership FILE   authorities: Code, Name, Employer pension rate (.csv or .xlsx)
  --year YEAR          the report's financial year: 2019/20, 2019-20, 2019/2020 or 2019
  --benefits FILE...   the benefits register: Benefit, Kind, Amount, Share <CODE>..., Start, End, Cashable, Evidence
  --previous FILE      last year's report or workbook (.xlsx, saved from Excel or LibreOffice) for the comparison
  --out FILE.xlsx      the report to write
  --levy RATE          apprenticeship levy rate (default 0.005, or 0.5%)
  --sheet NAME         the sheet of .xlsx post lists to read (default: the first)
  --force              replace --out if it exists, keeping the assessments, commentary and objectives typed in it
`;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return runCommand("jw-report", USAGE, io, async () => {
    const options = readOptions(argv, { values: ["partnership", "year", "out", "levy", "sheet", "previous"], lists: ["posts", "benefits"], flags: ["force"] });
    if (options === "help") {
      io.stdout(USAGE);
      return;
    }
    const listed = postListOptions(options);
    const out = listed.out;
    const force = options.get("force") === true;
    const { result, partnership, grids, returned } = await run(listed);
    const benefitFiles = optionList(options, "benefits");
    const register = (await readBenefitFiles(benefitFiles, partnership, returned)) ?? { benefits: noBenefits(partnership), grids: new Map() };
    const previousFile = optionValue(options, "previous");
    const replaced = force ? await readKeptReport(out) : null;
    const kept = replaced?.inputs ?? null;
    // Last year's figures: from --previous, else those the report being replaced compared with.
    const previous = previousFile === undefined ? (replaced?.previous ?? undefined) : await readPreviousFile(previousFile);
    const { validation } = result;
    const built = reportPlan({
      partnership,
      posts: validation.posts.map(plannedPost),
      rejected: rejectedRecords(validation.rejected, grids),
      sourceHeaders: validation.lists[0]?.headers ?? [],
      includePartnership: true,
      benefits: {
        benefits: register.benefits.validation.benefits.map(plannedBenefit),
        rejected: rejectedRecords(register.benefits.validation.rejected, register.grids),
        sourceHeaders: register.benefits.validation.lists[0]?.headers ?? [],
      },
      ...(kept ? { kept } : {}),
      ...(previous ? { previous } : {}),
    });
    await writeOutputFile(out, await planToXlsx(built.plan), force);
    const count = (k: number, one: string) => `${k} ${one}${k === 1 ? "" : "s"}`;
    const rejectedPosts = new Set(validation.rejected.map((p) => `${p.source ?? ""}:${p.row}`)).size;
    const rejectedBenefits = new Set(register.benefits.validation.rejected.map((p) => `${p.source ?? ""}:${p.row}`)).size;
    const assessed = kept ? kept.principles.filter((p) => p.assessment || p.commentary).length : 0;
    io.stdout(
      `Wrote ${out}: the ${partnership.year.label} report for ${partnership.authorities.map((a) => a.code).join(", ")}, ${count(validation.posts.length, "post")}, ${count(register.benefits.validation.benefits.length, "other benefit")}` +
        (rejectedPosts + rejectedBenefits > 0 ? `; ${count(rejectedPosts + rejectedBenefits, "row")} rejected (see the JW Import issues and JW Benefit issues sheets)` : "") +
        (previous ? `; compared with ${previous.year ?? "last year"}` : "") +
        (kept ? `; kept ${count(assessed, "principle assessment")} and ${count(kept.objectives.length, "objective")} from the report replaced` : "") +
        ".\n",
    );
  });
}
