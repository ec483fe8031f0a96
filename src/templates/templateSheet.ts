import { isoFromSerial } from "../core/dates";
import type { Partnership } from "../postlist/partnership";
import { FORMAT, type Block, type NamePlan, type PlannedValue, type SheetPlan, type ValidationPlan, type WorkbookPlan } from "../workbook/plan";
import { methodSheetPlan, type MethodSources } from "../workbook/methodSheet";
import type { PlannedPost } from "../workbook/postsSheet";
import type { PlannedBenefit } from "../workbook/benefitsSheet";
import { cell, columnLetter, quoteSheet, range } from "../workbook/a1";
import { postInputFormats } from "../workbook/postsSheet";
import { partnershipFingerprint } from "./fingerprint";
import { DETAIL_CELLS, authorityRanges, rowFormulas, totalsFormulas } from "./formulas";
import { benefitBlocks, benefitValidations } from "./benefitBlock";
import {
  DEFAULT_BENEFIT_ROWS,
  DEFAULT_POST_ROWS,
  DETAILS,
  GUIDANCE_FIRST_ROW,
  MAX_BENEFIT_ROWS,
  MAX_POST_ROWS,
  MAX_TEMPLATE_AUTHORITIES,
  inputHeaders,
  outputHeaders,
  templateLayout,
  type TemplateLayout,
} from "./layout";
import { TEMPLATE_VERSION, markerText } from "./version";

/**
 * The budget-holder costing template as a sheet plan: guidance, the partnership it was made for
 * (so it needs nothing else from the add-in), a version marker and fingerprint, yellow input
 * cells with Excel data validation and input messages, live JW formulas, totals per council, and
 * protection with only the inputs unlocked. Applied by src/excel/writePlan.ts (Office) or
 * src/templates/xlsxWriter.ts (a downloadable .xlsx).
 */

export const DEFAULT_TEMPLATE_SHEET = "JW Costing template";
/** Sheet-scoped name of the marker cell. */
export const TEMPLATE_NAME = "JW_Template";

export interface TemplateOptions {
  sheetName?: string;
  postRows?: number;
  /** Posts to pre-fill, so a budget holder updates rather than retypes (at most postRows). */
  posts?: readonly PlannedPost[];
  /** Rows for other benefits (rule 12), version 4 on. */
  benefitRows?: number;
  /** Benefits to pre-fill (version 4 on; at most benefitRows). */
  benefits?: readonly PlannedBenefit[];
  /** Layout version 2 to 4 (default the current): an older one only to make returns as earlier versions wrote them. */
  version?: 2 | 3 | 4;
}

/** What a template holds: its rows, and the posts and benefits it is pre-filled with. */
export type TemplateContent = Pick<TemplateOptions, "postRows" | "posts" | "benefitRows" | "benefits">;

export interface TemplatePlan {
  sheet: SheetPlan;
  names: NamePlan[];
  layout: TemplateLayout;
  fingerprint: string;
}

function longDate(serial: number): string {
  const [y, m, d] = isoFromSerial(serial).split("-").map(Number);
  const month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][m - 1];
  return `${d} ${month} ${y}`;
}

export function guidanceLines(p: Partnership, version: number = TEMPLATE_VERSION): string[] {
  const codes = p.authorities.map((a) => a.code).join(", ");
  return [
    "Fill in the yellow cells only, one row per post. Everything else is worked out for you, and the rest of the sheet is protected.",
    `Post: the job title${version >= 4 ? "; Post ID: its reference in the partnership's post list (filled in for you when the template is pre-filled; a post on two rows keeps one ID)" : ""}. Home authority: the council that employs the post holder and pays the salary (pick ${codes} from the list).`,
    "Joint: Y for a post shared between the councils, N for a post one council holds alone.",
    "Shares (joint posts only): each council's part as a percentage; together they must make 100%. Give 0% to a council that takes none.",
    "Salary: the full-time annual salary in pounds, before any split. On a grade range, Salary is its bottom and Salary max its top (leave Salary max blank otherwise): the costs are at the bottom, the pay vote is judged on the top. FTE: 1 for full time, 0.5 for half time (blank means full time).",
    `Start and End: leave blank for the whole financial year (${longDate(p.year.first)} to ${longDate(p.year.last)}); any date must fall inside it.`,
    `Baselines (optional): what each council would pay a year for its own post instead; blank assumes each sharing council would need its own post at the same cost. One-off costs (optional): recruitment, redundancy or pay protection.${version >= 4 ? " Actual cost (year end only): the post's actual employment cost for the whole year from the ledger, once, on one of its rows; it needs the Post ID. Leave it blank during the year." : ""}`,
    ...(version >= 4
      ? ["Other benefits (below the totals): savings that are not posts, such as a service one council provides the other or a joint contract. One row each: Kind from the list, the annual Amount, each council's Share (100% to one council when it alone benefits), Start and End as for posts, Cashable Y or N."]
      : []),
    "The Check column says OK when a row is complete, or what to correct. The figures to the right work themselves out in any Excel or LibreOffice (no add-in needed); the JW Method sheet says how. Save the file and send it back as it is.",
  ];
}

