#!/usr/bin/env node
// npm run validate:offline [manifest.xml]: the manifest checks that need no network.
// - xmllint --noout: well-formed XML (Debian/Ubuntu: apt-get install libxml2-utils).
// - office-addin-manifest info: parses the manifest as Office tooling does and prints its summary.
// `npm run validate` (office-addin-manifest validate) is the full check against Microsoft's
// online service; test/build/manifest.test.ts checks the manifest's structure.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { manifest as defaultManifest, root } from "./dev-server.mjs";

const manifest = process.argv[2] ?? defaultManifest;

let failed = false;

const xmllint = spawnSync("xmllint", ["--noout", manifest], { cwd: root, stdio: "inherit" });
if (xmllint.error?.code === "ENOENT") {
  console.log("xmllint not found: skipped the XML well-formedness check (install libxml2-utils to run it).");
} else if (xmllint.status !== 0) {
  console.error(`xmllint: ${manifest} is not well-formed XML.`);
  failed = true;
} else {
  console.log(`xmllint: ${manifest} is well-formed.`);
}

const cli = createRequire(import.meta.url).resolve("office-addin-manifest/cli.js");
const info = spawnSync(process.execPath, [cli, "info", manifest], { cwd: root, encoding: "utf8" });
process.stdout.write(info.stdout ?? "");
process.stderr.write(info.stderr ?? "");
// office-addin-manifest reports a manifest it cannot read on its output but may still exit 0.
if (info.status !== 0 || /Unable to|error/i.test(`${info.stdout}${info.stderr}`)) {
  console.error(`office-addin-manifest info could not read ${manifest}.`);
  failed = true;
}

process.exit(failed ? 1 : 0);
