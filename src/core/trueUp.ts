import { invalid } from "./errors";
import { roundScaled } from "./money";
import { splitPence } from "./split";

/**
 * Rule 15 (year-end true-up), in integer pence; written as formulas in src/formulas/trueUp.ts.
 *
 * A post is every row with the same Post ID (a re-based post has two dated rows). Its estimate E
 * is the sum of its rows' costs this year; its outturn A is the one actual cost the ledger gives.
 * Within tolerance (|A − E| ≤ tolerance × E) nothing moves. Otherwise A is split across the rows
 * by their estimates (rule 3), each row's part of A is split by the row's shares as its estimate
 * was, and each partner's adjustment is its part of A minus its part of E; the home council's own
 * part is not invoiced. A single row (or the single period of a post that became joint) leaves all
 * of its difference with its home council, so only joint rows move money.
 *
 * Nothing is guessed: an outturn for a Post ID the list does not have, a joint post with no
 * outturn or no Post ID, and a post whose estimate is 0 (its dates miss the year, so its outturn
 * cannot be split across its rows) are listed with the reason.
 */

export const DEFAULT_TRUE_UP_TOLERANCE = 0.03;

/** Digits the tolerance band is rounded to before the comparison, as the formula's ROUND(…, 6). */
const BAND_DIGITS = 1e6;

/** One row of the post list as the true-up needs it. */
export interface TrueUpRowInput {
  /** Post ID as given (matched trimmed, case ignored, as Excel's "=" compares text), or null. */
  postId: string | null;
  /** Position of the home authority. */
  homeIndex: number;
  /** Joint rows: weights per authority (the row's shares); single rows: null. */
  shares: readonly number[] | null;
  /** The row's cost this year, pence (≥ 0). */
  estimate: number;
}

export interface OutturnInput {
  postId: string;
  /** The actual employment cost for the year, pence (≥ 0). */
  actual: number;
}

/** What happened to a row of the post list. */
export type TrueUpStatus = "adjust" | "within" | "noOutturn" | "noEstimate" | "single" | "noPostId";

export interface TrueUpRow {
  status: TrueUpStatus;
  /** The row's part of the post's outturn (pence); 0 unless the post was compared (adjust or within). */
  outturn: number;
  /** Per authority: part of the row's outturn − part of its estimate, the home council's own part included. */
  difference: number[];
  /** Per authority: what it owes the row's home council (negative: a credit); the home council's own 0. */
  adjustments: number[];
}

export interface PostTrueUp {
  postId: string;
  /** Indexes of its rows in the input, in order. */
  rows: number[];
  /** Index of its outturn in the outturn input. */
  outturnIndex: number;
  estimate: number;
  outturn: number;
  difference: number;
  withinTolerance: boolean;
  /** Per authority, summed over the post's rows. */
  adjustments: number[];
}

export interface AuthorityTrueUp {
  /** Its adjustments as a partner on other councils' posts (negative: credits due to it). */
  pays: number;
  /** Adjustments owed to it as home council. */
  receives: number;
  /** pays − receives. */
  net: number;
}

export type UnmatchedReason = "noPost" | "singlePost" | "noOutturn" | "noPostId" | "noEstimate";

export interface Unmatched {
  reason: UnmatchedReason;
  postId: string | null;
  /** Outturn rows: its index in the outturn input; post rows: null. */
  outturnIndex: number | null;
  /** Post rows concerned (indexes in the row input); none for an outturn with no post. */
  rows: number[];
}

export interface TrueUp {
  tolerance: number;
  rows: TrueUpRow[];
  /** Joint posts compared with their outturn, in the order of their first row. */
  posts: PostTrueUp[];
  authorities: AuthorityTrueUp[];
  /** owed[p][h]: what authority p owes authority h as home council (negative: h credits p). */
  owed: number[][];
  unmatched: Unmatched[];
}

/** How Post IDs match: trimmed, case ignored. */
export function postKey(postId: string): string {
  return postId.trim().toLowerCase();
}

/** Throws unless the tolerance is a rate from 0 to 1 (3% is 0.03). */
export function checkTolerance(tolerance: number, name = "tolerance"): number {
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 1) {
    throw invalid(`${name} is ${tolerance}: give a rate from 0 to 1 (3% is 0.03).`);
  }
  return tolerance;
}

/**
 * |A − E| ≤ tolerance × E, in pence, with the band rounded to a millionth of a penny first (as the
 * formula's ROUND(…, 6)), so that an outturn exactly at the tolerance is inside it in every engine.
 */
