/**
 * Section 5: the size of the shipped bundles, as `npm run build` (production, minified) leaves
 * them in dist/. Sizes are in KB of 1,024 bytes; gzip size is shown for information.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import type { Result, Section } from "../harness";

const DIST = fileURLToPath(new URL("../../dist", import.meta.url));

const BUNDLES: { file: string; target: number | undefined; what: string }[] = [
  { file: "functions.js", target: 60, what: "custom functions (loaded on its own by Excel)" },
  { file: "taskpane.js", target: undefined, what: "task pane (React and Fluent UI)" },
];

/** A production bundle is minified: few, long lines. A development one has many short lines. */
function looksMinified(text: string): boolean {
  const lines = text.split("\n").length;
  return lines <= 3 || text.length / lines > 500;
}

export const bundleSection: Section = {
  id: "5",
  name: "bundle",
  title: "Bundle sizes (dist/, production build)",
  run(): Result[] {
    // Any other script in dist/ (a chunk loaded on demand, say) is listed too, without a target.
    const others = fs.existsSync(DIST)
      ? fs
          .readdirSync(DIST)
          .filter((f) => f.endsWith(".js") && !BUNDLES.some((b) => b.file === f))
          .sort()
          .map((file) => ({ file, target: undefined, what: "another script in dist/" }))
      : [];
    return [...BUNDLES, ...others].map(({ file, target, what }): Result => {
      const full = path.join(DIST, file);
      if (!fs.existsSync(full)) {
        return {
          section: "5 bundle",
          measure: `dist/${file}`,
          work: what,
          ours: "missing",
          baseline: "—",
          value: Number.POSITIVE_INFINITY,
          unit: "KB",
          target: target ?? 0,
          note: "dist/ has no such file: run `npm run build` first",
        };
      }
      const bytes = fs.readFileSync(full);
      const text = bytes.toString("utf8");
      const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
      const minified = looksMinified(text);
      return {
        section: "5 bundle",
        measure: `dist/${file}`,
        work: what,
        ours: `${bytes.length.toLocaleString("en-GB")} B`,
        baseline: "—",
        value: bytes.length / 1024,
        unit: "KB",
        target,
        note: [
          `${(gzip / 1024).toFixed(1)} KB gzipped`,
          minified ? "minified (production build)" : "NOT minified: run `npm run build` (production) and measure again",
        ].join("; "),
      };
    });
  },
};
