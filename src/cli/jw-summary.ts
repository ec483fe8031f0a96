/**
 * jw-summary: the post-list summary without Excel.
 *
 *   npx jw-summary --posts FILE [FILE…] --partnership FILE --year 2019/20 [--json] [--levy 0.005] [--sheet NAME]
 *   npx jw-summary --posts RETURN.xlsx [RETURN.xlsx…] [--json]
 *
 * FILE is .csv (or .tsv / .txt) or .xlsx. An .xlsx that is a returned costing template (it
 * carries the template marker) is read from its input cells only and judged as the task pane's
 * "Consolidate returns" judges it; a template carries its partnership, so --partnership and
 * --year are needed only for post lists that are not templates. Without --json it prints a readable summary; with
 * --json only the summary JSON (money in pounds). Exit 0 when it ran, even with rejected rows;
 * 1 when a file, the year or the partnership cannot be used; 2 for a command line it cannot read.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { RuleError } from "../core/errors";
import { parseFinancialYear } from "../core/financialYear";
import { niFigures } from "../core/onCosts";
import {
  type Grid,
  type Partnership,
  type PostListImport,
  decodeText,
  fractionFromCell,
  importPostLists,
  looksLikeZip,
  readDelimitedText,
  readPartnership,
  readWorkbook,
  summaryJson,
} from "../postlist/index";
import { projectionText, summaryText } from "./summaryText";
import { benefitsText, readBenefitFiles } from "./benefitsFiles";
import { projectPosts, type ProjectionSettings } from "../postlist/projectPosts";
import { projectionJson } from "../postlist/summaryJson";
import { DEFAULT_PROJECTION_YEARS, MAX_PROJECTION_YEARS } from "../core/projection";
import { parseTolerance, runTrueUp, trueUpText } from "./outturnFile";
import { UsageError, optionList, optionValue, processIo, readOptions, type CliIo } from "./runCommand";
import { costAndSummarise } from "../postlist/importPostList";
import type { Post, Problem } from "../postlist/post";
import { otherPartnership, readReturnFile, returnContents, type ReturnFile } from "../templates/index";
import { postKey } from "../core/trueUp";
import type { Benefit } from "../benefits/benefit";
import type { Outturn } from "../outturn/readOutturn";

export type { CliIo };

export const USAGE = `Usage: jw-summary --posts FILE [FILE...] --partnership FILE --year 2019/20 [--benefits FILE...] [--json] [--levy 0.005] [--sheet NAME] [--outturn FILE [--tolerance 3%]] [--years N] [--pay-award RATE[,RATE...]]
       jw-summary --posts RETURN.xlsx [RETURN.xlsx...] [--json]

  --posts FILE...      post lists, .csv or .xlsx, or returned costing templates (may be given several times);
                       a return's other benefits and actual costs join --benefits and --outturn
  --partnership FILE   authorities: Code, Name, Employer pension rate (.csv or .xlsx);
                       not needed when every file is a costing template (it carries its partnership)
  --year YEAR          financial year: 2019/20, 2019-20, 2019/2020 or 2019 (needed with --partnership)
  --benefits FILE...   a benefits register (.csv or .xlsx): Benefit, Kind, Amount, Share <CODE>...,
                       Start, End, Cashable, Evidence; counted in each council's total benefit
  --levy RATE          apprenticeship levy rate (default 0.005, or 0.5%)
  --sheet NAME         the sheet of .xlsx post lists to read (default: the first)
  --json               print only the summary as JSON (money in pounds)
  --outturn FILE       year-end actual costs, Post ID and Actual cost (.csv or .xlsx): adds the true-up
  --tolerance RATE     true-up tolerance (default 0.03, or 3%): no adjustment within it
  --years N            also project N years from --year (1 to 10; default 4 with --pay-award)
  --pay-award RATE,... pay awards for the second, third ... year (0.02 or 2%; the last repeats; default 0)
`;

/** --levy as a fraction (0.005) or a percentage (0.5%). */
export function parseLevy(text: string): number {
  const f = fractionFromCell(text);
  if (f === null || f.value < 0 || f.value > 1) throw new UsageError(`--levy ${text} is not a rate: give it as a fraction (0.005) or a percentage (0.5%).`);
  return f.value;
}

