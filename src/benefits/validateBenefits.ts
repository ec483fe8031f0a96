import { invalid } from "../core/errors";
import { isoFromSerial } from "../core/dates";
import { BENEFIT_KINDS, type BenefitKind } from "../core/benefits";
import { type Cell, type Grid, EXCEL_CELL_TEXT, cellText, isBlank, isBlankRow, shown, shownHeaders } from "../postlist/cells";
import { type Partnership, findAuthority } from "../postlist/partnership";
import type { Problem } from "../postlist/post";
import { fractionFromCell, moneyFromCell, readDate, readShare } from "../postlist/values";
import { HEADER_SEARCH_ROWS } from "../postlist/validatePostList";
import type { Benefit } from "./benefit";
import { type BenefitField, type BenefitMapping, BENEFIT_FIELD_LABELS, proposeBenefitMapping } from "./columnMapping";

/**
 * Checks every row of a benefits register (rule 12) and turns each into a Benefit or a list of
 * problems, each with its row and reason. Blank rows are skipped; every other row is accepted or
 * rejected, never dropped.
 */
export interface BenefitListInput {
  grid: Grid;
  mapping?: BenefitMapping;
  headerRow?: number;
  firstRowNumber?: number;
  source?: string;
}

export interface BenefitValidation {
  benefits: Benefit[];
  rejected: Problem[];
  /** Each register's headers (for the issues listing). */
  lists: { source?: string; headers: string[]; headerRowNumber: number; mapping: BenefitMapping }[];
}

const SUM_TOLERANCE = 1e-9;

const KIND_BY_KEY = new Map<string, BenefitKind>(BENEFIT_KINDS.map((k) => [k.replace(/[^a-z]/g, ""), k]));

function kindList(): string {
  return BENEFIT_KINDS.map((k) => k[0].toUpperCase() + k.slice(1)).join(", ");
}

const YES = new Set(["y", "yes", "true", "cashable", "cash"]);
const NO = new Set(["n", "no", "false", "noncashable", "notcashable"]);

