import type { Post, Problem } from "../postlist/post";
import type { Grid } from "../postlist/cells";
import { cellText } from "../postlist/cells";
import type { PlannedPost } from "./postsSheet";
import type { RejectedRecord } from "./issuesSheet";

/** An accepted post as the Posts table holds it. */
export function plannedPost(post: Post): PlannedPost {
  return {
    sourceRow: post.row,
    id: post.id,
    post: post.title,
    home: post.home,
    joint: post.joint,
    shares: post.shares,
    salary: post.salary,
    salaryMax: post.salaryMax,
    fte: post.fte,
    start: post.start,
    end: post.end,
    baselines: post.baselines,
    status: post.status,
    source: post.source ?? null,
  };
}

/**
 * Rejected rows grouped by record, with the record's cells as text for the issues sheet.
 * `grids` gives each source's grid and the spreadsheet row number of its first line.
 */
export function rejectedRecords(problems: readonly Problem[], grids: ReadonlyMap<string, { grid: Grid; firstRowNumber: number }>): RejectedRecord[] {
  const byRecord = new Map<string, RejectedRecord & { problems: { column: string; message: string }[] }>();
  for (const p of problems) {
    const key = `${p.source ?? ""}\u0000${p.row}`;
    let record = byRecord.get(key);
    if (!record) {
      const source = grids.get(p.source ?? "");
      const line = source ? source.grid[p.row - source.firstRowNumber] : undefined;
      record = { row: p.row, source: p.source ?? null, problems: [], cells: (line ?? []).map((c) => cellText(c)) };
      byRecord.set(key, record);
    }
    record.problems.push({ column: p.column, message: p.message });
  }
  return [...byRecord.values()];
}