/** --years: a whole number from 1 to 10. */
export function parseYears(text: string): number {
  const n = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || !Number.isInteger(n) || n < 1) throw new UsageError(`--years ${text} is not a number of years: give a whole number from 1 to ${MAX_PROJECTION_YEARS}.`);
  if (n > MAX_PROJECTION_YEARS) throw new UsageError(`--years ${text} is above ${MAX_PROJECTION_YEARS}: a projection covers at most ${MAX_PROJECTION_YEARS} years.`);
  return n;
}

/** --pay-award: one rate or a comma-separated list, each a fraction (0.02) or a percentage (2%), 0 or more. */
export function parsePayAwards(text: string): number[] {
  const pieces = text.split(",").map((p) => p.trim());
  return pieces.map((p, i) => {
    const which = pieces.length === 1 ? `--pay-award ${p}` : `--pay-award: rate ${i + 1} (${p})`;
    const f = p === "" ? null : fractionFromCell(p);
    if (f === null) throw new UsageError(`${which} is not a rate: give each year's pay award as a fraction (0.02) or a percentage (2%), separated by commas.`);
    if (f.value < 0) throw new UsageError(`${which} is negative: a pay award is 0 or more (give 0 for no award).`);
    if (f.value > 1) throw new UsageError(`${which} is above 100%: give it as a fraction (2% is 0.02, not 2) or a percentage (2%).`);
    return f.value;
  });
}

export interface CliOptions {
  posts: string[];
  /** Needed for post lists that are not costing templates. */
  partnership?: string;
  year?: string;
  levy?: number;
  sheet?: string;
  json: boolean;
  /** Benefits registers (rule 12). */
  benefits?: string[];
  /** Year-end outturn file: adds the true-up (rule 15). */
  outturn?: string;
  tolerance?: number;
  /** Rule 14: years to project (with --years or --pay-award), and the awards. */
  projection?: ProjectionSettings;
}

export function parseArgs(argv: readonly string[]): CliOptions | "help" {
  const options = readOptions(argv, { values: ["partnership", "year", "levy", "sheet", "outturn", "tolerance", "years", "pay-award"], lists: ["posts", "benefits"], flags: ["json"] }, "give post lists after --posts");
  if (options === "help") return "help";
  const posts = optionList(options, "posts");
  const partnership = optionValue(options, "partnership");
  const year = optionValue(options, "year");
  const levy = optionValue(options, "levy");
  // Without --partnership (and --year) every file must be a costing template: checked once read.
  const missing = [posts.length === 0 ? "--posts" : "", partnership !== undefined && year === undefined ? "--year" : ""].filter(Boolean);
  if (missing.length > 0) throw new UsageError(`Missing ${missing.join(", ")}.`);
  const outturn = optionValue(options, "outturn");
  const tolerance = optionValue(options, "tolerance");
  const yearsText = optionValue(options, "years");
  const awardsText = optionValue(options, "pay-award");
  const projection = projectionOption(yearsText === undefined ? undefined : parseYears(yearsText), awardsText === undefined ? undefined : parsePayAwards(awardsText));
  return {
    posts,
    partnership,
    year,
    levy: levy === undefined ? undefined : parseLevy(levy),
    sheet: optionValue(options, "sheet"),
    json: options.get("json") === true,
    ...(optionList(options, "benefits").length > 0 ? { benefits: optionList(options, "benefits") } : {}),
    ...(outturn !== undefined ? { outturn } : {}),
    ...(tolerance !== undefined ? { tolerance: parseTolerance(tolerance) } : {}),
    ...(projection ? { projection } : {}),
  };
}