function one(address: string, value: string | number, format: string, style?: Block["style"]): Block {
  return { address, rows: 1, columns: 1, values: [[value]], columnFormats: [format], ...(style ? { style } : {}) };
}

function outputFormats(l: TemplateLayout): string[] {
  const formats: string[] = [];
  for (let c = l.check; c <= l.last; c++) formats.push(FORMAT.MONEY);
  const set = (c: number, f: string) => (formats[c - l.check] = f);
  set(l.check, FORMAT.GENERAL);
  set(l.baselineAssumed, FORMAT.GENERAL);
  set(l.payVote, FORMAT.GENERAL);
  set(l.payback, "0.0");
  set(l.jointUsed, FORMAT.GENERAL);
  set(l.homeUsed, FORMAT.GENERAL);
  for (const c of l.shareUsed) set(c, FORMAT.PERCENT);
  return formats;
}

/** The input range of one column, over the post rows. */
function columnRange(l: TemplateLayout, column: number): string {
  return range(column, l.firstPostRow, column, l.lastPostRow);
}

function validations(p: Partnership, l: TemplateLayout): ValidationPlan[] {
  const r = l.firstPostRow;
  const codes = p.authorities.map((a) => a.code);
  const yearText = `${longDate(p.year.first)} to ${longDate(p.year.last)}`;
  const stop = (title: string, message: string) => ({ style: "stop" as const, title, message });
  const shareSpan = `$${columnLetter(l.share[0])}${r}:$${columnLetter(l.share[l.share.length - 1])}${r}`;
  const list: ValidationPlan[] = [
    {
      address: columnRange(l, l.post),
      rule: { kind: "textLength", operator: "lessThanOrEqualTo", formula1: 255 },
      prompt: { title: "Post", message: "The job title, one row per post." },
      error: stop("Post", "Keep the title under 256 characters."),
    },
    ...(l.postId !== null
      ? [
          {
            address: columnRange(l, l.postId),
            rule: { kind: "textLength" as const, operator: "lessThanOrEqualTo" as const, formula1: 255 },
            prompt: { title: "Post ID", message: "The post's reference in the partnership's post list. Needed for an actual cost; a post on two rows (re-based) keeps one ID." },
            error: stop("Post ID", "Keep the ID under 256 characters."),
          },
        ]
      : []),
    {
      address: columnRange(l, l.home),
      rule: { kind: "list", source: `=${authorityRanges(l).codes}` },
      prompt: { title: "Home authority", message: `The council that employs the post holder and pays the salary: ${codes.join(" or ")}.` },
      error: stop("Home authority", `Pick one of ${codes.join(", ")} from the list.`),
    },
    {
      address: columnRange(l, l.joint),
      rule: { kind: "list", source: ["Y", "N"] },
      prompt: { title: "Joint", message: "Y: the post is shared between the councils. N: one council holds it alone." },
      error: stop("Joint", "Write Y for a joint post or N for a single post."),
    },
    ...l.share.map((column, k): ValidationPlan => {
      const own = `${columnLetter(column)}${r}`;
      return {
        address: columnRange(l, column),
        rule: {
          kind: "custom",
          // Between 0% and 100%; on a joint post, once every share is given, they add up to 100%.
          formula: `=AND(ISNUMBER(${own}),${own}>=0,${own}<=1,OR($${columnLetter(l.joint)}${r}<>"Y",COUNTBLANK(${shareSpan})>0,ROUND(SUM(${shareSpan}),6)=1))`,
        },
        prompt: {
          title: `Share ${codes[k]}`,
          message: `Joint posts only: ${codes[k]}'s part of the cost, as a percentage (60%). The shares must add up to 100%; give 0% to a council that takes none.`,
        },
        error: {
          style: "warning",
          title: `Share ${codes[k]}`,
          message: "A share is between 0% and 100%, and a joint post's shares must add up to 100%. Continue only if you are about to correct another share.",
        },
      };
    }),
    {
      address: columnRange(l, l.salary),
      rule: { kind: "decimal", operator: "greaterThan", formula1: 0 },
      prompt: { title: "Salary", message: "The full-time annual salary in pounds, before any split (for example 85000)." },
      error: stop("Salary", "The salary must be an amount above 0."),
    },
    ...(l.salaryMax !== null
      ? [
          {
            address: columnRange(l, l.salaryMax),
            rule: { kind: "custom" as const, formula: `=AND(ISNUMBER(${columnLetter(l.salaryMax)}${r}),${columnLetter(l.salaryMax)}${r}>=${columnLetter(l.salary)}${r})` },
            prompt: { title: "Salary max", message: "The top of the grade range, for a post on a range (for example 144228). Leave blank for a post on one salary." },
            error: stop("Salary max", "The top of the range must be an amount at or above Salary."),
          },
        ]
      : []),
    {
      address: columnRange(l, l.fte),
      rule: { kind: "custom", formula: `=AND(ISNUMBER(${columnLetter(l.fte)}${r}),${columnLetter(l.fte)}${r}>0,${columnLetter(l.fte)}${r}<=1)` },
      prompt: { title: "FTE", message: "Fraction of full time: 1 full time, 0.5 half time. Leave blank for full time." },
      error: stop("FTE", "FTE must be above 0 and at most 1 (one row is one post)."),
    },
    {
      address: columnRange(l, l.start),
      rule: { kind: "date", operator: "between", formula1: p.year.first, formula2: p.year.last },
      prompt: { title: "Start", message: `The first day the post is shared, between ${yearText}. Leave blank for the start of the year.` },
      error: stop("Start", `Give a date between ${yearText}, or leave it blank.`),
    },
    {
      address: columnRange(l, l.end),
      rule: { kind: "date", operator: "between", formula1: p.year.first, formula2: p.year.last },
      prompt: { title: "End", message: `The last day the post is shared, between ${yearText}. Leave blank for the end of the year.` },
      error: stop("End", `Give a date between ${yearText}, or leave it blank.`),
    },
    ...l.baseline.map((column, k): ValidationPlan => ({
      address: columnRange(l, column),
      rule: { kind: "decimal", operator: "greaterThanOrEqualTo", formula1: 0 },
      prompt: {
        title: `Baseline ${codes[k]}`,
        message: `Optional: what ${codes[k]} would pay a year for its own post instead of sharing this one. Leave blank to assume it would need its own post at the same cost.`,
      },
      error: stop(`Baseline ${codes[k]}`, "A baseline is an annual amount of 0 or more."),
    })),
    {
      address: columnRange(l, l.oneOff),
      rule: { kind: "decimal", operator: "greaterThanOrEqualTo", formula1: 0 },
      prompt: { title: "One-off costs", message: "Optional: recruitment, redundancy or pay protection for this post, in pounds. Used for the payback period." },
      error: stop("One-off costs", "One-off costs are an amount of 0 or more."),
    },
    ...(l.actualCost !== null
      ? [
          {
            address: columnRange(l, l.actualCost),
            rule: { kind: "decimal" as const, operator: "greaterThanOrEqualTo" as const, formula1: 0 },
            prompt: { title: "Actual cost", message: "Year end only: the post's actual employment cost for the whole year from the ledger, in pounds, on one of its rows. Leave blank during the year." },
            error: stop("Actual cost", "The actual cost is an amount of 0 or more."),
          },
        ]
      : []),
    ...(l.benefits ? benefitValidations(p, l, l.benefits) : []),
  ];
  return list;
}

