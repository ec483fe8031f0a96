/**
 * Runs sections 3 (import) and 4 (write) on their own, before bench/run.ts lists them:
 *
 *   node --import tsx bench/check-sections.ts            both, full size
 *   node --import tsx bench/check-sections.ts --quick    smaller work, fewer runs
 *   node --import tsx bench/check-sections.ts write      one of them, by name or number
 *
 * Prints the same table as `npm run bench`. Each section runs in this one process, one after
 * the other (run.ts gives each its own child process).
 */
import os from "node:os";
import { passed, table, type Result, type Section } from "./harness";
import { importScalingSection } from "./sections/importScaling";
import { writePlanSection } from "./sections/writePlan";

const SECTIONS: Section[] = [importScalingSection, writePlanSection];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const picked = args.filter((a) => !a.startsWith("--"));
  const sections = picked.length === 0 ? SECTIONS : SECTIONS.filter((s) => picked.includes(s.id) || picked.includes(s.name));
  const cpus = os.cpus();
  console.log(`Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}${quick ? " (quick)" : ""}`);
  const results: Result[] = [];
  for (const section of sections) {
    const started = Date.now();
    process.stdout.write(`${section.id}. ${section.title} ... `);
    results.push(...(await section.run({ quick })));
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${table(results)}\n`);
  for (const r of results.filter((x) => x.note)) console.log(`- ${r.section}, ${r.measure}: ${r.note}`);
  const failed = results.filter((r) => !passed(r));
  console.log(failed.length === 0 ? "\nEvery target met." : `\n${failed.length} target(s) missed.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