/** The projection asked for by --years and --pay-award, or none; more awards than later years is refused. */
export function projectionOption(years: number | undefined, awards: number[] | undefined): ProjectionSettings | undefined {
  if (years === undefined && awards === undefined) return undefined;
  const n = years ?? DEFAULT_PROJECTION_YEARS;
  const given = awards ?? [];
  if (given.length > n - 1) {
    throw new UsageError(`--pay-award gives ${given.length} rate${given.length === 1 ? "" : "s"} but --years ${n} has ${n - 1} year${n - 1 === 1 ? "" : "s"} after the first (whose figures are today's): give at most ${n - 1}, or more --years.`);
  }
  return { years: n, awards: given };
}

/** A file as a grid: .xlsx (or any zip) through exceljs, anything else as delimited text. */
export async function readGridFile(path: string, sheet?: string): Promise<Grid> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    throw new RuleError("invalid", `Cannot read ${path}: ${why}.`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".xls") throw new RuleError("invalid", `${path} is an old .xls workbook: save it from Excel as .xlsx or CSV.`);
  if (ext === ".xlsx" || ext === ".xlsm" || looksLikeZip(bytes)) return (await readWorkbook(bytes, sheet)).grid;
  return readDelimitedText(decodeText(bytes));
}

async function loadPartnership(options: CliOptions & { partnership: string; year: string }): Promise<Partnership> {
  return loadPartnershipFile(options.partnership, options.year, options.levy);
}

/** The partnership file read for a year (and levy), with messages that name the file. */
export async function loadPartnershipFile(file: string, yearText: string, levy?: number): Promise<Partnership> {
  const options = { partnership: file, levy };
  const year = parseFinancialYear(yearText, "--year");
  niFigures(year);
  let grid: Grid;
  try {
    grid = await readGridFile(options.partnership);
  } catch (e) {
    throw new RuleError("invalid", `The partnership file cannot be used: ${(e as Error).message}`);
  }
  try {
    return readPartnership(grid, { year, levyRate: options.levy });
  } catch (e) {
    if (e instanceof RuleError && e.kind === "unknownYear") throw e;
    throw new RuleError("invalid", `The partnership file ${options.partnership} cannot be used: ${(e as Error).message}`);
  }
}

/** A returned costing template, when the file is one (its sheets carry the template marker). */
async function readIfTemplate(path: string): Promise<ReturnFile | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    return null; // readGridFile reports it
  }
  if (!looksLikeZip(bytes)) return null;
  const ret = await readReturnFile(path, bytes);
  return ret.templates.length > 0 ? ret : null;
}

/** Each post list's grid by its source (the file path), for the issues sheet's original cells. */
export type SourceGrids = Map<string, { grid: Grid; firstRowNumber: number }>;

/** What returned templates carry beside posts (version 4 on): gathered into the register and the outturn. */
export interface Returned {
  benefits: Benefit[];
  benefitsRejected: Problem[];
  outturns: Outturn[];
}

const NOTHING_RETURNED: Returned = { benefits: [], benefitsRejected: [], outturns: [] };

