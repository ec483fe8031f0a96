/**
 * The benchmark harness: ratios measured side by side in one process, with warm-up and several
 * repetitions, quoting the median. Single timings swing widely on a shared machine; running the
 * two sides alternately (A then B, then B then A) and taking the median of the per-repetition
 * ratios cancels most of that drift.
 */
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";

/** One line of the results table. */
export interface Result {
  /** The section's number and short name, such as "1 HyperFormula". */
  section: string;
  /** What was compared, such as "SPLITCOST vs ROUND: full recalculation". */
  measure: string;
  /** The size of the work, such as "10,000 rows". */
  work: string;
  /** Our side's median time (ms), or the measured size; for display only. */
  ours: string;
  /** The baseline's median time (ms), where there is one. */
  baseline: string;
  /** The figure judged against the target: a ratio (ours / baseline) or a size. */
  value: number;
  /** "×" for a ratio, "KB" for a size. */
  unit: "×" | "KB";
  /** Pass when value ≤ target; undefined when no target is set yet. */
  target?: number;
  /** Anything the reader needs to interpret the line (spread of ratios, mode of the build...). */
  note?: string;
}

/** A section of the benchmark: one file under bench/sections, one entry in bench/run.ts. */
export interface Section {
  /** Its number in the issue ("1", "2", "5"...). */
  id: string;
  /** Short name, used to pick sections on the command line (`npm run bench -- split`). */
  name: string;
  title: string;
  run(options: RunOptions): Promise<Result[]> | Result[];
}

export interface RunOptions {
  /** Fewer repetitions and smaller work, to check the benchmark itself runs (`--quick`). */
  quick: boolean;
}

let gcFn: (() => void) | undefined;
/** A full garbage collection between samples, so one side does not pay for the other's garbage. */
export function collectGarbage(): void {
  if (!gcFn) {
    v8.setFlagsFromString("--expose-gc");
    gcFn = vm.runInNewContext("gc") as () => void;
  }
  gcFn();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface PairOptions {
  /** Untimed rounds of each side first, so both run optimised code. */
  warmup: number;
  /** Timed rounds of each side; the ratio quoted is the median of the per-round ratios. */
  reps: number;
  /** Runs once before each timed sample, untimed (for example building a fresh engine). */
  setupOurs?: () => void;
  setupBaseline?: () => void;
}

export interface PairTiming {
  /** Median of ours ÷ baseline over the repetitions. */
  ratio: number;
  oursMs: number;
  baselineMs: number;
  /** Lowest and highest per-repetition ratio, to show the spread. */
  minRatio: number;
  maxRatio: number;
  reps: number;
}

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Times `ours` against `baseline` side by side: after the warm-up, each repetition runs both,
 * alternating which goes first, with a garbage collection before each.
 */
export function comparePair(ours: () => void, baseline: () => void, options: PairOptions): PairTiming {
  for (let i = 0; i < options.warmup; i++) {
    options.setupOurs?.();
    ours();
    options.setupBaseline?.();
    baseline();
  }
  const oursTimes: number[] = [];
  const baselineTimes: number[] = [];
  const ratios: number[] = [];
  const sample = (setup: (() => void) | undefined, fn: () => void) => {
    setup?.();
    collectGarbage();
    return time(fn);
  };
  for (let i = 0; i < options.reps; i++) {
    let o: number;
    let b: number;
    if (i % 2 === 0) {
      o = sample(options.setupOurs, ours);
      b = sample(options.setupBaseline, baseline);
    } else {
      b = sample(options.setupBaseline, baseline);
      o = sample(options.setupOurs, ours);
    }
    oursTimes.push(o);
    baselineTimes.push(b);
    ratios.push(o / b);
  }
  return {
    ratio: median(ratios),
    oursMs: median(oursTimes),
    baselineMs: median(baselineTimes),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    reps: options.reps,
  };
}

export function ms(value: number): string {
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A Result for a timed pair. */
export function ratioResult(section: string, measure: string, work: string, t: PairTiming, target: number, note?: string): Result {
  const spread = `ratios ${t.minRatio.toFixed(2)}–${t.maxRatio.toFixed(2)} over ${t.reps} runs`;
  return {
    section,
    measure,
    work,
    ours: ms(t.oursMs),
    baseline: ms(t.baselineMs),
    value: t.ratio,
    unit: "×",
    target,
    note: note ? `${spread}; ${note}` : spread,
  };
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-GB");
}

function verdict(r: Result): string {
  if (r.target === undefined) return "(no target)";
  return r.value <= r.target ? "pass" : "FAIL";
}

function shown(r: Result): string {
  return r.unit === "×" ? `${r.value.toFixed(2)}×` : `${r.value.toFixed(1)} KB`;
}

function targetShown(r: Result): string {
  if (r.target === undefined) return "—";
  return r.unit === "×" ? `≤ ${r.target}×` : `≤ ${r.target} KB`;
}

/** The results as a Markdown table (it reads as well in a terminal as in notes/bench.md). */
export function table(results: readonly Result[]): string {
  const head = ["section", "measure", "work", "ours", "baseline", "ratio / size", "target", "result"];
  const rows = results.map((r) => [r.section, r.measure, r.work, r.ours, r.baseline, shown(r), targetShown(r), verdict(r)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export function passed(r: Result): boolean {
  return r.target === undefined || r.value <= r.target;
}
