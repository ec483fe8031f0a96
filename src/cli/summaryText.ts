import { isoFromSerial } from "../core/dates";
import { salaryAt } from "../core/gradeRange";
import { toPence } from "../core/money";
import type { Partnership, PostListImport, ProjectedYear } from "../postlist/index";

/** The readable summary jw-summary prints without --json. */

export function formatPounds(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString("en-GB");
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, "0")}`;
}

function table(rows: string[][], rightAligned: (col: number) => boolean): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join("  ").trimEnd())
    .join("\n");
}

function oneLine(text: string, max = 48): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function summaryText(result: PostListImport, partnership: Partnership): string {
  const { summary, costs, validation } = result;
  const codes = partnership.authorities.map((a) => a.code);
  const out: string[] = [];
  out.push(`Joint working summary, financial year ${summary.year} (levy ${Number((partnership.levyRate * 100).toFixed(4))}%)`);
  out.push("");
  const rows = [["Authority", "", "Share of joint costs", "Single posts", "Baseline", "Saving"]];
  for (const a of summary.authorities) rows.push([a.code, a.name, formatPounds(a.jointCostShare), formatPounds(a.singlePostCost), formatPounds(a.baseline), formatPounds(a.saving)]);
  const t = summary.total;
  rows.push(["Total", "", formatPounds(t.jointCostShare), formatPounds(t.singlePostCost), formatPounds(t.baseline), formatPounds(t.saving)]);
  out.push(table(rows, (i) => i >= 2));
  out.push("");
  const ranged = costs.some((c) => c.post.salaryMax !== null && c.post.salaryMax !== c.post.salary);
  const verdict = (s: typeof summary) => (s.noWorse ? "yes" : "NO: " + s.authorities.filter((a) => a.saving < 0).map((a) => `${a.code} saving ${formatPounds(a.saving)}`).join(", "));
  if (ranged) {
    const high = result.high.summary;
    out.push("At the top of the grade ranges (rule 13; posts without a range at their salary):");
    const highRows = [["Authority", "", "Share of joint costs", "Single posts", "Baseline", "Saving"]];
    for (const a of high.authorities) highRows.push([a.code, a.name, formatPounds(a.jointCostShare), formatPounds(a.singlePostCost), formatPounds(a.baseline), formatPounds(a.saving)]);
    highRows.push(["Total", "", formatPounds(high.total.jointCostShare), formatPounds(high.total.singlePostCost), formatPounds(high.total.baseline), formatPounds(high.total.saving)]);
    out.push(table(highRows, (i) => i >= 2));
    out.push("");
    out.push(`No partner worse off at the bottom of the ranges: ${verdict(summary)}`);
    out.push(`No partner worse off at the top of the ranges: ${verdict(high)}`);
  } else out.push(`No partner worse off: ${verdict(summary)}`);
  if (summary.assumedBaselines > 0) {
    out.push(`Baselines assumed (rule 6: each authority taking a share would have needed its own post at the same cost): ${summary.assumedBaselines} authority share${summary.assumedBaselines === 1 ? "" : "s"} of joint posts, marked * below.`);
  }
  out.push("");

  out.push(`Posts (${costs.length} accepted, ${new Set(validation.rejected.map((p) => `${p.source}|${p.row}`)).size} rejected)`);
  const several = validation.lists.length > 1;
  const postRows = [["Row", "Post ID", "Post", "Home", "Joint", "Dates", "Annual cost", "Cost this year", ...codes.map((c) => `${c} part`), ...codes.map((c) => `${c} saving`)]];
  for (const c of costs) {
    const p = c.post;
    const dates = p.start === null && p.end === null ? "whole year" : `${p.start === null ? "" : isoFromSerial(p.start)}–${p.end === null ? "" : isoFromSerial(p.end)}`;
    postRows.push([
      several ? `${p.source}:${p.row}` : String(p.row),
      p.id ?? "",
      oneLine(p.title),
      p.home,
      p.joint ? "joint" : "single",
      dates,
      formatPounds(c.annualCost),
      formatPounds(c.costThisYear),
      ...c.parts.map(formatPounds),
      ...codes.map((_, i) => (c.savings === null ? "" : `${formatPounds(c.savings[i])}${c.assumedBaselines?.[i] ? "*" : ""}`)),
    ]);
  }
  out.push(table(postRows, (i) => i === 0 || i >= 6));
  out.push("");

  if (summary.payVotes.length > 0) {
    out.push("Full Council pay vote needed (salary package of £100,000 or more, rule 9; on a grade range, its top):");
    for (const c of summary.payVotes) {
      const top = toPence(salaryAt(c.post.salary, c.post.salaryMax, "high") * c.post.fte);
      const range = top === c.employment.pay ? formatPounds(top) : `${formatPounds(c.employment.pay)} to ${formatPounds(top)}`;
      out.push(`  ${several ? `${c.post.source} ` : ""}row ${c.post.row}${c.post.id ? ` ${c.post.id}` : ""} ${oneLine(c.post.title)}: ${range}`);
    }
    out.push("");
  }

  if (validation.rejected.length > 0) {
    out.push("Rejected rows (fix them in the file and run again):");
    for (const p of validation.rejected) out.push(`  ${several ? `${p.source} ` : ""}row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.message}`);
    out.push("");
  }
  return out.join("\n");
}

/** The projection (rule 14) as jw-summary prints it after the summary. */
export function projectionText(years: readonly ProjectedYear[]): string {
  if (years.length === 0) return "";
  const codes = years[0].summary.authorities.map((a) => a.code);
  const out: string[] = [`Projection over ${years.length} year${years.length === 1 ? "" : "s"} (rule 14; savings per year, and cumulative)`];
  const rows = [["Year", "Pay award", ...codes.map((c) => `${c} saving`), "Total saving", "Cumulative", "No partner worse off"]];
  let cumulative = 0;
  for (const y of years) {
    cumulative += y.summary.total.saving;
    rows.push([y.year.label, y === years[0] ? "(today)" : `${Number((y.award * 100).toFixed(6))}%`, ...y.summary.authorities.map((a) => formatPounds(a.saving)), formatPounds(y.summary.total.saving), formatPounds(cumulative), y.summary.noWorse ? "yes" : "NO"]);
  }
  out.push(table(rows, (i) => i >= 1 && i < rows[0].length - 1));
  const assumed = years.flatMap((y) => y.assumed.filter((a) => a.startsWith("Employer NI")));
  for (const a of assumed) out.push(`Assumed: ${a}`);
  out.push("");
  return out.join("\n");
}
