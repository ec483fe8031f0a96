import { invalid } from "../core/errors";
import { type Cell, type Grid, cellText } from "../postlist/cells";

/**
 * Last year's figures for the report's comparison, read from last year's report (its "Figures per
 * council" block) or, failing that, last year's workbook (its Summary). Read by labels, not fixed
 * addresses. A formula cell is read by its saved result: a file written by the add-in and never
 * opened has none, and is refused with what to do.
 */
export interface PreviousAuthority {
  postSaving: number;
  otherBenefits: number;
  totalBenefit: number;
}

export interface PreviousFigures {
  /** "2018/19", from the sheet's title, or null when it does not say. */
  year: string | null;
  /** By authority code. */
  authorities: Map<string, PreviousAuthority>;
  /** Where they came from, for the report's note. */
  from: string;
}

export const FIGURES_HEADER = "Figures per council";
export const FIGURE_ROWS = {
  postSaving: "Post saving",
  cashable: "Cashable benefits",
  nonCashable: "Non-cashable benefits",
  otherBenefits: "Other benefits",
  totalBenefit: "Total benefit",
  savingWithCashable: "Post saving + cashable benefits",
} as const;

const text = (c: Cell) => cellText(c).trim();

/** The report's words around last year's figures, written by reportSheet.ts and read back here. */
export const LAST_YEAR = "last year";
export const READ_FROM = "Last year's figures as read from ";

function yearIn(grid: Grid): string | null {
  for (let r = 0; r < Math.min(grid.length, 5); r++) {
    for (const c of grid[r] ?? []) {
      const m = /\b(\d{4}\/\d{2})\b/.exec(text(c));
      if (m) return m[1];
    }
  }
  return null;
}

/**
 * A figure as saved. A formula's saved 0 reads back as no result (exceljs drops it), exactly as a
 * formula never calculated does: so a blank is 0 when the block holds some saved figure, and the
 * whole block is refused when it holds none (a file written by the add-in and never opened).
 */
function money(c: Cell, where: string, file: string): number | null {
  if (typeof c === "number" && Number.isFinite(c)) return c;
  if (c === null || c === undefined || text(c) === "") return null;
  throw invalid(`${file}: ${where} is ${JSON.stringify(text(c))}, not an amount: give last year's report or workbook as the add-in wrote it.`);
}

function settle(raw: Map<string, { postSaving: number | null; otherBenefits: number | null; totalBenefit: number | null }>, file: string): Map<string, PreviousAuthority> {
  const all = [...raw.values()].flatMap((a) => [a.postSaving, a.otherBenefits, a.totalBenefit]);
  if (all.length > 0 && all.every((v) => v === null)) {
    throw invalid(`${file} has no saved figures (a workbook the add-in wrote and nobody has opened yet keeps no results): open it in Excel or LibreOffice, save it, and give it again.`);
  }
  const out = new Map<string, PreviousAuthority>();
  for (const [code, a] of raw) out.set(code, { postSaving: a.postSaving ?? 0, otherBenefits: a.otherBenefits ?? 0, totalBenefit: a.totalBenefit ?? 0 });
  return out;
}

/** From last year's report: the block headed "Figures per council", codes across, figures down. */
export function previousFromReport(grid: Grid, file: string): PreviousFigures | null {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (text(row[0]) !== FIGURES_HEADER) continue;
    const codes: { code: string; column: number }[] = [];
    for (let c = 1; c < row.length; c++) {
      const code = text(row[c]);
      if (code === "Total") break;
      if (code !== "") codes.push({ code, column: c });
    }
    const rows = new Map<string, readonly Cell[]>();
    for (let k = r + 1; k < grid.length && text(grid[k]?.[0]) !== ""; k++) rows.set(text(grid[k][0]), grid[k]);
    const line = (label: string) => {
      const found = rows.get(label);
      if (!found) throw invalid(`${file}: the report's "${FIGURES_HEADER}" block has no "${label}" row.`);
      return found;
    };
    const authorities = new Map<string, { postSaving: number | null; otherBenefits: number | null; totalBenefit: number | null }>();
    for (const { code, column } of codes) {
      authorities.set(code, {
        postSaving: money(line(FIGURE_ROWS.postSaving)[column], `${code}'s ${FIGURE_ROWS.postSaving.toLowerCase()}`, file),
        otherBenefits: money(line(FIGURE_ROWS.otherBenefits)[column], `${code}'s ${FIGURE_ROWS.otherBenefits.toLowerCase()}`, file),
        totalBenefit: money(line(FIGURE_ROWS.totalBenefit)[column], `${code}'s ${FIGURE_ROWS.totalBenefit.toLowerCase()}`, file),
      });
    }
    return { year: yearIn(grid), authorities: settle(authorities, file), from: file };
  }
  return null;
}

