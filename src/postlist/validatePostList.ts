import { invalid } from "../core/errors";
import { isoFromSerial } from "../core/dates";
import { type Cell, type Grid, EXCEL_CELL_TEXT, cellText, isBlank, isBlankRow, shown, shownHeaders } from "./cells";
import { type ColumnMapping, type PostField, FIELD_LABELS, checkMapping, proposeMapping } from "./columnMapping";
import { type Authority, type Partnership, findAuthority } from "./partnership";
import type { Post, Problem } from "./post";
import { exampleSplit, readBaseline, readDate, readFte, readJoint, readShare, readSplit } from "./values";
import { type SalaryRange, readSalaryRange } from "./salaryRange";

/**
 * Checks every row of a post list and turns each into a Post or a list of problems
 * (post-list.md). Blank rows are skipped; every other row is accepted or rejected, never dropped.
 */

export interface PostListInput {
  grid: Grid;
  /** The column mapping; proposed from the headers when not given. */
  mapping?: ColumnMapping;
  /** 0-based index of the header row in the grid; default the first non-blank row. */
  headerRow?: number;
  /** Spreadsheet row number of grid[0] (default 1: a file, or a range starting in row 1). */
  firstRowNumber?: number;
  /** File or sheet name, copied to posts and problems. */
  source?: string;
}

export interface CheckedList {
  source?: string;
  headers: string[];
  headerRowNumber: number;
  mapping: ColumnMapping;
}

export interface PostListValidation {
  /** Accepted posts, in the order of the lists and rows. */
  posts: Post[];
  /** Every problem of every rejected row, by list, row and column. */
  rejected: Problem[];
  /** Each list's headers and the mapping used. */
  lists: CheckedList[];
}

/** Two fractions adding up to one, allowing for binary error in decimals such as 0.1 + 0.2. */
const SUM_TOLERANCE = 1e-9;

function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}

interface Registered {
  post: Post;
  from: number;
  to: number;
}

function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/** How far down a sheet the header row is looked for (title rows above it are common). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The header row of a grid (0-based): the first of its top rows in which every required field
 * is recognised, or else its first non-blank row (whose headers the user then maps by hand).
 * Returns grid.length for a grid with no non-blank row.
 */
export function findHeaderRow(grid: Grid, authorities: readonly Authority[]): number {
  let first = -1;
  for (let r = 0; r < grid.length && r < HEADER_SEARCH_ROWS; r++) {
    if (isBlankRow(grid[r])) continue;
    if (first < 0) first = r;
    if (proposeMapping(grid[r], authorities).missing.length === 0) return r;
  }
  if (first >= 0) return first;
  let r = 0;
  while (r < grid.length && isBlankRow(grid[r])) r++;
  return r;
}

/** Validates one post list. Throws a RuleError when the mapping is incomplete. */
export function validatePostList(grid: Grid, partnership: Partnership, options: Omit<PostListInput, "grid"> = {}): PostListValidation {
  return validatePostLists([{ grid, ...options }], partnership);
}

/**
 * Validates several post lists for one partnership (post ids are unique across them all).
 * Throws a RuleError when a list has no header row or its mapping is incomplete.
 */
export function validatePostLists(inputs: readonly PostListInput[], partnership: Partnership): PostListValidation {
  const result: PostListValidation = { posts: [], rejected: [], lists: [] };
  const ids = new Map<string, Registered[]>();
  for (const input of inputs) checkList(input, partnership, result, ids);
  return result;
}