function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(6))}%`;
}

/** The first of the top rows where Benefit and Amount are recognised, else the first non-blank row. */
export function findBenefitHeaderRow(grid: Grid, partnership: Partnership): number {
  let first = -1;
  for (let r = 0; r < grid.length && r < HEADER_SEARCH_ROWS; r++) {
    if (isBlankRow(grid[r])) continue;
    if (first < 0) first = r;
    if (proposeBenefitMapping(grid[r], partnership.authorities).missing.length === 0) return r;
  }
  return first >= 0 ? first : grid.length;
}

export function validateBenefitLists(inputs: readonly BenefitListInput[], partnership: Partnership): BenefitValidation {
  const result: BenefitValidation = { benefits: [], rejected: [], lists: [] };
  for (const input of inputs) checkList(input, partnership, result);
  return result;
}

export function validateBenefits(grid: Grid, partnership: Partnership, options: Omit<BenefitListInput, "grid"> = {}): BenefitValidation {
  return validateBenefitLists([{ grid, ...options }], partnership);
}

function checkList(input: BenefitListInput, partnership: Partnership, result: BenefitValidation): void {
  const { grid, source } = input;
  const where = source ? ` (${source})` : "";
  const h = input.headerRow ?? findBenefitHeaderRow(grid, partnership);
  if (h >= grid.length) throw invalid(`The benefits register${where} is empty: it needs a header row (Benefit, Kind, Amount, Share ${partnership.authorities[0].code} …) and one row per benefit.`);
  const firstRowNumber = input.firstRowNumber ?? 1;
  const headers = grid[h].map((c) => cellText(c).trim());
  const mapping = input.mapping ?? proposeBenefitMapping(grid[h], partnership.authorities).mapping;
  const missing = (["benefit", "amount"] as const).filter((f) => mapping.fields[f] === undefined);
  if (missing.length > 0) {
    throw invalid(`The benefits register${where} cannot be read: no column for ${missing.map((f) => BENEFIT_FIELD_LABELS[f]).join(" or ")}. Its headers are ${shownHeaders(headers)}; give the columns Benefit, Kind, Amount, Share ${partnership.authorities.map((a) => a.code).join(", Share ")}, Start, End, Cashable, Evidence.`);
  }
  result.lists.push({ source, headers, headerRowNumber: firstRowNumber + h, mapping });
  for (let r = h + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const checked = checkRow(row, firstRowNumber + r, headers, mapping, partnership, source);
    if ("problems" in checked) result.rejected.push(...checked.problems);
    else result.benefits.push(checked.benefit);
  }
}

function checkRow(
  row: readonly Cell[],
  rowNumber: number,
  headers: string[],
  mapping: BenefitMapping,
  partnership: Partnership,
  source: string | undefined,
): { benefit: Benefit } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const col = (f: BenefitField) => mapping.fields[f];
  const cellAt = (c: number | undefined): Cell => (c === undefined ? null : (row[c] ?? null));
  const cell = (f: BenefitField) => cellAt(col(f));
  const label = (f: BenefitField) => {
    const c = col(f);
    return c === undefined ? BENEFIT_FIELD_LABELS[f] : headers[c] || BENEFIT_FIELD_LABELS[f];
  };
  const add = (c: number | undefined | null, message: string, column?: string) => {
    const index = c === undefined || c === null ? null : c;
    problems.push({ ...(source !== undefined ? { source } : {}), row: rowNumber, column: column ?? (index === null ? "" : headers[index]), columnIndex: index, message });
  };

  let title = "";
  if (isBlank(cell("benefit"))) add(col("benefit"), `${label("benefit")} is blank: describe the benefit (for example "Emergency planning provided by OCC").`);
  else title = cellText(cell("benefit"));
  const evidence = isBlank(cell("evidence")) ? null : cellText(cell("evidence")).trim();
  for (const f of ["benefit", "evidence"] as const) {
    const text = cellText(cell(f));
    if (text.length > EXCEL_CELL_TEXT) add(col(f), `${label(f)} is ${text.length.toLocaleString("en-GB")} characters long: an Excel cell holds at most ${EXCEL_CELL_TEXT.toLocaleString("en-GB")}. Shorten it, then import again.`);
  }

  let kind: BenefitKind = "other";
  const kindCell = cell("kind");
  if (!isBlank(kindCell)) {
    const found = KIND_BY_KEY.get(cellText(kindCell).toLowerCase().replace(/[^a-z]/g, ""));
    if (found) kind = found;
    else add(col("kind"), `${label("kind")} ${shown(kindCell)} is not a kind of benefit: use one of ${kindList()}.`);
  }

  let amount = 0;
  const amountCell = cell("amount");
  if (isBlank(amountCell)) add(col("amount"), `${label("amount")} is blank: give the benefit's annual amount in pounds (for example 20000 or £20,000).`);
  else {
    const value = moneyFromCell(amountCell);
    if (value === null) add(col("amount"), `${label("amount")} ${shown(amountCell)} is not an amount: write the annual amount as a number, for example 20000 or £20,000.`);
    else amount = value;
  }

  const shares = checkShares(row, mapping, headers, partnership, add, cellAt(col("council")), col("council"), label("council"));

  const start = readDate(cell("start"), label("start"));
  if (!start.ok) add(col("start"), start.problem);
  const end = readDate(cell("end"), label("end"));
  if (!end.ok) add(col("end"), end.problem);
  if (start.ok && end.ok && start.value !== null && end.value !== null && end.value < start.value) {
    add(col("end"), `${label("end")} ${isoFromSerial(end.value)} is before ${label("start")} ${isoFromSerial(start.value)}: the end date must be on or after the start date.`);
  }

  let cashable = false;
  const cashCell = cell("cashable");
  if (typeof cashCell === "boolean") cashable = cashCell;
  else if (!isBlank(cashCell)) {
    const t = cellText(cashCell).toLowerCase().replace(/[^a-z]/g, "");
    if (YES.has(t)) cashable = true;
    else if (!NO.has(t)) add(col("cashable"), `${label("cashable")} ${shown(cashCell)} is not understood: write Y (cashable: money no longer spent or now received) or N (not cashable, such as a cost avoided). Blank is N.`);
  }

  problems.sort((a, b) => (a.columnIndex ?? Infinity) - (b.columnIndex ?? Infinity));
  if (problems.length > 0 || shares === null) return { problems };
  return {
    benefit: {
      ...(source !== undefined ? { source } : {}),
      row: rowNumber,
      title,
      kind,
      amount,
      shares,
      start: (start as { value: number | null }).value,
      end: (end as { value: number | null }).value,
      cashable,
      evidence,
    },
  };
}