/** A post's inputs as a budget holder would type them in a template row. */
function prefilledRow(l: TemplateLayout, p: Partnership, post: PlannedPost): PlannedValue[] {
  const row: PlannedValue[] = new Array(l.lastInput).fill(null);
  const set = (column: number, value: PlannedValue) => (row[column - 1] = value);
  set(l.post, post.post);
  if (l.postId !== null) set(l.postId, post.id);
  set(l.home, post.home);
  set(l.joint, post.joint ? "Y" : "N");
  p.authorities.forEach((_, k) => {
    set(l.share[k], post.joint && post.shares ? post.shares[k] : null);
    set(l.baseline[k], post.baselines?.[k] ?? null);
  });
  set(l.salary, post.salary);
  if (l.salaryMax !== null) set(l.salaryMax, post.salaryMax ?? null);
  set(l.fte, post.fte === 1 ? null : post.fte);
  // A post list may give dates outside the year (the costing clamps them); the template asks
  // for dates inside it, so a date before the year's start or after its end becomes a blank.
  set(l.start, post.start !== null && post.start > p.year.first ? post.start : null);
  set(l.end, post.end !== null && post.end < p.year.last ? post.end : null);
  return row;
}

/**
 * The template as a file of its own: the template sheet and a Method sheet whose settings read
 * the template's details block (and whose NI table the template's formulas read by name), so the
 * file computes in any Excel or LibreOffice without the add-in or the partnership's workbook.
 */
