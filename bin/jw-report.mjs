#!/usr/bin/env node
// Launcher: loads the TypeScript CLI through tsx (no build step) and runs it.
import { tsImport } from "tsx/esm/api";

const cli = await tsImport("../src/cli/jw-report.ts", import.meta.url);
const main = cli.main ?? cli.default?.main;
process.exitCode = await main(process.argv.slice(2));
