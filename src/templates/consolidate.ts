import { invalid } from "../core/errors";
import { cellText } from "../postlist/cells";
import { costPost, type PostCost } from "../postlist/costPost";
import type { Partnership } from "../postlist/partnership";
import type { Post, Problem } from "../postlist/post";
import type { Benefit } from "../benefits/benefit";
import { costBenefits, summariseBenefits, type BenefitSummary } from "../benefits/summarise";
import { BENEFIT_KINDS, type BenefitKind } from "../core/benefits";
import type { Outturn } from "../outturn/readOutturn";
import { summarisePosts, type PostListSummary } from "../postlist/summarise";
import { plannedPost } from "../workbook/fromPostList";
import type { ImportPlanInput } from "../workbook/importPlan";
import type { RejectedRecord } from "../workbook/issuesSheet";
import type { PlannedPost } from "../workbook/postsSheet";
import { plannedBenefit, type PlannedBenefit } from "../workbook/benefitsSheet";
import type { PlannedOutturn } from "../workbook/trueUpSheet";
import { postKey } from "../core/trueUp";
import { cell as a1 } from "../workbook/a1";
import { benefitInputHeaders } from "./layout";
import { checkTemplate, otherPartnership, type TemplateProblem } from "./checkTemplate";
import { inputHeaders } from "./layout";
import type { ReturnFile } from "./readReturn";
import type { TemplateRead } from "./readTemplate";

/**
 * Consolidating returned templates, the pure half: given the workbook's partnership, the posts
 * already in its Posts table and the returned files as read, decide per file what is taken and
 * what is refused or rejected and why, and build the one import that rewrites the Posts table
 * with the existing posts plus the good new ones (so nothing is ever half-appended).
 */

export interface FileReport {
  file: string;
  /** taken: every filled row taken; partly: some rows rejected; nothing: no post in it; refused: the file or a sheet was refused. */
  status: "taken" | "partly" | "nothing" | "refused";
  /** Posts appended from this file. */
  taken: number;
  /** Rows rejected (with problems below). */
  rejectedRows: number;
  /** Why the file, or one of its template sheets, was refused. */
  refusals: string[];
  problems: TemplateProblem[];
  /** Things worth knowing that did not stop anything (macros ignored, one-off costs). */
  notes: string[];
  /** Version 4 on: other benefits appended, and benefit rows rejected. */
  benefits: number;
  rejectedBenefitRows: number;
  /** Version 4 on: actual costs (outturn) taken, and those refused (a Post ID that already has one). */
  actualCosts: number;
  refusedActualCosts: number;
  /** Rows whose Post ID is already in JW Posts: not added twice (their actual cost is still taken). */
  alreadyInPosts: number;
  /** One line for the report. */
  summary: string;
}

export interface Consolidation {
  /** The partnership the posts are costed for (null: nothing usable and none in the workbook). */
  partnership: Partnership | null;
  /** True when the workbook had no partnership and the returns' was taken (and must be written). */
  partnershipFromReturns: boolean;
  /** Existing posts followed by the new ones. */
  posts: PlannedPost[];
  added: PlannedPost[];
  rejected: RejectedRecord[];
  reports: FileReport[];
  /** Existing benefits followed by the new ones (null: none before and none returned, so no JW Benefits to write). */
  benefits: PlannedBenefit[] | null;
  addedBenefits: PlannedBenefit[];
  /** Rejected benefit rows, for the benefits' issues sheet. */
  rejectedBenefits: RejectedRecord[];
  /** Existing actual costs followed by the new ones (null: none before and none returned). */
  outturns: PlannedOutturn[] | null;
  addedOutturns: PlannedOutturn[];
}

export interface ConsolidationInput {
  partnership: Partnership | null;
  existing: readonly PlannedPost[];
  returns: readonly ReturnFile[];
  /** The JW Benefits table's rows now (null: no such table). */
  existingBenefits?: readonly PlannedBenefit[] | null;
  /** The JW Outturn table's rows now (null: no true-up yet). */
  existingOutturns?: readonly PlannedOutturn[] | null;
}

