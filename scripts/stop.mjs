#!/usr/bin/env node
// npm stop.
// Windows and macOS: office-addin-debugging stops debugging and removes the sideloaded add-in.
// Linux: ends the dev server that npm start left running (its pid is in .dev-server.pid).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { hasDesktopExcel, manifest, pidFile, root, runningServerPid } from "./dev-server.mjs";

if (hasDesktopExcel) {
  const cli = createRequire(import.meta.url).resolve("office-addin-debugging/cli.js");
  const result = spawnSync(process.execPath, [cli, "stop", manifest, ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
  process.exit(result.status ?? 1);
}

const pid = runningServerPid();
if (!pid) {
  fs.rmSync(pidFile, { force: true });
  console.log("No dev server started by npm start is running.");
  process.exit(0);
}

signal(pid, "SIGTERM");
const deadline = Date.now() + 10_000;
while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
if (alive(pid)) signal(pid, "SIGKILL");
fs.rmSync(pidFile, { force: true });
console.log(`Stopped the dev server (pid ${pid}).`);

/** Signals the server's process group (start.mjs runs it detached), else the process alone. */
function signal(target, name) {
  try {
    process.kill(-target, name);
  } catch {
    try {
      process.kill(target, name);
    } catch {
      // already gone
    }
  }
}

function alive(target) {
  try {
    process.kill(target, 0);
    return true;
  } catch {
    return false;
  }
}