/** From last year's workbook: the Summary's benefits section if it has one, else its savings. */
export function previousFromSummary(grid: Grid, file: string): PreviousFigures | null {
  const headerRows = grid.map((row, r) => ({ r, headers: (row ?? []).map(text) })).filter((x) => x.headers[0] === "Authority");
  const benefits = headerRows.find((x) => x.headers.includes("Total benefit"));
  const posts = headerRows.find((x) => x.headers.includes("Saving"));
  if (!benefits && !posts) return null;
  const authorities = new Map<string, { postSaving: number | null; otherBenefits: number | null; totalBenefit: number | null }>();
  const pick = benefits ?? posts!;
  const col = (name: string) => pick.headers.indexOf(name);
  for (let r = pick.r + 1; r < grid.length; r++) {
    const code = text(grid[r]?.[0]);
    if (code === "" || code === "Total") break;
    const row = grid[r];
    if (benefits) {
      authorities.set(code, {
        postSaving: money(row[col("Post saving")], `${code}'s post saving`, file),
        otherBenefits: money(row[col("Other benefits")], `${code}'s other benefits`, file),
        totalBenefit: money(row[col("Total benefit")], `${code}'s total benefit`, file),
      });
    } else {
      const saving = money(row[col("Saving")], `${code}'s saving`, file);
      authorities.set(code, { postSaving: saving, otherBenefits: 0, totalBenefit: saving });
    }
  }
  return { year: yearIn(grid), authorities: settle(authorities, file), from: file };
}

/**
 * Last year's figures as a report of this add-in already shows them (its comparison block), so a
 * rewrite of the report keeps the comparison without asking for last year's file again. Null when
 * the report has no comparison.
 */
export function previousKeptInReport(grid: Grid): PreviousFigures | null {
  const title = grid.findIndex((row) => /^\d+\. Comparison with /.test(text(row?.[0])));
  if (title < 0) return null;
  const lastLabel = text(grid[title][0]).replace(/^\d+\. Comparison with /, "");
  const header = grid[title + 1] ?? [];
  const codes: { code: string; column: number }[] = [];
  for (let c = 3; c < header.length && text(header[c]) !== "Total"; c++) if (text(header[c]) !== "") codes.push({ code: text(header[c]), column: c });
  const rowOf = (label: string) => grid.slice(title + 2).find((row) => text(row?.[0]) === `${label} ${lastLabel}`) ?? [];
  const figure = (row: readonly Cell[], column: number) => (typeof row[column] === "number" ? (row[column] as number) : null);
  const measures = { postSaving: rowOf(FIGURE_ROWS.postSaving), otherBenefits: rowOf(FIGURE_ROWS.otherBenefits), totalBenefit: rowOf(FIGURE_ROWS.totalBenefit) };
  const authorities = new Map<string, PreviousAuthority>();
  for (const { code, column } of codes) {
    const postSaving = figure(measures.postSaving, column);
    const otherBenefits = figure(measures.otherBenefits, column);
    const totalBenefit = figure(measures.totalBenefit, column);
    // A council last year's figures did not have was written blank: it stays missing.
    if (postSaving === null && otherBenefits === null && totalBenefit === null) continue;
    authorities.set(code, { postSaving: postSaving ?? 0, otherBenefits: otherBenefits ?? 0, totalBenefit: totalBenefit ?? 0 });
  }
  const note = grid.slice(title + 2).map((row) => text(row?.[1])).find((t) => t.startsWith(READ_FROM)) ?? "";
  const from = note.slice(READ_FROM.length).replace(/(; not in them: .*|\.)$/, "") || "last year's report";
  return { year: lastLabel === LAST_YEAR ? null : lastLabel, authorities, from };
}