function checkList(input: PostListInput, partnership: Partnership, result: PostListValidation, ids: Map<string, Registered[]>): void {
  const { grid, source } = input;
  const where = source ? ` (${source})` : "";
  const h = input.headerRow ?? findHeaderRow(grid, partnership.authorities);
  if (h >= grid.length) throw invalid(`The post list${where} is empty: it needs a header row (Post, Home authority, Joint, Salary …) and one row per post.`);
  const firstRowNumber = input.firstRowNumber ?? 1;
  const headerCells: readonly Cell[] = grid[h];
  const headers = headerCells.map((c) => cellText(c).trim());
  const authorities = partnership.authorities;
  const mapping = input.mapping ?? proposeMapping(headerCells, authorities).mapping;
  const mappingProblems = checkMapping(mapping, headerCells, authorities);
  if (mappingProblems.length > 0) {
    throw invalid(`The post list${where} cannot be read: ${mappingProblems.slice(0, 10).join(" ")} Its headers are ${shownHeaders(headers)}; map the columns, or rename the headers (Post, Home authority, Joint, Salary, Share ${authorities[0].code} …).`);
  }
  result.lists.push({ source, headers, headerRowNumber: firstRowNumber + h, mapping });

  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const checked = checkRow(row, firstRowNumber + r, headers, mapping, partnership, source);
    if ("problems" in checked) {
      const problems = checked.problems;
      const dup = checked.id === null || checked.range === null ? null : duplicateProblem(checked.id, checked.range, ids, firstRowNumber + r, mapping, headers, source);
      if (dup) problems.push(dup);
      problems.sort((a, b) => (a.columnIndex ?? Infinity) - (b.columnIndex ?? Infinity));
      result.rejected.push(...problems);
      continue;
    }
    const post = checked.post;
    const range = { from: post.start ?? partnership.year.first, to: post.end ?? partnership.year.last };
    if (post.id !== null) {
      const dup = duplicateProblem(post.id, range, ids, post.row, mapping, headers, source);
      if (dup) {
        result.rejected.push(dup);
        continue;
      }
      const k = idKey(post.id);
      const list = ids.get(k) ?? [];
      list.push({ post, ...range });
      ids.set(k, list);
    }
    result.posts.push(post);
  }
}

function duplicateProblem(
  id: string,
  range: { from: number; to: number },
  ids: Map<string, Registered[]>,
  row: number,
  mapping: ColumnMapping,
  headers: string[],
  source: string | undefined,
): Problem | null {
  const earlier = ids.get(idKey(id));
  if (!earlier) return null;
  const clash = earlier.find((e) => e.from <= range.to && range.from <= e.to);
  if (!clash) return null;
  const column = mapping.fields.postId ?? null;
  const other = clash.post.source !== undefined && clash.post.source !== source ? `row ${clash.post.row} of ${clash.post.source}` : `row ${clash.post.row}`;
  return {
    source,
    row,
    column: column === null ? FIELD_LABELS.postId : headers[column],
    columnIndex: column,
    message: `Post ID ${shown(id)} is already used on ${other} for dates that overlap (${isoFromSerial(clash.from)} to ${isoFromSerial(clash.to)}): a post id may repeat only for a re-based split, on rows whose dates do not overlap. Give this post its own id, or set each row's Start and End.`,
  };
}

type RowCheck = { post: Post } | { problems: Problem[]; id: string | null; range: { from: number; to: number } | null };