function pounds(amount: number): string {
  return `£${amount.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The Source a post from a return carries: the file, and the sheet when the file has several. */
export function returnSource(file: string, sheet: string, sheetsInFile: number): string {
  return sheetsInFile > 1 ? `${file} › ${sheet}` : file;
}

function fromFile(source: string | null | undefined, file: string): boolean {
  return source === file || (typeof source === "string" && source.startsWith(`${file} › `));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function consolidateReturns(input: ConsolidationInput): Consolidation {
  let partnership = input.partnership;
  let partnershipFromReturns = false;
  const added: PlannedPost[] = [];
  const rejected: RejectedRecord[] = [];
  const reports: FileReport[] = [];
  const seenFiles = new Set<string>();
  const addedBenefits: PlannedBenefit[] = [];
  const rejectedBenefits: RejectedRecord[] = [];
  const addedOutturns: PlannedOutturn[] = [];
  const existingBenefits = input.existingBenefits ?? null;
  const existingOutturns = input.existingOutturns ?? null;
  const postIds = new Set(input.existing.flatMap((p) => (p.id ? [postKey(p.id)] : [])));
  // Where each Post ID's actual cost came from: a post has one actual cost for the year (rule 15).
  const outturnFrom = new Map<string, string>((existingOutturns ?? []).map((o) => [postKey(o.postId), "the JW Outturn table"]));
  /** Why a file's rows are already in the workbook ("3 posts … are already in the Posts table"), or null. */
  const alreadyIn = (file: string): string | null => {
    const posts = input.existing.filter((p) => fromFile(p.source, file)).length;
    const benefits = (existingBenefits ?? []).filter((b) => fromFile(b.source, file)).length;
    if (posts + benefits === 0) return null;
    const what = [posts > 0 ? `${plural(posts, "post")} from ${file} ${posts === 1 ? "is" : "are"} already in the Posts table` : "", benefits > 0 ? `${plural(benefits, "benefit")} from ${file} ${benefits === 1 ? "is" : "are"} already in the JW Benefits table` : ""];
    const it = posts + benefits === 1 ? "it" : "them";
    return `${what.filter(Boolean).join(", and ")}: delete ${it} there first to take a corrected return, or rename the file if it is a different return.`;
  };

  for (const ret of input.returns) {
    const report: FileReport = {
      file: ret.file,
      status: "nothing",
      taken: 0,
      rejectedRows: 0,
      refusals: [],
      problems: [],
      notes: [],
      summary: "",
      benefits: 0,
      rejectedBenefitRows: 0,
      actualCosts: 0,
      refusedActualCosts: 0,
      alreadyInPosts: 0,
    };
    reports.push(report);
    if (ret.hasMacros) report.notes.push("The file contains macros: they were not run, and only the typed values were read.");
    if (ret.error) {
      report.refusals.push(ret.error);
    } else if (seenFiles.has(ret.file)) {
      report.refusals.push(`A file named ${ret.file} is already in this batch: rename one of them and consolidate it again.`);
    } else if (alreadyIn(ret.file) !== null) {
      report.refusals.push(alreadyIn(ret.file)!);
    }
    seenFiles.add(ret.file);
    if (report.refusals.length > 0) {
      report.status = "refused";
      report.summary = `Refused: ${report.refusals[0]}`;
      continue;
    }

    const reads: TemplateRead[] = [];
    for (const t of ret.templates) {
      if (t.kind === "refused") report.refusals.push(t.message);
      else if (t.kind === "template") reads.push(t);
    }
    let oneOff = 0;
    for (const read of reads) {
      if (partnership === null) {
        partnership = read.partnership;
        partnershipFromReturns = true;
      }
      const other = otherPartnership(read, partnership);
      if (other) {
        report.refusals.push(other);
        continue;
      }
      const source = returnSource(ret.file, read.sheet, ret.templates.length);
      const check = checkTemplate(read, { source, partnership });
      let already = 0;
      for (const post of check.posts) {
        oneOff += check.oneOffCosts.get(post.row) ?? 0;
        // A pre-filled row (its Post ID already in JW Posts) is not added twice: the table keeps its figures.
        if (post.id !== null && postIds.has(postKey(post.id))) already++;
        else added.push({ ...plannedPost(post), source });
      }
      report.alreadyInPosts += already;
      report.taken += check.posts.length - already;
      report.rejectedRows += check.rejectedRows.length;
      report.problems.push(...check.problems);
      const record = (row: number, cells: Map<number, unknown[]>, into: RejectedRecord[]) => {
        const problems = check.problems.filter((p) => p.row === row).map((p) => ({ column: `${p.cell} ${p.field}`, message: `${p.what}: ${p.todo}` }));
        into.push({ row, source, problems, cells: (cells.get(row) ?? []).map((c) => cellText(c as never)) });
      };
      for (const row of check.rejectedRows) record(row, check.cellsByRow, rejected);
      for (const row of check.rejectedBenefitRows) record(row, check.benefitCellsByRow, rejectedBenefits);
      report.rejectedBenefitRows += check.rejectedBenefitRows.length;
      for (const b of check.benefits) addedBenefits.push({ ...plannedBenefit(b), source });
      report.benefits += check.benefits.length;
      for (const o of check.outturns) {
        const where = outturnFrom.get(postKey(o.postId));
        if (where !== undefined) {
          report.refusedActualCosts++;
          report.problems.push({
            sheet: read.sheet,
            cell: a1(read.layout.actualCost ?? 1, o.row),
            row: o.row,
            column: read.layout.actualCost ?? 1,
            field: "Actual cost (year end)",
            what: `Post ID ${o.postId} already has an actual cost, from ${where}`,
            todo: "A post has one actual cost for the year: correct it where it was first given (delete that row of JW Outturn to take this one).",
          });
          continue;
        }
        outturnFrom.set(postKey(o.postId), source);
        addedOutturns.push({ postId: o.postId, actual: o.actual, notes: `From ${source}`, sourceRow: o.row });
        report.actualCosts++;
      }
    }
    if (oneOff > 0) report.notes.push(`One-off costs of ${pounds(oneOff)} stay on the template (its payback); the Posts table has no column for them.`);
    if (report.alreadyInPosts > 0) {
      report.notes.push(`${plural(report.alreadyInPosts, "row")} with a Post ID already in JW Posts ${report.alreadyInPosts === 1 ? "was" : "were"} not added again: the table keeps its figures (change them there if the return updates them)${report.actualCosts > 0 ? "; their actual costs were taken" : ""}.`);
    }
    const took = report.taken + report.benefits + report.actualCosts;
    const turnedDown = report.rejectedRows + report.rejectedBenefitRows + report.refusedActualCosts;
    if (report.refusals.length > 0 && took === 0) report.status = "refused";
    else if (turnedDown > 0 || report.refusals.length > 0) report.status = "partly";
    else report.status = took > 0 ? "taken" : "nothing";
    const parts = [`${plural(report.taken, "post")} taken`];
    if (report.benefits > 0) parts.push(`${plural(report.benefits, "benefit")} taken`);
    if (report.actualCosts > 0) parts.push(`${plural(report.actualCosts, "actual cost")} taken`);
    if (report.rejectedRows + report.rejectedBenefitRows > 0) parts.push(`${plural(report.rejectedRows + report.rejectedBenefitRows, "row")} rejected`);
    if (report.refusedActualCosts > 0) parts.push(`${plural(report.refusedActualCosts, "actual cost")} refused`);
    if (report.refusals.length > 0) parts.push(`${plural(report.refusals.length, "sheet")} refused`);
    report.summary =
      report.status === "refused" ? `Refused: ${report.refusals[0]}` : report.status === "nothing" ? (report.alreadyInPosts > 0 ? `Nothing new: ${report.notes[report.notes.length - 1]}` : "No posts filled in: nothing taken.") : `${parts.join(", ")}.`;
  }
  return {
    partnership,
    partnershipFromReturns,
    posts: [...input.existing, ...added],
    added,
    rejected,
    reports,
    benefits: existingBenefits === null && addedBenefits.length === 0 && rejectedBenefits.length === 0 ? null : [...(existingBenefits ?? []), ...addedBenefits],
    addedBenefits,
    rejectedBenefits,
    outturns: existingOutturns === null && addedOutturns.length === 0 ? null : [...(existingOutturns ?? []), ...addedOutturns],
    addedOutturns,
  };
}

/** True when a consolidation has anything to write: posts, benefits or actual costs. */
export function consolidationAddsAnything(c: Consolidation): boolean {
  return c.added.length + c.addedBenefits.length + c.addedOutturns.length > 0;
}

/** The import that rewrites the Posts table, Summary and issues sheet with the consolidated posts. */
export function consolidationImport(c: Consolidation): ImportPlanInput | null {
  if (c.partnership === null) return null;
  return {
    partnership: c.partnership,
    posts: c.posts,
    rejected: c.rejected,
    sourceHeaders: inputHeaders(c.partnership.authorities.map((a) => a.code)),
    includePartnership: c.partnershipFromReturns,
    // The register is rewritten (with the returns' rejected benefit rows on its issues sheet) only when the returns had benefit rows;
    // otherwise what JW Benefits holds is kept as it is (src/workbook/importPlanKeeping.ts).
    ...(c.benefits !== null && c.addedBenefits.length + c.rejectedBenefits.length > 0
      ? { benefits: { benefits: c.benefits, rejected: c.rejectedBenefits, sourceHeaders: benefitInputHeaders(c.partnership.authorities.map((a) => a.code)) } }
      : {}),
    // The Projection sheets read the Posts table row by row: rewritten with it, or removed.
    ...(c.partnership.projection ? { projection: c.partnership.projection } : {}),
  };
}

/** A Posts-table post back as a costed Post (for the pane's summary of what was written). */
export function postFromPlanned(p: PlannedPost, partnership: Partnership): Post {
  const homeIndex = partnership.authorities.findIndex((a) => a.code.toLowerCase() === p.home.trim().toLowerCase());
  return {
    ...(p.source ? { source: p.source } : {}),
    row: p.sourceRow,
    id: p.id,
    title: p.post,
    home: p.home,
    homeIndex,
    joint: p.joint,
    shares: p.shares ? p.shares.slice() : null,
    salary: p.salary,
    salaryMax: p.salaryMax ?? null,
    fte: p.fte,
    start: p.start,
    end: p.end,
    baselines: p.baselines ? p.baselines.slice() : partnership.authorities.map(() => null),
    status: p.status,
  };
}

/**
 * Each council's other benefits (pence) in the consolidated register, as the Summary's benefits
 * section gives them, or null when the workbook has no register.
 */
export function consolidatedBenefits(c: Consolidation): BenefitSummary | null {
  if (c.benefits === null || c.partnership === null) return null;
  const benefits: Benefit[] = c.benefits.map((b) => ({
    row: b.sourceRow,
    title: b.title,
    kind: ((BENEFIT_KINDS as readonly string[]).includes(b.kind) ? b.kind : "other") as BenefitKind,
    amount: b.amount,
    shares: [...b.shares],
    start: b.start,
    end: b.end,
    cashable: b.cashable,
    evidence: b.evidence,
  }));
  return summariseBenefits(costBenefits(benefits, c.partnership), c.partnership.authorities.length);
}

/**
 * The per-council summary of the consolidated posts, as the Summary sheet's formulas give it.
 * Posts the table holds that cannot be costed (edited into something invalid) are left out.
 */
export function consolidatedSummary(posts: readonly PlannedPost[], partnership: Partnership): PostListSummary {
  const costs: PostCost[] = [];
  for (const p of posts) {
    try {
      const post = postFromPlanned(p, partnership);
      if (post.homeIndex >= 0) costs.push(costPost(post, partnership));
    } catch {
      // An invalid row edited into the table: the sheet shows its error; the summary skips it.
    }
  }
  return summarisePosts(costs, partnership);
}

/** What one returned file holds for the headless commands: posts, other benefits and actual costs, and the rows rejected. */
export interface ReturnContents {
  posts: Post[];
  rejected: Problem[];
  benefits: Benefit[];
  benefitsRejected: Problem[];
  outturns: Outturn[];
}

/**
 * The posts, benefits, actual costs and rejected rows of one returned file for the headless
 * commands: judged exactly as the task pane's consolidation judges them. A file or sheet that is
 * refused (not a template, another version, another partnership, tampered) throws a RuleError
 * naming the file and why.
 */
export function returnContents(ret: ReturnFile, partnership: Partnership): ReturnContents {
  if (ret.error) throw invalid(`${ret.file}: ${ret.error}`);
  const posts: Post[] = [];
  const rejected: Problem[] = [];
  const benefits: Benefit[] = [];
  const benefitsRejected: Problem[] = [];
  const outturns: Outturn[] = [];
  for (const t of ret.templates) {
    if (t.kind === "refused") throw invalid(`${ret.file}: ${t.message}`);
    if (t.kind !== "template") continue;
    const other = otherPartnership(t, partnership);
    if (other) throw invalid(`${ret.file}: ${other}`);
    const source = returnSource(ret.file, t.sheet, ret.templates.length);
    const check = checkTemplate(t, { source, partnership });
    posts.push(...check.posts);
    benefits.push(...check.benefits);
    outturns.push(...check.outturns);
    const benefitRows = new Set(check.rejectedBenefitRows);
    for (const p of check.problems) {
      (benefitRows.has(p.row) ? benefitsRejected : rejected).push({ source, row: p.row, column: p.field, columnIndex: p.column - 1, message: `${p.what} (cell ${p.cell}): ${p.todo}` });
    }
  }
  return { posts, rejected, benefits, benefitsRejected, outturns };
}