export function templateWorkbookPlan(p: Partnership, options: TemplateOptions = {}): TemplatePlan & { workbook: WorkbookPlan } {
  const t = templateSheetPlan(p, options);
  const method = methodSheetPlan(p.authorities.length, templateMethodSources(t.sheet.name, t.layout, p));
  return { ...t, workbook: { sheets: [t.sheet, method.sheet], names: [...t.names, ...method.names], activate: t.sheet.name } };
}

/** Where a Method sheet beside a template finds the partnership: the template's details block. */
export function templateMethodSources(sheetName: string, l: TemplateLayout, p: Partnership): MethodSources {
  const q = quoteSheet(sheetName);
  const v = columnLetter(DETAILS.valueColumn);
  const last = l.firstAuthorityRow + l.authorities - 1;
  const column = (c: string) => `${q}!$${c}$${l.firstAuthorityRow}:$${c}$${last}`;
  return {
    year: `=${q}!$${v}$${DETAILS.yearRow}`,
    levy: `=${q}!$${v}$${DETAILS.levyRow}`,
    periods: `=${q}!$${v}$${DETAILS.periodsRow}`,
    vat: p.vatOnRecharges,
    codes: column("A"),
    names: column("B"),
    pensionRates: column("C"),
  };
}

/** Checks the partnership fits a template and returns the number of post rows. */
function checkedPostRows(p: Partnership, postRows: number): number {
  if (p.authorities.length > MAX_TEMPLATE_AUTHORITIES) throw new Error(`A template holds at most ${MAX_TEMPLATE_AUTHORITIES} authorities; the partnership has ${p.authorities.length}.`);
  if (!Number.isInteger(postRows) || postRows < 1 || postRows > MAX_POST_ROWS) throw new Error(`A template has 1 to ${MAX_POST_ROWS} post rows; ${postRows} asked for.`);
  return postRows;
}

function checkedBenefitRows(rows: number): number {
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_BENEFIT_ROWS) throw new Error(`A template has 1 to ${MAX_BENEFIT_ROWS} benefit rows; ${rows} asked for.`);
  return rows;
}

