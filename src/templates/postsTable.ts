import { invalid } from "../core/errors";
import { cellText } from "../postlist/cells";
import { postsLayout, type PlannedPost } from "../workbook/postsSheet";

/**
 * The posts already in the JW Posts table, read back from its values (header row first) so a
 * consolidation can rewrite the table with them plus the new posts. Values are taken as they
 * stand (a salary edited in the table is kept), never re-judged: the table is the workbook's own.
 */

function text(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = cellText(v as never);
  return t.trim() === "" ? null : t;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === "") return null;
  return typeof v === "number" ? v : (v as number);
}

export function plannedPostsFromTable(values: readonly (readonly unknown[])[], codes: readonly string[]): PlannedPost[] {
  const l = postsLayout(codes);
  const header = (values[0] ?? []).map((h) => cellText(h as never).trim());
  // A table written before grade ranges has no Salary max column: its later columns sit one to the left.
  const legacy = header[l.salaryMax - 1] !== l.headers[l.salaryMax - 1] && header[l.salaryMax - 1] === l.headers[l.salaryMax];
  const position = (column: number) => (legacy && column > l.salaryMax ? column - 1 : column);
  const expected = (column: number) => l.headers[legacy && column >= l.salaryMax ? column : column - 1];
  for (let c = 1; c <= l.lastInput - (legacy ? 1 : 0); c++) {
    if (header[c - 1] !== expected(c)) {
      throw invalid(
        `The JW Posts table's columns do not match the partnership (column ${c} is "${header[c - 1] ?? ""}", expected "${expected(c)}"): the partnership's authorities have changed since the posts were imported. Import the posts again before consolidating.`,
      );
    }
  }
  const posts: PlannedPost[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const at = (column: number) => row[position(column) - 1];
    const inputs = row.slice(0, l.lastInput - (legacy ? 1 : 0));
    if (inputs.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) continue;
    const joint = String(at(l.joint) ?? "").trim().toUpperCase() === "Y";
    const shares = l.share.map((c) => num(at(c)));
    const baselines = l.baseline.map((c) => num(at(c)));
    posts.push({
      sourceRow: num(at(l.sourceRow)) ?? r + 1,
      id: text(at(l.id)),
      post: cellText((at(l.post) ?? "") as never),
      home: cellText((at(l.home) ?? "") as never).trim(),
      joint,
      shares: joint ? (shares as number[]) : null,
      salary: num(at(l.salary)) as number,
      salaryMax: legacy ? null : num(at(l.salaryMax)),
      fte: num(at(l.fte)) ?? 1,
      start: num(at(l.start)),
      end: num(at(l.end)),
      baselines,
      status: text(at(l.status)),
      source: text(at(l.source)),
    });
  }
  return posts;
}