/**
 * Who the benefit falls to: the share columns (blank is 0 when others are given, adding up to
 * 100%), or a Council column naming the one council it falls to (100%). Null after a problem.
 */
function checkShares(
  row: readonly Cell[],
  mapping: BenefitMapping,
  headers: string[],
  partnership: Partnership,
  add: (c: number | undefined | null, message: string, column?: string) => void,
  councilCell: Cell,
  councilColumn: number | undefined,
  councilLabel: string,
): number[] | null {
  const authorities = partnership.authorities;
  const codes = authorities.map((a) => a.code);
  const list = authorities.map((a) => `${a.code} (${a.name})`).join(", ");
  let ok = true;
  for (const u of mapping.unknownShares) {
    const v = row[u.column] ?? null;
    if (isBlank(v)) continue;
    const f = fractionFromCell(v);
    if (f !== null && f.value === 0) continue;
    add(u.column, `${headers[u.column]} gives a share to "${u.name}", which is not a council of this partnership (${list}): give the shares of the partnership's councils only, or add the council to the partnership.`);
    ok = false;
  }
  const values = codes.map(() => 0);
  const shareColumns: number[] = [];
  let anyGiven = false;
  codes.forEach((code, i) => {
    const c = mapping.shares[code];
    if (c === undefined) return;
    shareColumns.push(c);
    const s = readShare(row[c] ?? null, headers[c] || `Share ${code}`);
    if (!s.ok) {
      add(c, s.problem);
      ok = false;
    } else if (s.value !== null) {
      anyGiven = true;
      values[i] = s.value;
    }
  });
  let fromColumns: number[] | null = null;
  if (ok && anyGiven) {
    const sum = values.reduce((a, b) => a + b, 0);
    const names = shareColumns.map((c) => headers[c]).join(", ");
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      add(shareColumns[0], `The shares (${names}) add up to ${percentText(sum)}: a benefit's shares must add up to 100% (a benefit to one council alone is 100% to it). Correct the shares.`, names);
      ok = false;
    } else fromColumns = values;
  }
  let fromCouncil: number[] | null = null;
  if (councilColumn !== undefined && !isBlank(councilCell)) {
    const i = findAuthority(authorities, cellText(councilCell));
    if (i < 0) {
      add(councilColumn, `${councilLabel} ${shown(councilCell)} is not a council of this partnership: use one of ${list}, or give a share per council instead.`);
      ok = false;
    } else fromCouncil = codes.map((_, k) => (k === i ? 1 : 0));
  }
  if (!ok) return null;
  if (fromColumns && fromCouncil) {
    if (fromColumns.some((v, k) => Math.abs(v - fromCouncil![k]) > SUM_TOLERANCE)) {
      add(councilColumn, `${councilLabel} ${shown(councilCell)} says the benefit falls wholly to one council, but the share columns split it (${fromColumns.map(percentText).join("/")}): give one or the other.`);
      return null;
    }
    return fromColumns;
  }
  if (fromColumns) return fromColumns;
  if (fromCouncil) return fromCouncil;
  add(shareColumns[0] ?? councilColumn ?? null, `No shares are given: say how the benefit falls to the councils, as a share per council (Share ${codes.join(", Share ")}; 100% to one council when it alone benefits).`, shareColumns.length ? shareColumns.map((c) => headers[c]).join(", ") : "Shares");
  return null;
}
