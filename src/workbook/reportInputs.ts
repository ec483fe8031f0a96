import { type Cell, type Grid, cellText } from "../postlist/cells";

/**
 * What officers type in the annual report (the principles' assessments and commentary, edited
 * wording, and the programme objectives), read back from the report sheet's cells so a refresh
 * can write them into the new report. Read by the table headers, not by fixed addresses, so a
 * report of another layout version, or one where rows were added, is still read.
 */
export interface PrincipleInput {
  /** 1-based number of the principle. */
  number: number;
  text: string;
  assessment: string;
  commentary: string;
}

export interface ObjectiveInput {
  objective: string;
  assessment: string;
  progress: string;
}

export interface ReportInputs {
  principles: PrincipleInput[];
  objectives: ObjectiveInput[];
}

export const PRINCIPLES_HEADER = ["No.", "Principle", "Assessment", "Commentary and evidence"] as const;
export const OBJECTIVES_HEADER = ["Objective", "Assessment", "Progress and evidence"] as const;

const text = (c: Cell) => cellText(c).trim();
const key = (c: Cell) => text(c).toLowerCase();

function findHeader(grid: Grid, header: readonly string[]): { row: number; column: number } | null {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (header.every((h, i) => key(row[c + i]) === h.toLowerCase())) return { row: r, column: c };
    }
  }
  return null;
}

export function readReportInputs(grid: Grid): ReportInputs {
  const principles: PrincipleInput[] = [];
  const p = findHeader(grid, PRINCIPLES_HEADER);
  if (p) {
    for (let r = p.row + 1; r < grid.length; r++) {
      const row = grid[r] ?? [];
      const n = Number(text(row[p.column]));
      if (!Number.isInteger(n) || n < 1) break;
      principles.push({ number: n, text: text(row[p.column + 1]), assessment: text(row[p.column + 2]), commentary: text(row[p.column + 3]) });
    }
  }
  const objectives: ObjectiveInput[] = [];
  const o = findHeader(grid, OBJECTIVES_HEADER);
  if (o) {
    for (let r = o.row + 1; r < grid.length; r++) {
      const row = grid[r] ?? [];
      const item = { objective: text(row[o.column]), assessment: text(row[o.column + 1]), progress: text(row[o.column + 2]) };
      if (item.objective || item.assessment || item.progress) objectives.push(item);
    }
  }
  return { principles, objectives };
}