export function withinTolerance(estimate: number, outturn: number, tolerance: number): boolean {
  const band = roundScaled(tolerance * estimate * BAND_DIGITS) / BAND_DIGITS;
  return Math.abs(outturn - estimate) <= band;
}

/** A row's parts of an amount: split by its shares, or all to its home council. */
function rowParts(amount: number, row: TrueUpRowInput, n: number): number[] {
  if (row.shares !== null) return splitPence(amount, row.shares);
  const parts = new Array<number>(n).fill(0);
  parts[row.homeIndex] = amount;
  return parts;
}

function emptyRow(status: TrueUpStatus, n: number): TrueUpRow {
  return { status, outturn: 0, difference: new Array<number>(n).fill(0), adjustments: new Array<number>(n).fill(0) };
}

export function trueUp(rows: readonly TrueUpRowInput[], outturns: readonly OutturnInput[], authorities: number, tolerance = DEFAULT_TRUE_UP_TOLERANCE): TrueUp {
  checkTolerance(tolerance);
  const n = authorities;
  const result: TrueUp = {
    tolerance,
    rows: rows.map((r) => emptyRow(r.postId === null ? (r.shares === null ? "single" : "noPostId") : "single", n)),
    posts: [],
    authorities: Array.from({ length: n }, () => ({ pays: 0, receives: 0, net: 0 })),
    owed: Array.from({ length: n }, () => new Array<number>(n).fill(0)),
    unmatched: [],
  };

  // Rows by post, in the order of each post's first row.
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.postId === null) return;
    const k = postKey(r.postId);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const outturnByKey = new Map<string, number>();
  outturns.forEach((o, j) => {
    const k = postKey(o.postId);
    if (!outturnByKey.has(k)) outturnByKey.set(k, j);
  });

  outturns.forEach((o, j) => {
    const k = postKey(o.postId);
    const postRows = byKey.get(k);
    if (!postRows) result.unmatched.push({ reason: "noPost", postId: o.postId, outturnIndex: j, rows: [] });
    else if (postRows.every((i) => rows[i].shares === null)) result.unmatched.push({ reason: "singlePost", postId: o.postId, outturnIndex: j, rows: postRows });
  });

  for (const [k, postRows] of byKey) {
    if (postRows.every((i) => rows[i].shares === null)) continue;
    const postId = rows[postRows[0]].postId as string;
    const j = outturnByKey.get(k);
    if (j === undefined) {
      for (const i of postRows) result.rows[i].status = "noOutturn";
      result.unmatched.push({ reason: "noOutturn", postId, outturnIndex: null, rows: postRows });
      continue;
    }
    let estimate = 0;
    for (const i of postRows) estimate += rows[i].estimate;
    if (estimate === 0) {
      for (const i of postRows) result.rows[i].status = "noEstimate";
      result.unmatched.push({ reason: "noEstimate", postId, outturnIndex: j, rows: postRows });
      continue;
    }
    const outturn = outturns[j].actual;
    const within = withinTolerance(estimate, outturn, tolerance);
    const rowOutturns = postRows.length === 1 ? [outturn] : splitPence(outturn, postRows.map((i) => rows[i].estimate));
    const adjustments = new Array<number>(n).fill(0);
    postRows.forEach((i, r) => {
      const row = rows[i];
      const out = result.rows[i];
      out.status = within ? "within" : "adjust";
      out.outturn = rowOutturns[r];
      if (within) return;
      const actualParts = rowParts(rowOutturns[r], row, n);
      const estimateParts = rowParts(row.estimate, row, n);
      for (let a = 0; a < n; a++) {
        out.difference[a] = actualParts[a] - estimateParts[a];
        if (a === row.homeIndex) continue;
        out.adjustments[a] = out.difference[a];
        adjustments[a] += out.difference[a];
        result.owed[a][row.homeIndex] += out.difference[a];
      }
    });
    result.posts.push({ postId, rows: postRows, outturnIndex: j, estimate, outturn, difference: outturn - estimate, withinTolerance: within, adjustments });
  }

  rows.forEach((r, i) => {
    if (r.postId === null && r.shares !== null) result.unmatched.push({ reason: "noPostId", postId: null, outturnIndex: null, rows: [i] });
  });
  for (let p = 0; p < n; p++) {
    for (let h = 0; h < n; h++) {
      result.authorities[p].pays += result.owed[p][h];
      result.authorities[h].receives += result.owed[p][h];
    }
  }
  for (const a of result.authorities) a.net = a.pays - a.receives;
  return result;
}