export function templateSheetPlan(p: Partnership, options: TemplateOptions = {}): TemplatePlan {
  const name = options.sheetName ?? DEFAULT_TEMPLATE_SHEET;
  const prefill = options.posts ?? [];
  const postRows = checkedPostRows(p, options.postRows ?? Math.max(DEFAULT_POST_ROWS, prefill.length));
  if (prefill.length > postRows) throw new Error(`${prefill.length} posts do not fit in a template of ${postRows} post rows: ask for at least ${prefill.length} rows.`);
  const codes = p.authorities.map((a) => a.code);
  const n = codes.length;
  const version = options.version ?? TEMPLATE_VERSION;
  const benefitPrefill = options.benefits ?? [];
  const benefitRows = checkedBenefitRows(options.benefitRows ?? Math.max(DEFAULT_BENEFIT_ROWS, benefitPrefill.length));
  if (benefitPrefill.length > benefitRows) throw new Error(`${benefitPrefill.length} benefits do not fit in ${benefitRows} benefit rows: ask for at least ${benefitPrefill.length} rows.`);
  const l = templateLayout(n, postRows, p.rechargePeriods, version, benefitRows);
  const fingerprint = partnershipFingerprint(p);
  const guidance = guidanceLines(p, version);
  const v = DETAILS.valueColumn;
  const headers = [...inputHeaders(codes, version), ...outputHeaders(codes, p.rechargePeriods, p.year.startYear)];
  const totals = totalsFormulas(l);

  const blocks: Block[] = [
    one("A1", `Joint working costing template: ${p.authorities.map((a) => a.name).join(" and ")}, ${p.year.label}`, FORMAT.TEXT, "title"),
    { address: cell(1, GUIDANCE_FIRST_ROW), rows: guidance.length, columns: 1, values: guidance.map((g) => [g]), columnFormats: [FORMAT.TEXT], style: "note" },
    one(cell(1, DETAILS.headerRow), "About this template (filled in by finance: please do not change)", FORMAT.TEXT, "header"),
    {
      address: cell(1, DETAILS.markerRow),
      rows: l.benefits ? 9 : 8,
      columns: 1,
      values: [["Template"], ["Partnership fingerprint"], ["Financial year"], ["Year starts"], ["Year ends"], ["Apprenticeship levy rate"], ["Recharge periods a year"], ["Post rows"], ...(l.benefits ? [["Benefit rows"]] : [])],
      columnFormats: [FORMAT.TEXT],
    },
    one(cell(v, DETAILS.markerRow), markerText(version), FORMAT.TEXT),
    one(cell(v, DETAILS.fingerprintRow), fingerprint, FORMAT.TEXT),
    one(cell(v, DETAILS.yearRow), p.year.label, FORMAT.TEXT),
    one(cell(v, DETAILS.yearStartRow), p.year.first, FORMAT.DATE),
    one(cell(v, DETAILS.yearEndRow), p.year.last, FORMAT.DATE),
    one(cell(v, DETAILS.levyRow), p.levyRate, FORMAT.PERCENT),
    one(cell(v, DETAILS.periodsRow), p.rechargePeriods, FORMAT.INTEGER),
    one(cell(v, DETAILS.postRowsRow), postRows, FORMAT.INTEGER),
    ...(l.benefits ? [one(cell(v, DETAILS.benefitRowsRow), benefitRows, FORMAT.INTEGER)] : []),
    {
      address: cell(1, l.authoritiesHeaderRow),
      rows: 1,
      columns: 3,
      values: [["Code", "Name", "Employer pension rate"]],
      columnFormats: [FORMAT.TEXT, FORMAT.TEXT, FORMAT.TEXT],
      style: "header",
    },
    {
      address: cell(1, l.firstAuthorityRow),
      rows: n,
      columns: 3,
      values: p.authorities.map((a) => [a.code, a.name, a.pensionRate]),
      columnFormats: [FORMAT.TEXT, FORMAT.TEXT, FORMAT.PERCENT],
    },
    { address: cell(1, l.headerRow), rows: 1, columns: l.last, values: [headers], columnFormats: new Array(l.last).fill(FORMAT.TEXT), style: "header" },
    {
      address: cell(1, l.firstPostRow),
      rows: postRows,
      columns: l.lastInput,
      values: Array.from({ length: postRows }, (_, i) => (i < prefill.length ? prefilledRow(l, p, prefill[i]) : new Array(l.lastInput).fill(null))),
      columnFormats: postInputFormats(l, {
        [l.oneOff]: FORMAT.MONEY,
        ...(l.salaryMax !== null ? { [l.salaryMax]: FORMAT.MONEY } : {}),
        ...(l.actualCost !== null ? { [l.actualCost]: FORMAT.MONEY } : {}),
      }),
      style: "input",
    },
    {
      address: cell(l.check, l.firstPostRow),
      rows: postRows,
      columns: l.last - l.check + 1,
      formulas: Array.from({ length: postRows }, (_, i) => rowFormulas(l, l.firstPostRow + i)),
      columnFormats: outputFormats(l),
    },
    one(cell(1, l.totalsTitleRow), `Totals per council, ${p.year.label}`, FORMAT.TEXT, "title"),
    {
      address: cell(1, l.totalsHeaderRow),
      rows: 1,
      columns: 9,
      values: [["Authority", "Name", "Share of joint posts", "Single posts", "Baseline", "Saving", "Recharges paid", "Recharges received", "Worse off?"]],
      columnFormats: new Array(9).fill(FORMAT.TEXT),
      style: "header",
    },
    { address: cell(1, l.firstTotalsRow), rows: n, columns: 2, values: p.authorities.map((a) => [a.code, a.name]), columnFormats: [FORMAT.TEXT, FORMAT.TEXT] },
    {
      address: cell(3, l.firstTotalsRow),
      rows: n,
      columns: 7,
      formulas: totals.perAuthority,
      columnFormats: [...new Array(6).fill(FORMAT.MONEY), FORMAT.GENERAL],
    },
    { address: cell(1, l.totalRow), rows: 1, columns: 2, values: [["Total", ""]], columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "header" },
    { address: cell(3, l.totalRow), rows: 1, columns: 6, formulas: [totals.total], columnFormats: new Array(6).fill(FORMAT.MONEY), style: "header" },
    {
      address: cell(1, l.noWorseRow),
      rows: 4,
      columns: 1,
      values: [["No council worse off"], ["Posts needing a Full Council pay vote"], ["One-off costs"], ["Payback of the one-off costs (years)"]],
      columnFormats: [FORMAT.TEXT],
      style: "header",
    },
    {
      address: cell(2, l.noWorseRow),
      rows: 4,
      columns: 1,
      formulas: totals.checks.map((f) => [f]),
      columnFormats: [FORMAT.GENERAL],
    },
    one(
      cell(1, l.assumedNoteRow),
      "Assumed baseline (cost-split rule 6): where a joint post gives no baseline, each council that takes a share is taken to have needed its own post at the same cost, and a council with no share none.",
      FORMAT.TEXT,
      "note",
    ),
    ...(l.benefits ? benefitBlocks(p, l, l.benefits, benefitPrefill) : []),
  ];

  const widths = new Array<number>(l.last).fill(14);
  widths[l.post - 1] = 36;
  widths[l.home - 1] = 18;
  widths[l.joint - 1] = 8;
  for (const c of l.share) widths[c - 1] = 11;
  widths[l.fte - 1] = 7;
  widths[l.check - 1] = 34;
  for (const c of [l.jointUsed, l.homeUsed, ...l.shareUsed, ...l.splitFloor, ...l.splitRemainder]) widths[c - 1] = 10;
  if (l.postId !== null) widths[l.postId - 1] = 18;
  if (l.benefits) widths[l.benefits.evidence - 1] = Math.max(widths[l.benefits.evidence - 1], 30);

  const inputs = range(1, l.firstPostRow, l.lastInput, l.lastPostRow);
  const benefitInputs = l.benefits ? [range(1, l.benefits.firstRow, l.benefits.lastInput, l.benefits.lastRow)] : [];
  return {
    layout: l,
    fingerprint,
    names: [{ name: TEMPLATE_NAME, reference: `=${quoteSheet(name)}!${DETAIL_CELLS.marker}`, comment: "Joint working template version marker", sheet: name }],
    sheet: {
      name,
      blocks,
      columnWidths: widths,
      validations: validations(p, l),
      hiddenColumns: [...l.splitFloor, ...l.splitRemainder],
      protection: { unlocked: [inputs, ...benefitInputs] },
    },
  };
}
