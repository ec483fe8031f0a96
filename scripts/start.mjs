#!/usr/bin/env node
// npm start.
// Windows and macOS: office-addin-debugging builds, starts the dev server (npm run dev-server)
// and sideloads manifest.xml into desktop Excel.
// Linux (no desktop Excel): builds, starts the dev server in the background (npm stop ends it)
// and prints how to sideload the add-in into Excel on the web.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { hasDesktopExcel, logFile, manifest, pidFile, port, root, runningServerPid } from "./dev-server.mjs";

const require = createRequire(import.meta.url);
const run = (args, options = {}) => spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", ...options });

if (hasDesktopExcel) {
  const cli = require.resolve("office-addin-debugging/cli.js");
  // Platform "desktop" means this machine's desktop Excel (the tool's own default is Windows).
  // `npm start -- web --document <workbook URL>` and other options pass through.
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0].startsWith("-")) args.unshift("desktop");
  const result = run([cli, "start", manifest, ...args]);
  process.exit(result.status ?? 1);
}

const url = `https://localhost:${port}/`;
const existing = runningServerPid();
if (existing) {
  console.log(`The dev server is already running (pid ${existing}) at ${url}. Run npm stop to end it.`);
  printSideloadSteps();
  process.exit(0);
}

const npmCli = process.env.npm_execpath;
const build = npmCli
  ? run([npmCli, "run", "build:dev"])
  : spawnSync("npm", ["run", "build:dev"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) {
  console.error("npm run build:dev failed: the dev server was not started.");
  process.exit(build.status ?? 1);
}

const log = fs.openSync(logFile, "w");
const server = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], {
  cwd: root,
  detached: true, // its own process group, so npm stop can end it and its children
  stdio: ["ignore", log, log],
});
fs.writeFileSync(pidFile, String(server.pid));
server.unref();

try {
  await waitForServer(`${url}taskpane.html`, 120_000, server);
} catch (error) {
  console.error(`${error.message}\nSee ${path.relative(process.cwd(), logFile) || logFile} for the server's output.`);
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
  fs.rmSync(pidFile, { force: true });
  process.exit(1);
}

console.log(`\nThe dev server is running at ${url} (pid ${server.pid}; log: ${path.relative(root, logFile)}).`);
printSideloadSteps();
process.exit(0);

function waitForServer(target, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (exited) return reject(new Error("The dev server exited before it served the task pane."));
      const req = https.get(target, { rejectUnauthorized: false, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy());
    };
    const retry = () => {
      if (Date.now() > deadline) reject(new Error(`No answer from ${target} after ${timeoutMs / 1000} s.`));
      else setTimeout(attempt, 1000);
    };
    attempt();
  });
}

function printSideloadSteps() {
  const certDir = path.join(os.homedir(), ".office-addin-dev-certs");
  const devCerts = fs.existsSync(path.join(certDir, "localhost.crt"));
  console.log(`
There is no desktop Excel on Linux: sideload the add-in into Excel on the web.

  1. Trust the dev server's certificate in the browser you will use for Excel:
     open ${url}taskpane.html once and accept the certificate warning,
     or, on a machine where you have admin rights, run: npx office-addin-dev-certs install
     (${devCerts ? `serving the certificate from ${certDir}` : "no office-addin-dev-certs certificate found: the dev server made its own self-signed one"}).
  2. Open Excel on the web (https://www.office.com) and open or create a workbook.
  3. Home > Add-ins > More add-ins > My add-ins > Upload My Add-in,
     choose ${path.join(root, manifest)} and select Upload.
  4. The "Joint working" button appears on the Home tab; type =JW. in a cell to see the functions.

Run npm stop to end the dev server.`);
}
