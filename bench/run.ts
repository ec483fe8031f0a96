/**
 * `npm run bench`: ratios measured side by side in one run, each with the size of the work, its
 * target and pass/fail. One file per section under bench/sections; add a section by writing
 * its file (exporting a Section, see bench/harness.ts) and listing it in SECTIONS below.
 *
 *   npm run bench                      all sections
 *   npm run bench -- split bundle      only the sections named (by name or number)
 *   npm run bench -- --quick           smaller work and fewer runs: checks the benchmark runs
 *   npm run bench -- --strict          exit 1 when a target is missed (for CI; timings are noisy)
 *
 * Each section runs in a child process of its own, so the code one section warms up (and the
 * type feedback the JIT gathers there) cannot speed up or slow down the next.
 */
import { fork } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { passed, table, type Result, type Section } from "./harness";
import { hyperFormulaSection } from "./sections/hyperformula";
import { splitSection } from "./sections/split";
import { bundleSection } from "./sections/bundle";
import { importScalingSection } from "./sections/importScaling";
import { writePlanSection } from "./sections/writePlan";
import { nativeWorkbookSection } from "./sections/nativeWorkbook";

const SECTIONS: Section[] = [hyperFormulaSection, splitSection, importScalingSection, writePlanSection, bundleSection, nativeWorkbookSection];

const CHILD = "--child-section";

/** In a child: run the one section and send its results to the parent. */
async function child(id: string, quick: boolean): Promise<void> {
  const section = SECTIONS.find((s) => s.id === id)!;
  const results = await section.run({ quick });
  await new Promise<void>((resolve, reject) => process.send!(results, (e: Error | null) => (e ? reject(e) : resolve())));
}

function runInChild(section: Section, quick: boolean): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    const args = [CHILD, section.id, ...(quick ? ["--quick"] : [])];
    const proc = fork(fileURLToPath(import.meta.url), args, { execArgv: process.execArgv, stdio: ["inherit", "inherit", "pipe", "ipc"] });
    let results: Result[] | undefined;
    let stderr = "";
    proc.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      // HyperFormula warns that the adapter's arraySizeMethod is deprecated: not ours to show.
      stderr += text;
    });
    proc.on("message", (m) => {
      results = m as Result[];
    });
    proc.on("error", reject);
    proc.on("exit", (code) => {
      if (results && code === 0) resolve(results);
      else reject(new Error(`section ${section.id} (${section.name}) failed with exit code ${code}\n${stderr}`));
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const childAt = args.indexOf(CHILD);
  if (childAt >= 0) return child(args[childAt + 1], quick);

  const strict = args.includes("--strict");
  const picked = args.filter((a) => !a.startsWith("--"));
  const unknown = picked.filter((p) => !SECTIONS.some((s) => s.id === p || s.name === p));
  if (unknown.length > 0) {
    console.error(`Unknown section ${unknown.join(", ")}: choose from ${SECTIONS.map((s) => `${s.id} ${s.name}`).join(", ")}.`);
    process.exitCode = 2;
    return;
  }
  const sections = picked.length === 0 ? SECTIONS : SECTIONS.filter((s) => picked.includes(s.id) || picked.includes(s.name));

  const cpus = os.cpus();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`Benchmarks: Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${os.platform()} ${os.arch()}, load average ${load}${quick ? " (quick)" : ""}`);
  console.log("Ratios are ours ÷ baseline, timed side by side in one process: the median over the runs after a warm-up.\n");

  const results: Result[] = [];
  for (const section of sections) {
    const started = Date.now();
    process.stdout.write(`${section.id}. ${section.title} ... `);
    results.push(...(await runInChild(section, quick)));
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${table(results)}\n`);
  const notes = results.filter((r) => r.note);
  if (notes.length > 0) {
    console.log("Notes:");
    for (const r of notes) console.log(`- ${r.section}, ${r.measure}: ${r.note}`);
  }
  const failed = results.filter((r) => !passed(r));
  console.log(failed.length === 0 ? "\nEvery target met." : `\n${failed.length} target(s) missed.`);
  if (strict && failed.length > 0) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
