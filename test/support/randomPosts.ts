/**
 * Random partnerships and post lists for the differential tests of the written formulas: 2 to 5
 * councils, awkward shares (thirds, sevenths, ties, zeros, odd decimals), part years across leap
 * years, every tax year of the NI table, salaries and FTEs with pence and odd fractions. Seeded:
 * the same list for the same seed, so a failure replays.
 */
import { makePartnership, type Partnership } from "../../src/postlist/partnership";
import type { Post } from "../../src/postlist/post";
import { niTable } from "../../src/core/onCosts";
import { random } from "./generatedPostList";

const CODES = ["AAA", "BBB", "CCC", "DDD", "EEE"];

export function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function between(rnd: () => number, low: number, high: number): number {
  return low + Math.floor(rnd() * (high - low + 1));
}

/** Shares for n councils: fractions that a finance officer could type, adding up to about 1. */
export function awkwardShares(rnd: () => number, n: number): number[] {
  const kind = rnd();
  if (kind < 0.15) return Array.from({ length: n }, () => 1 / n); // thirds, sevenths…: binary noise in the sum
  if (kind < 0.3) {
    // Percentages with two decimals, adding to exactly 100%.
    const cuts = Array.from({ length: n - 1 }, () => between(rnd, 0, 10000)).sort((a, b) => a - b);
    const bounds = [0, ...cuts, 10000];
    return bounds.slice(1).map((b, i) => (b - bounds[i]) / 10000);
  }
  if (kind < 0.45) {
    // Ties made on purpose: equal shares beside others, some councils with none.
    const base = Array.from({ length: n }, (_, i): number => (i % 2 === 0 ? 1 : rnd() < 0.5 ? 1 : 0) as number);
    if (!base.some((x) => x > 0)) base[0] = 1;
    const sum = base.reduce((a, b) => a + b, 0);
    return base.map((x) => x / sum);
  }
  if (kind < 0.6) {
    const pairs = [[0.61, 0.39], [0.7, 0.3], [0.1, 0.9], [0.74, 0.26], [0.82, 0.18], [0.333333, 0.666667], [0.5, 0.5], [0.99, 0.01], [0, 1], [1, 0]];
    const pair = pick(rnd, pairs);
    return Array.from({ length: n }, (_, i) => (i < 2 ? pair[i] : 0));
  }
  if (kind < 0.75) {
    const tenths = [[0.1, 0.2, 0.7], [0.3, 0.3, 0.4], [0.15, 0.35, 0.5], [0.25, 0.25, 0.5], [0.2, 0.2, 0.2, 0.2, 0.2], [0.45, 0.45, 0.1]];
    const fits = tenths.filter((t) => t.length <= n);
    const row: number[] = fits.length > 0 ? pick(rnd, fits) : [0.3, 0.7];
    return Array.from({ length: n }, (_, i) => row[i] ?? 0);
  }
  // Any weights, normalised (a basis such as population), to six decimals as typed.
  const weights: number[] = Array.from({ length: n }, () => between(rnd, 0, 400000));
  if (!weights.some((x) => x > 0)) weights[n - 1] = 1;
  const sum = weights.reduce((a, b) => a + b, 0);
  const millionths = weights.map((w) => Math.round((w / sum) * 1e6));
  millionths[n - 1] += 1e6 - millionths.reduce((a, b) => a + b, 0);
  if (millionths[n - 1] < 0) return Array.from({ length: n }, () => 1 / n);
  return millionths.map((m) => m / 1e6);
}

export interface RandomCase {
  partnership: Partnership;
  posts: Post[];
}

/** One partnership (n councils, a year of the NI table) and `count` posts for it. */
export function randomCase(seed: number, count: number, options: { councils?: number; startYear?: number } = {}): RandomCase {
  const rnd = random(seed);
  const n = options.councils ?? between(rnd, 2, 5);
  const years = niTable().map((t) => t.startYear);
  const startYear = options.startYear ?? pick(rnd, years);
  const partnership = makePartnership(
    CODES.slice(0, n).map((code, i) => ({ code, name: `Council ${code}`, pensionRate: pick(rnd, [0.199, 0.165, 0.2, 0.185, 0.155, 0.213, 0.1775, 0.0]) + i * 0.001 })),
    { year: startYear, levyRate: pick(rnd, [0.005, 0.005, 0.0045, 0.01]) },
  );
  const { first, last } = partnership.year;
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    const joint = rnd() < 0.75;
    const homeIndex = between(rnd, 0, n - 1);
    // Dates: often blank; some before or after the year (clamped), some on 29 February.
    const date = () => between(rnd, first - 40, last + 40);
    let start: number | null = rnd() < 0.5 ? null : date();
    let end: number | null = rnd() < 0.7 ? null : date();
    if (start !== null && end !== null && end < start) [start, end] = [end, start];
    const pence = between(rnd, 0, 99) / 100;
    const salary = pick(rnd, [between(rnd, 12000, 250000) + pence, between(rnd, 95000, 105000), 100000, 99999.99, 190000, 117912, 144228]);
    const fte = pick(rnd, [1, 1, 1, 0.5, 0.8, 0.6, 0.53, 0.6667, 0.4, 0.81, 0.2]);
    const baselines = Array.from({ length: n }, () => (joint && rnd() < 0.3 ? between(rnd, 10000, 200000) + between(rnd, 0, 99) / 100 : null));
    // A grade range on some posts (rule 13), its top sometimes crossing the pay-vote threshold.
    const salaryMax = rnd() < 0.3 ? pick(rnd, [salary, salary + between(rnd, 1, 30000) + between(rnd, 0, 99) / 100, 144228]) : null;
    posts.push({
      row: i + 2,
      id: `P${i + 1}`,
      title: `Post ${i + 1}`,
      home: partnership.authorities[homeIndex].code,
      homeIndex,
      joint,
      shares: joint ? awkwardShares(rnd, n) : null,
      salary,
      salaryMax: salaryMax !== null && salaryMax < salary ? salary : salaryMax,
      fte,
      start,
      end,
      baselines,
      status: null,
    });
  }
  return { partnership, posts };
}
