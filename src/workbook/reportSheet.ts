import { BENEFIT_KINDS } from "../core/benefits";
import { FORMAT, type Block, type PlannedValue, type SheetPlan, type ValidationPlan } from "./plan";
import { BENEFIT_SHEET, BENEFIT_TABLE, NAME, SHEET } from "./sheetNames";
import { cell, columnLetter, quoteSheet, range } from "./a1";
import type { PostsLayout } from "./postsSheet";
import type { SummaryLayout } from "./summarySheet";
import { benefitsColumn, kindLabel, type BenefitsLayout } from "./benefitsSheet";
import { PRINCIPLE_3_WITH_BENEFITS } from "./benefitsSummary";
import { ASSESSMENTS, PARTNERSHIP_PRINCIPLES, PRINCIPLES_WORDING_NOTE } from "./principles";
import { OBJECTIVES_HEADER, PRINCIPLES_HEADER, type ReportInputs } from "./reportInputs";
import { FIGURES_HEADER, FIGURE_ROWS, LAST_YEAR, READ_FROM, type PreviousFigures } from "./previousFigures";
import { benefitsOfKindFormula, cashableBenefitsFormula, noWorseWithCashableFormula, roundMoney } from "../formulas/index";

/**
 * The annual joint-working report for members and audit (the review's recommendation: outcomes,
 * achievements and savings, each principle assessed), one sheet printable on A4: the posts shared
 * and each council's saving with the total; other benefits by kind; each council's total benefit
 * and Principle 3's verdict, computed; last year's figures beside this year's when given; the
 * principles, pre-filled, with an assessment from a list and commentary; and the programme
 * objectives, a table officers extend. Every figure is a built-in formula over JW Posts, JW
 * Benefits and JW Summary; what officers type is carried into the next report by a refresh.
 */
export interface ReportSheetInput {
  authorities: readonly { code: string; name: string }[];
  yearLabel: string;
  posts: PostsLayout;
  /** Sheet rows of JW Posts holding joint posts (the posts shared), in order. */
  jointPostRows: readonly number[];
  summary: SummaryLayout;
  benefits: BenefitsLayout;
  benefitCount: number;
  /** What officers typed in the report being refreshed. */
  kept?: ReportInputs;
  previous?: PreviousFigures;
}

export interface ReportLayout {
  firstCouncilColumn: number;
  totalColumn: number;
  postsHeaderRow: number;
  postsTotalRow: number;
  kindsFirstRow: number;
  /** Rows of the "Figures per council" block. */
  figures: Record<keyof typeof FIGURE_ROWS, number> & { header: number };
  verdictCell: string;
  comparisonRows?: { measure: string; thisYear: number; lastYear: number; change: number }[];
  principlesHeaderRow: number;
  objectivesHeaderRow: number;
}

export const REPORT_VERDICT = {
  met: "Met: no council is worse off on post savings plus cashable benefits",
  notMet: "Not met: a council is worse off on post savings plus cashable benefits",
} as const;

const MONEY_COLUMNS = (n: number) => new Array(n + 1).fill(FORMAT.MONEY);

