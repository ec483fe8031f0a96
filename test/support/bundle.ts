/**
 * Loads dist/functions.js on its own in a fresh VM context with a stand-in CustomFunctions
 * runtime, as Excel's functions runtime does, and returns the functions bound by id. This
 * catches a bundle that only works inside the task pane, or ids that do not match.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { CustomFunctionsError, ErrorCode } from "./customFunctionsStandIn";

export const DIST = path.resolve(__dirname, "../../dist");

export function requireBuild(file: string): string {
  const full = path.join(DIST, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run build\` first (npm test does).`);
  return full;
}

export type Bound = Map<string, (...args: unknown[]) => unknown>;

export async function loadFunctionsBundle(): Promise<Bound> {
  const bound: Bound = new Map();
  const noop = () => undefined;
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate(idOrMap: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) {
        if (typeof idOrMap === "string") bound.set(idOrMap.toUpperCase(), fn!);
        else for (const [k, v] of Object.entries(idOrMap)) bound.set(k.toUpperCase(), v);
      },
      Error: CustomFunctionsError,
      ErrorCode,
    },
    console: { log: noop, warn: noop, error: noop, info: noop, debug: noop },
    setTimeout, clearTimeout, setInterval, clearInterval, Promise, queueMicrotask,
    Office: {
      onReady: (cb?: (info: unknown) => void) => {
        const p = Promise.resolve({ host: "Excel", platform: "PC" });
        if (cb) p.then(cb);
        return p;
      },
      actions: { associate: noop },
      HostType: { Excel: "Excel" },
    },
    document: { getElementById: () => null, addEventListener: noop, querySelector: () => null },
    navigator: { userAgent: "test" },
    location: { href: "https://localhost/functions.html" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(requireBuild("functions.js"), "utf8"), sandbox, { filename: "functions.js" });
  await new Promise((r) => setTimeout(r, 20));
  return bound;
}