function checkRow(
  row: readonly Cell[],
  rowNumber: number,
  headers: string[],
  mapping: ColumnMapping,
  partnership: Partnership,
  source: string | undefined,
): RowCheck {
  const authorities = partnership.authorities;
  const codes = authorities.map((a) => a.code);
  const problems: Problem[] = [];
  const col = (field: PostField) => mapping.fields[field];
  const cellAt = (c: number | undefined): Cell => (c === undefined ? null : (row[c] ?? null));
  const cell = (field: PostField): Cell => cellAt(col(field));
  const label = (c: number | undefined, fallback: string) => (c === undefined ? fallback : headers[c] || fallback);
  const add = (c: number | undefined | null, message: string, column?: string) => {
    const index = c === undefined ? null : c;
    problems.push({ source, row: rowNumber, column: column ?? (index === null ? "" : headers[index]), columnIndex: index, message });
  };
  const fieldLabel = (field: PostField) => label(col(field), FIELD_LABELS[field]);

  // Post: required, text kept exactly as written.
  const titleCell = cell("post");
  let title = "";
  if (isBlank(titleCell)) add(col("post"), `${fieldLabel("post")} is blank: give the post's title.`);
  else title = cellText(titleCell);

  const idCell = cell("postId");
  const id = isBlank(idCell) ? null : cellText(idCell).trim();

  // Text is written to one Excel cell each, which holds at most 32,767 characters.
  for (const field of ["post", "postId", "status"] as const) {
    const text = cellText(cell(field));
    if (text.length > EXCEL_CELL_TEXT) {
      add(col(field), `${fieldLabel(field)} is ${text.length.toLocaleString("en-GB")} characters long: an Excel cell holds at most ${EXCEL_CELL_TEXT.toLocaleString("en-GB")}. Shorten it (or check that a quote (") is not left open before it), then import again.`);
    }
  }

  // Home authority: a code or name of the partnership.
  const homeCell = cell("home");
  const list = () => authorities.map((a) => `${a.code} (${a.name})`).join(", ");
  let homeIndex = -1;
  if (isBlank(homeCell)) add(col("home"), `${fieldLabel("home")} is blank: give the authority that employs the post holder, one of ${list()}.`);
  else {
    homeIndex = findAuthority(authorities, cellText(homeCell));
    if (homeIndex < 0) add(col("home"), `${fieldLabel("home")} ${shown(cellText(homeCell))} is not an authority of this partnership: use one of ${list()}, or add the authority to the partnership.`);
  }

  const joint = readJoint(cell("joint"), fieldLabel("joint"));
  if (!joint.ok) add(col("joint"), joint.problem);

  const salary = readSalaryRange(cell("salary"), fieldLabel("salary"), cell("salaryMax"), fieldLabel("salaryMax"));
  if (!salary.ok) for (const p of salary.problems) add(col(p.column), p.message);

  const fte = readFte(cell("fte"), fieldLabel("fte"));
  if (!fte.ok) add(col("fte"), fte.problem);

  const start = readDate(cell("start"), fieldLabel("start"));
  if (!start.ok) add(col("start"), start.problem);
  const end = readDate(cell("end"), fieldLabel("end"));
  if (!end.ok) add(col("end"), end.problem);
  if (start.ok && end.ok && start.value !== null && end.value !== null && end.value < start.value) {
    add(col("end"), `${fieldLabel("end")} ${isoFromSerial(end.value)} is before ${fieldLabel("start")} ${isoFromSerial(start.value)}: the end date must be on or after the start date.`);
  }

  const statusCell = cell("status");
  const status = isBlank(statusCell) ? null : cellText(statusCell).trim();

  let shares: number[] | null = null;
  const baselines: (number | null)[] = authorities.map(() => null);
  if (joint.ok && joint.value) {
    shares = checkShares(row, mapping, headers, codes, add, fieldLabel("joint"), col("joint"));
    for (let i = 0; i < authorities.length; i++) {
      const c = mapping.baselines[codes[i]];
      if (c === undefined) continue;
      const b = readBaseline(cellAt(c), label(c, `Baseline ${codes[i]}`));
      if (!b.ok) add(c, b.problem);
      else baselines[i] = b.value;
    }
  }

  const range = start.ok && end.ok && !(start.value !== null && end.value !== null && end.value < start.value)
    ? { from: start.value ?? partnership.year.first, to: end.value ?? partnership.year.last }
    : null;
  if (problems.length > 0) return { problems, id, range };
  return {
    post: {
      ...(source !== undefined ? { source } : {}),
      row: rowNumber,
      id,
      title,
      home: codes[homeIndex],
      homeIndex,
      joint: (joint as { value: boolean }).value,
      shares,
      salary: (salary as { value: SalaryRange }).value.salary,
      salaryMax: (salary as { value: SalaryRange }).value.salaryMax,
      fte: (fte as { value: number }).value,
      start: (start as { value: number | null }).value,
      end: (end as { value: number | null }).value,
      baselines,
      status,
    },
  };
}

