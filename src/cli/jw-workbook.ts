/**
 * jw-workbook: the workbook the task pane's import builds, written to an .xlsx file without
 * Excel: partnership, Posts table, Summary with its chart, import issues and Method, all in
 * built-in formulas, so it opens in any Excel or LibreOffice without the add-in.
 *
 *   npx jw-workbook --posts FILE [FILE…] --partnership FILE --year 2019/20 --out FILE.xlsx [--levy 0.005] [--sheet NAME] [--force]
 *                   [--outturn FILE [--tolerance 3%]] [--years N] [--pay-award RATE[,RATE…]]
 *
 * With --years or --pay-award it also writes the Projection sheets (rule 14), as jw-summary --years projects.
 *
 * The same parse → validate → cost as jw-summary and the same plan as the task pane
 * (src/workbook/importPlan.ts), written by the same file writer as "Download template".
 */
import { importPlan, plannedBenefit, plannedOutturn, plannedPost, rejectedRecords, trueUpSheetsPlan } from "../workbook/index";
import { readBenefitFiles } from "./benefitsFiles";
import { parseTolerance, runTrueUp } from "./outturnFile";
import { planToXlsx } from "../templates/index";
import { parsePayAwards, parseYears, projectionOption, run } from "./jw-summary";
import { postListOptions } from "./postListOptions";
import { writeOutputFile } from "./outputFile";
import { optionList, optionValue, processIo, readOptions, runCommand, type CliIo } from "./runCommand";

export const USAGE = `Usage: jw-workbook --posts FILE [FILE...] --partnership FILE --year 2019/20 --out FILE.xlsx [--benefits FILE...] [--levy 0.005] [--sheet NAME] [--force] [--outturn FILE [--tolerance 3%]] [--years N] [--pay-award RATE[,RATE...]]

  --posts FILE...      post lists, .csv or .xlsx, or returned costing templates (their other
                       benefits and actual costs join --benefits and --outturn)
  --partnership FILE   authorities: Code, Name, Employer pension rate (.csv or .xlsx);
                       not needed when every file is a costing template
  --year YEAR          financial year: 2019/20, 2019-20, 2019/2020 or 2019
  --out FILE.xlsx      the workbook to write
  --benefits FILE...   a benefits register (.csv or .xlsx): written as the JW Benefits table and
                       counted in the Summary (other benefits, total benefit, Principle 3)
  --levy RATE          apprenticeship levy rate (default 0.005, or 0.5%)
  --sheet NAME         the sheet of .xlsx post lists to read (default: the first)
  --years N            also write a Projection sheet over N years from --year (1 to 10; default 4 with --pay-award)
  --pay-award RATE,... pay awards for the second, third ... year (0.02 or 2%; the last repeats; default 0)
  --force              replace --out if it exists
  --outturn FILE       year-end actual costs, Post ID and Actual cost (.csv or .xlsx): adds the
                       JW Outturn and JW True-up sheets
  --tolerance RATE     true-up tolerance on the Method sheet (default 0.03, or 3%)
`;

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  return runCommand("jw-workbook", USAGE, io, async () => {
    const options = readOptions(argv, { values: ["partnership", "year", "out", "levy", "sheet", "outturn", "tolerance", "years", "pay-award"], lists: ["posts", "benefits"], flags: ["force"] });
    if (options === "help") {
      io.stdout(USAGE);
      return;
    }
    const listed = postListOptions(options);
    const out = listed.out;
    const outturnFile = optionValue(options, "outturn");
    const toleranceText = optionValue(options, "tolerance");
    const tolerance = toleranceText === undefined ? undefined : parseTolerance(toleranceText);
    const yearsText = optionValue(options, "years");
    const awardsText = optionValue(options, "pay-award");
    const projection = projectionOption(yearsText === undefined ? undefined : parseYears(yearsText), awardsText === undefined ? undefined : parsePayAwards(awardsText));
    const { result, partnership, grids, returned } = await run(listed);
    const { validation } = result;
    const benefitFiles = optionList(options, "benefits");
    const register = await readBenefitFiles(benefitFiles, partnership, returned);
    const built = importPlan({
      partnership,
      posts: validation.posts.map(plannedPost),
      rejected: rejectedRecords(validation.rejected, grids),
      sourceHeaders: validation.lists[0]?.headers ?? [],
      includePartnership: true,
      trueUpTolerance: tolerance,
      ...(projection ? { projection } : {}),
      ...(register
        ? {
            benefits: {
              benefits: register.benefits.validation.benefits.map(plannedBenefit),
              rejected: rejectedRecords(register.benefits.validation.rejected, register.grids),
              sourceHeaders: register.benefits.validation.lists[0]?.headers ?? [],
            },
          }
        : {}),
    });
    const trueUp = await runTrueUp(outturnFile, tolerance, result, partnership, returned.outturns);
    if (trueUp) {
      const sheets = trueUpSheetsPlan({
        authorities: partnership.authorities,
        yearLabel: partnership.year.label,
        posts: built.posts,
        postCount: validation.posts.length,
        outturns: trueUp.outturn.outturns.map(plannedOutturn),
      });
      built.plan.sheets.push(...sheets.sheets);
    }
    await writeOutputFile(out, await planToXlsx(built.plan), options.get("force") === true);
    const rejectedRows = new Set(validation.rejected.map((p) => `${p.source ?? ""}:${p.row}`)).size;
    io.stdout(
      `Wrote ${out}: ${validation.posts.length} post${validation.posts.length === 1 ? "" : "s"} for ${partnership.authorities.map((a) => a.code).join(", ")}, ${partnership.year.label}` +
        (rejectedRows > 0 ? `; ${rejectedRows} row${rejectedRows === 1 ? "" : "s"} rejected (see the JW Import issues sheet)` : "") +
        (register ? `; ${register.benefits.validation.benefits.length} benefit${register.benefits.validation.benefits.length === 1 ? "" : "s"}${register.benefits.validation.rejected.length > 0 ? ` (rejected rows on the JW Benefit issues sheet)` : ""}` : "") +
        ".\n",
    );
    if (trueUp) {
      const j = trueUp.json;
      io.stdout(`True-up: ${j.posts.length} joint post${j.posts.length === 1 ? "" : "s"} compared, ${j.posts.filter((p) => !p.withinTolerance).length} adjusted; ${j.unmatched.length} listed (see JW True-up and JW Outturn).\n`);
      for (const r of j.rejected) io.stderr(`outturn row ${r.row}, ${r.column}: ${r.message}\n`);
    }
  });
}
