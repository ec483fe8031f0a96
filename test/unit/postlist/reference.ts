/**
 * An independent reckoning of the costing rules for the tests, in exact integer arithmetic
 * (BigInt pence, rates as whole numbers over a denominator). It shares no code with src/: it
 * follows cost-split-rules.md and post-list.md step by step, so the tests check the pipeline
 * against the rules rather than against itself.
 */

/** n / d rounded half away from zero (d > 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  return neg ? -q : q;
}

/** A rate or fraction as an exact ratio: "0.199" → 199/1000, "13.8%" → 138/1000. */
export function ratio(text: string): [bigint, bigint] {
  let t = text.trim();
  let den = 1n;
  if (t.endsWith("%")) {
    t = t.slice(0, -1);
    den = 100n;
  }
  const [whole, frac = ""] = t.split(".");
  return [BigInt(whole + frac), den * 10n ** BigInt(frac.length)];
}

const NI: Record<string, { threshold: bigint; rate: string }> = {
  "2018/19": { threshold: 842400n, rate: "13.8%" },
  "2019/20": { threshold: 863200n, rate: "13.8%" },
  "2022/23": { threshold: 910000n, rate: "14.53%" },
  "2023/24": { threshold: 910000n, rate: "13.8%" },
  "2025/26": { threshold: 500000n, rate: "15%" },
};

/** Employment cost in pence (rule 4): P = round(salary × FTE); NI, pension and levy each rounded. */
export function employmentCost(salaryPounds: string, fte: string, year: string, pensionRate: string, levyRate = "0.005"): bigint {
  const [sn, sd] = ratio(salaryPounds);
  const [fn, fd] = ratio(fte);
  const pay = roundDiv(sn * fn * 100n, sd * fd);
  const { threshold, rate } = NI[year];
  const [rn, rd] = ratio(rate);
  const above = pay > threshold ? pay - threshold : 0n;
  const ni = roundDiv(above * rn, rd);
  const [pn, pd] = ratio(pensionRate);
  const pension = roundDiv(pay * pn, pd);
  const [ln, ld] = ratio(levyRate);
  const levy = roundDiv(pay * ln, ld);
  return pay + ni + pension + levy;
}

/** Days from one ISO date to another, inclusive. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Pro rata by days (rule 5): amount × days ÷ days in the year, to the penny. */
export function proRata(amount: bigint, days: number, yearDays: number): bigint {
  return roundDiv(amount * BigInt(days), BigInt(yearDays));
}

/** Largest-remainder split (rule 3) of a non-negative amount by whole-number weights. */
export function split(amount: bigint, weights: number[]): bigint[] {
  const w = weights.map(BigInt);
  const sum = w.reduce((a, b) => a + b, 0n);
  const parts = w.map((x) => (amount * x) / sum);
  const rem = w.map((x) => (amount * x) % sum);
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  const order = rem.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (let k = 0; left > 0n; k++, left--) parts[order[k].i] += 1n;
  return parts;
}

export const pounds = (pence: bigint): number => Number(pence) / 100;