/**
 * A joint post's shares: from the share columns (blank is 0 when others are given) or the Split
 * column. An agreed split must add up to 100% (or 1). Returns null after adding a problem.
 */
function checkShares(
  row: readonly Cell[],
  mapping: ColumnMapping,
  headers: string[],
  codes: readonly string[],
  add: (c: number | undefined | null, message: string, column?: string) => void,
  jointLabel: string,
  jointColumn: number | undefined,
): number[] | null {
  let fromColumns: number[] | null = null;
  let columnsOk = true;
  let anyGiven = false;
  const values: number[] = [];
  const shareColumns: number[] = [];
  for (const code of codes) {
    const c = mapping.shares[code];
    if (c === undefined) {
      values.push(0);
      continue;
    }
    shareColumns.push(c);
    const s = readShare(row[c] ?? null, headers[c] || `Share ${code}`);
    if (!s.ok) {
      add(c, s.problem);
      columnsOk = false;
      values.push(0);
      continue;
    }
    if (s.value !== null) anyGiven = true;
    values.push(s.value ?? 0);
  }
  if (anyGiven && columnsOk) {
    const sum = values.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      const names = shareColumns.map((c) => headers[c]).join(", ");
      add(shareColumns[0], `The shares (${names}) add up to ${percentText(sum)}: an agreed split must add up to 100% (or 1). Correct the shares so they add up to 100%.`, names);
      columnsOk = false;
    } else fromColumns = values;
  }

  const splitColumn = mapping.fields.split;
  const splitCell: Cell = splitColumn === undefined ? null : (row[splitColumn] ?? null);
  let fromSplit: number[] | null = null;
  let splitOk = true;
  if (splitColumn !== undefined && !isBlank(splitCell)) {
    const splitLabel = headers[splitColumn] || "Split";
    const s = readSplit(splitCell, splitLabel, codes);
    if (!s.ok) {
      add(splitColumn, s.problem);
      splitOk = false;
    } else {
      const sum = s.value.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        add(splitColumn, `${splitLabel} ${shown(cellText(splitCell))} adds up to ${percentText(sum)}: an agreed split must add up to 100%. Correct it (for example ${codes.length === 2 ? "60/40" : exampleSplit(codes.length)}), listing the authorities in partnership order (${codes.join("/")}).`);
        splitOk = false;
      } else fromSplit = s.value;
    }
  }

  if (fromSplit && fromColumns) {
    const same = fromSplit.every((v, i) => Math.abs(v - fromColumns![i]) <= SUM_TOLERANCE);
    if (!same) {
      add(splitColumn, `${headers[splitColumn!] || "Split"} ${shown(cellText(splitCell))} does not match the share columns (${fromColumns.map(percentText).join("/")}): give the split once, or make them agree.`);
      return null;
    }
    return fromColumns;
  }
  if (fromColumns) return fromColumns;
  if (fromSplit) return fromSplit;
  if (columnsOk && splitOk && !anyGiven) {
    const where = splitColumn !== undefined ? splitColumn : shareColumns.length > 0 ? shareColumns[0] : jointColumn;
    const how = `give its split in ${splitColumn !== undefined ? `the ${headers[splitColumn] || "Split"} column (for example ${exampleSplit(codes.length)}, in the order ${codes.join("/")})` : shareColumns.length > 0 ? `the share columns (${shareColumns.map((c) => headers[c]).join(", ")}), as 0.5 or 50%` : `a Split column (${exampleSplit(codes.length)}) or a share column per authority (Share ${codes[0]} …)`}`;
    add(where, `This is a joint post (${jointLabel}) but no shares are given: ${how}, or mark it as a single post.`);
  }
  return null;
}