export async function run(options: CliOptions): Promise<{ result: PostListImport; partnership: Partnership; grids: SourceGrids; returned: Returned }> {
  const grids: SourceGrids = new Map();
  const returns = new Map<string, ReturnFile>();
  for (const path of options.posts) {
    const ret = await readIfTemplate(path);
    if (ret) returns.set(path, ret);
  }
  const lists = options.posts.filter((p) => !returns.has(p));
  let partnership: Partnership;
  if (options.partnership !== undefined) partnership = await loadPartnership(options as CliOptions & { partnership: string; year: string });
  else {
    const first = [...returns.values()].flatMap((r) => r.templates).find((t) => t.kind === "template");
    if (lists.length > 0 || !first || first.kind !== "template") {
      const which = lists.length > 0 ? `${lists.join(", ")} ${lists.length === 1 ? "is a post list" : "are post lists"}, not costing templates` : "no file is a costing template this add-in can read";
      throw new UsageError(`Missing --partnership, --year: ${which}.`);
    }
    partnership = first.partnership;
    if (options.levy !== undefined) partnership = { ...partnership, levyRate: options.levy };
    if (options.year !== undefined && parseFinancialYear(options.year, "--year").label !== partnership.year.label) {
      throw new RuleError("invalid", `--year ${options.year} is not the year of the templates (${partnership.year.label}): leave --year out, or consolidate each year's returns separately.`);
    }
  }
  if (returns.size === 0) {
    const inputs = [];
    for (const path of options.posts) {
      let grid: Grid;
      try {
        grid = await readGridFile(path, options.sheet);
      } catch (e) {
        throw new RuleError("invalid", `The post list cannot be used: ${(e as Error).message}`);
      }
      inputs.push({ grid, source: path });
      grids.set(path, { grid, firstRowNumber: 1 });
    }
    return { result: importPostLists(inputs, partnership), partnership, grids, returned: NOTHING_RETURNED };
  }

  // Post lists first (validated together, as the task pane's import does), then each return in order.
  const inputs = [];
  for (const path of lists) {
    try {
      const grid = await readGridFile(path, options.sheet);
      inputs.push({ grid, source: path });
      grids.set(path, { grid, firstRowNumber: 1 });
    } catch (e) {
      throw new RuleError("invalid", `The post list cannot be used: ${(e as Error).message}`);
    }
  }
  const listed = inputs.length > 0 ? importPostLists(inputs, partnership).validation : { posts: [], rejected: [], lists: [] };
  const posts: Post[] = [...listed.posts];
  const rejected: Problem[] = [...listed.rejected];
  const returned: Returned = { benefits: [], benefitsRejected: [], outturns: [] };
  // A pre-filled return's posts are already in the post lists (same Post ID): not counted twice, as the task pane's consolidation does.
  const listedIds = new Set(listed.posts.flatMap((p) => (p.id ? [postKey(p.id)] : [])));
  for (const ret of returns.values()) {
    for (const t of ret.templates) {
      if (t.kind === "template" && otherPartnership(t, partnership) && options.partnership === undefined) {
        throw new RuleError("invalid", `${ret.file}: ${otherPartnership(t, partnership)} (The first template read was made for ${partnership.year.label}: consolidate each partnership's returns separately.)`);
      }
    }
    const taken = returnContents(ret, partnership);
    posts.push(...taken.posts.filter((p) => p.id === null || !listedIds.has(postKey(p.id))));
    rejected.push(...taken.rejected);
    returned.benefits.push(...taken.benefits);
    returned.benefitsRejected.push(...taken.benefitsRejected);
    returned.outturns.push(...taken.outturns);
  }
  return { result: costAndSummarise({ posts, rejected, lists: listed.lists }, partnership), partnership, grids, returned };
}

/** Runs the command; returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let options: CliOptions | "help";
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`jw-summary: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const { result, partnership, returned } = await run(options);
    const benefits = (await readBenefitFiles(options.benefits ?? [], partnership, returned))?.benefits;
    const trueUp = await runTrueUp(options.outturn, options.tolerance, result, partnership, returned.outturns);
    const years = options.projection ? projectPosts(result.validation.posts, partnership, options.projection) : null;
    const json = { ...summaryJson(result, { withSource: options.posts.length > 1, benefits }), ...(trueUp ? { trueUp: trueUp.json } : {}), ...(years ? { years: projectionJson(years) } : {}) };
    if (options.json) io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    else {
      io.stdout(
        summaryText(result, partnership) +
          (benefits ? benefitsText(result.summary, benefits, (options.benefits?.length ?? 0) + returned.benefits.length > 1) : "") +
          (trueUp ? trueUpText(trueUp.json) : "") +
          (years ? projectionText(years) : ""),
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jw-summary: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof RuleError) {
      io.stderr(`jw-summary: ${e.message}\n`);
      return 1;
    }
    io.stderr(`jw-summary: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
