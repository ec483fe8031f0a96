// Shared by start.mjs and stop.mjs: where the Linux dev server's pid and log are kept.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const pidFile = path.join(root, ".dev-server.pid");
export const logFile = path.join(root, ".dev-server.log");
export const port = Number(process.env.npm_package_config_dev_server_port) || 3000;
export const manifest = "manifest.xml";
/** Desktop Excel (and office-addin-debugging's sideloading) exists on Windows and macOS only. */
export const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";

/** The pid recorded by start.mjs, if that process is still a running webpack dev server. */
export function runningServerPid() {
  let pid;
  try {
    pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  // Guard against a recycled pid: the recorded process must still be webpack (webpack-cli sets
  // its process title to "webpack", which replaces the command line shown in /proc).
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!cmdline.includes("webpack")) return undefined;
  } catch {
    // No /proc: trust the pid file.
  }
  return pid;
}