export function reportSheetPlan(input: ReportSheetInput): { sheet: SheetPlan; layout: ReportLayout } {
  const { authorities, posts, summary, benefits } = input;
  const n = authorities.length;
  const codes = authorities.map((a) => a.code);
  const D = 4;
  const T = D + n;
  const councilRange = (row: number) => range(D, row, T - 1, row);
  const totalOf = (row: number) => `=${roundMoney(`SUM(${councilRange(row)})`)}`;
  const blocks: Block[] = [];
  const validations: ValidationPlan[] = [];
  const breaks: number[] = [];
  const text = (row: number, column: number, values: PlannedValue[][], style?: Block["style"], wrap?: boolean) =>
    blocks.push({ address: cell(column, row), rows: values.length, columns: values[0].length, values, columnFormats: new Array(values[0].length).fill(FORMAT.TEXT), ...(style ? { style } : {}), ...(wrap ? { wrap } : {}) });
  const formulas = (row: number, column: number, f: string[][], formats: string[], style?: Block["style"]) =>
    blocks.push({ address: cell(column, row), rows: f.length, columns: f[0].length, formulas: f, columnFormats: formats, ...(style ? { style } : {}) });
  const councilHeader = (row: number, first: string[]) => text(row, 1, [[...first, ...codes, "Total"]], "header");
  const posts_ = (column: number, row: number) => `${quoteSheet(SHEET.posts)}!$${columnLetter(column)}$${row}`;
  const summaryCell = (column: number, row: number) => `${quoteSheet(SHEET.summary)}!$${columnLetter(column)}$${row}`;

  text(1, 1, [[`Joint working annual report ${input.yearLabel}`]], "title");
  text(2, 2, [[`${authorities.map((a) => a.name).join(" and ")}: outcomes, achievements and savings of the partnership, for the joint committee and the councils' scrutiny committees.`]], "note", true);
  text(3, 2, [[`Every figure is a live formula over the ${SHEET.posts}, ${BENEFIT_SHEET.benefits} and ${SHEET.summary} sheets (no add-in needed). The assessments, commentary and objectives are typed by officers and kept when the report is refreshed.`]], "note", true);

  // 1. The posts shared, each council's saving, the total (as the review's savings table).
  let r = 5;
  text(r, 1, [["1. Savings from shared posts"]], "title");
  const postsHeaderRow = r + 1;
  councilHeader(postsHeaderRow, ["No.", "Post", "Home"]);
  r = postsHeaderRow + 1;
  if (input.jointPostRows.length > 0) {
    blocks.push({ address: cell(1, r), rows: input.jointPostRows.length, columns: 1, values: input.jointPostRows.map((_, i) => [i + 1]), columnFormats: [FORMAT.INTEGER] });
    formulas(
      r,
      2,
      input.jointPostRows.map((row, i) => [
        `=${posts_(posts.post, row)}`,
        `=${posts_(posts.home, row)}`,
        ...codes.map((_, k) => `=${posts_(posts.saving[k], row)}`),
        totalOf(r + i),
      ]),
      [FORMAT.GENERAL, FORMAT.GENERAL, ...MONEY_COLUMNS(n)],
    );
    r += input.jointPostRows.length;
  } else {
    text(r, 2, [["No joint posts this year."]], "note");
    r++;
  }
  const postsTotalRow = r;
  text(r, 1, [["", "Total saving from shared posts", ""]], "header");
  formulas(r, D, [[...codes.map((_, k) => `=${summaryCell(summary.columns.saving, summary.firstAuthorityRow + k)}`), totalOf(r)]], MONEY_COLUMNS(n), "header");
  text(r + 1, 2, [["Each council's saving is its baseline less its share of the post's cost this year (cost-split rule 6); every figure is on JW Posts."]], "note", true);

  // 2. Other benefits by kind.
  r += 3;
  breaks.push(r);
  text(r, 1, [["2. Other benefits by kind"]], "title");
  councilHeader(r + 1, ["", "Kind", ""]);
  const kindsFirstRow = r + 2;
  const col = (c: number) => benefitsColumn(benefits, c, input.benefitCount);
  BENEFIT_KINDS.forEach((kind, i) => {
    const row = kindsFirstRow + i;
    text(row, 2, [[kindLabel(kind)]]);
    formulas(row, D, [[...codes.map((_, k) => `=${benefitsOfKindFormula(col(benefits.part[k]), col(benefits.kind), `$B$${row}`)}`), totalOf(row)]], MONEY_COLUMNS(n));
  });
  r = kindsFirstRow + BENEFIT_KINDS.length;
  text(r, 1, [["", "Total other benefits", ""]], "header");
  formulas(r, D, [[...codes.map((_, k) => `=${roundMoney(`SUM(${range(D + k, kindsFirstRow, D + k, r - 1)})`)}`), totalOf(r)]], MONEY_COLUMNS(n), "header");
  text(r + 1, 2, [["of which cashable"]]);
  formulas(r + 1, D, [[...codes.map((_, k) => `=${cashableBenefitsFormula(col(benefits.part[k]), col(benefits.cashable))}`), totalOf(r + 1)]], MONEY_COLUMNS(n));
  text(r + 2, 2, [[`Each benefit counts for the days of the year it covers and is split by its shares to the penny (cost-split rule 12); every benefit, with its evidence, is on ${BENEFIT_SHEET.benefits}.`]], "note", true);

  // 3. Each council's figures and Principle 3's verdict: the block last year's comparison reads.
  r += 4;
  breaks.push(r);
  text(r, 1, [["3. Total benefit and Principle 3"]], "title");
  const figuresHeader = r + 1;
  councilHeader(figuresHeader, [FIGURES_HEADER, "", ""]);
  const b = summary.benefits!;
  const sourceColumn: Record<keyof typeof FIGURE_ROWS, number> = {
    postSaving: b.columns.postSaving,
    cashable: b.columns.cashable,
    nonCashable: b.columns.nonCashable,
    otherBenefits: b.columns.otherBenefits,
    totalBenefit: b.columns.totalBenefit,
    savingWithCashable: b.columns.savingWithCashable,
  };
  const figures = { header: figuresHeader } as ReportLayout["figures"];
  (Object.keys(FIGURE_ROWS) as (keyof typeof FIGURE_ROWS)[]).forEach((key, i) => {
    const row = figuresHeader + 1 + i;
    figures[key] = row;
    text(row, 1, [[FIGURE_ROWS[key]]]);
    formulas(row, D, [[...codes.map((_, k) => `=${summaryCell(sourceColumn[key], b.firstAuthorityRow + k)}`), totalOf(row)]], MONEY_COLUMNS(n), key === "totalBenefit" ? "header" : undefined);
  });
  const verdictRow = figures.savingWithCashable + 1;
  text(verdictRow, 1, [["Principle 3: no council worse off"]], "header");
  const verdictCell = cell(D, verdictRow);
  formulas(verdictRow, D, [[`=IF(${noWorseWithCashableFormula(councilRange(figures.savingWithCashable), NAME.noWorseTolerance)},"${REPORT_VERDICT.met}","${REPORT_VERDICT.notMet}")`]], [FORMAT.GENERAL], "header");
  text(verdictRow + 2, 2, [[PRINCIPLE_3_WITH_BENEFITS]], "note", true);
  r = verdictRow + 4;

  // 4. Last year's figures, when last year's report or workbook is given.
  let comparisonRows: ReportLayout["comparisonRows"];
  if (input.previous) {
    const previous = input.previous;
    const lastLabel = previous.year ?? LAST_YEAR;
    text(r, 1, [[`4. Comparison with ${lastLabel}`]], "title");
    councilHeader(r + 1, ["", "", ""]);
    comparisonRows = [];
    let row = r + 2;
    const measures = [
      { label: FIGURE_ROWS.postSaving, from: figures.postSaving, pick: (p: { postSaving: number }) => p.postSaving },
      { label: FIGURE_ROWS.otherBenefits, from: figures.otherBenefits, pick: (p: { otherBenefits: number }) => p.otherBenefits },
      { label: FIGURE_ROWS.totalBenefit, from: figures.totalBenefit, pick: (p: { totalBenefit: number }) => p.totalBenefit },
    ];
    for (const m of measures) {
      text(row, 1, [[`${m.label} ${input.yearLabel}`], [`${m.label} ${lastLabel}`], ["Change"]]);
      formulas(row, D, [[...codes.map((_, k) => `=${cell(D + k, m.from)}`), totalOf(row)]], MONEY_COLUMNS(n));
      const last = codes.map((code) => {
        const p = previous.authorities.get(code);
        return p ? m.pick(p) : null;
      });
      blocks.push({ address: cell(D, row + 1), rows: 1, columns: n, values: [last], columnFormats: new Array(n).fill(FORMAT.MONEY) });
      formulas(row + 1, T, [[totalOf(row + 1)]], [FORMAT.MONEY]);
      formulas(row + 2, D, [Array.from({ length: n + 1 }, (_, k) => `=IF(ISNUMBER(${cell(D + k, row + 1)}),${roundMoney(`${cell(D + k, row)}-${cell(D + k, row + 1)}`)},"")`)], MONEY_COLUMNS(n), "header");
      comparisonRows.push({ measure: m.label, thisYear: row, lastYear: row + 1, change: row + 2 });
      row += 3;
    }
    const missing = codes.filter((c) => !previous.authorities.has(c));
    text(row, 2, [[`${READ_FROM}${previous.from}${missing.length ? `; not in them: ${missing.join(", ")} (its change is left blank)` : ""}.`]], "note", true);
    r = row + 2;
  }

  // 5. The principles, each assessed from a list, with commentary; officers' text kept by a refresh.
  breaks.push(r);
  text(r, 1, [[`${input.previous ? 5 : 4}. Partnership principles`]], "title");
  const principlesHeaderRow = r + 1;
  text(principlesHeaderRow, 1, [[...PRINCIPLES_HEADER]], "header");
  const kept = new Map((input.kept?.principles ?? []).map((p) => [p.number, p]));
  const principleRows = PARTNERSHIP_PRINCIPLES.map((wording, i) => {
    const k = kept.get(i + 1);
    return { number: i + 1, text: k?.text || wording, assessment: k?.assessment ?? "", commentary: k?.commentary ?? "" };
  });
  // A principle an officer added beyond the nine is kept too.
  for (const k of input.kept?.principles ?? []) if (k.number > PARTNERSHIP_PRINCIPLES.length) principleRows.push({ ...k });
  const firstPrinciple = principlesHeaderRow + 1;
  blocks.push({ address: cell(1, firstPrinciple), rows: principleRows.length, columns: 1, values: principleRows.map((p) => [p.number]), columnFormats: [FORMAT.INTEGER] });
  text(firstPrinciple, 2, principleRows.map((p) => [p.text]), undefined, true);
  blocks.push({ address: cell(3, firstPrinciple), rows: principleRows.length, columns: 2, values: principleRows.map((p) => [p.assessment, p.commentary]), columnFormats: [FORMAT.TEXT, FORMAT.TEXT], style: "input", wrap: true });
  const lastPrinciple = firstPrinciple + principleRows.length - 1;
  validations.push(assessmentList(range(3, firstPrinciple, 3, lastPrinciple)));
  text(lastPrinciple + 1, 2, [[PRINCIPLES_WORDING_NOTE]], "note", true);

  // 6. Programme objectives: a table that grows as officers type below it; nothing is written under it.
  r = lastPrinciple + 3;
  breaks.push(r);
  text(r, 1, [[`${input.previous ? 6 : 5}. Programme objectives`]], "title");
  text(r + 1, 2, [["Add a row for each programme objective: the table grows as you type below it."]], "note");
  const objectivesHeaderRow = r + 2;
  text(objectivesHeaderRow, 2, [[...OBJECTIVES_HEADER]], "header");
  const objectives = input.kept?.objectives.length ? input.kept.objectives : Array.from({ length: 5 }, () => ({ objective: "", assessment: "", progress: "" }));
  blocks.push({
    address: cell(2, objectivesHeaderRow + 1),
    rows: objectives.length,
    columns: 3,
    values: objectives.map((o) => [o.objective, o.assessment, o.progress]),
    columnFormats: [FORMAT.TEXT, FORMAT.TEXT, FORMAT.TEXT],
    style: "input",
    wrap: true,
  });
  const lastObjective = objectivesHeaderRow + objectives.length;
  validations.push(assessmentList(range(3, objectivesHeaderRow + 1, 3, lastObjective + 200)));

  return {
    layout: {
      firstCouncilColumn: D,
      totalColumn: T,
      postsHeaderRow,
      postsTotalRow,
      kindsFirstRow,
      figures,
      verdictCell,
      ...(comparisonRows ? { comparisonRows } : {}),
      principlesHeaderRow,
      objectivesHeaderRow,
    },
    sheet: {
      name: BENEFIT_SHEET.report,
      blocks,
      table: { name: BENEFIT_TABLE.objectives, address: range(2, objectivesHeaderRow, 4, lastObjective) },
      columnWidths: [6, 46, 12, 30, ...new Array(n).fill(16)],
      validations,
      print: { orientation: "portrait", fitToWidth: true, titleRows: "1:1", pageBreaksBefore: breaks },
    },
  };
}

function assessmentList(address: string): ValidationPlan {
  return {
    address,
    rule: { kind: "list", source: ASSESSMENTS },
    error: { style: "stop", title: "Assessment", message: `Choose one of: ${ASSESSMENTS.join(", ")}.` },
    prompt: { title: "Assessment", message: `${ASSESSMENTS.join(", ")}. Say why in the commentary.` },
  };
}
