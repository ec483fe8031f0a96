/**
 * LibreOffice headless as "an Excel without the add-in": workbooks written by the add-in are
 * opened, recalculated and saved again, so a test can read the figures a spreadsheet shows
 * when nothing of ours is loaded (JW functions give #NAME? there, as in a bare Excel).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

export interface XlsxFile {
  /** A plain file name ending in .xlsx: the key of the result. */
  name: string;
  bytes: Uint8Array;
}

export interface RecalculateOptions {
  /** Kill soffice and fail after this long (default 120 s). */
  timeoutMs?: number;
  /** Another soffice executable (tests of the harness itself). */
  soffice?: string;
}

/** One cell as LibreOffice left it: a formula's last result, or its error text. */
export interface CellReading {
  value: unknown;
  formula?: string;
  error?: string;
}

/** Sheet name → A1 address → cell, in sheet order. */
export type WorkbookReading = Map<string, Map<string, CellReading>>;

const DEFAULT_TIMEOUT_MS = 120_000;
const FALLBACK_SOFFICE = "/usr/bin/soffice";

/**
 * LibreOffice keeps an .xlsx formula's cached value on load unless told otherwise; a file whose
 * cached values were wrong would then pass. 0 = always recalculate.
 */
const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The soffice to run: the first on PATH, else the Debian package's, else null. */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, "soffice"))) return path.join(dir, "soffice");
  }
  return isExecutable(FALLBACK_SOFFICE) ? FALLBACK_SOFFICE : null;
}

export function libreOfficeAvailable(): boolean {
  return sofficePath() !== null;
}

/**
 * For a `before` hook: skips the suite when soffice is missing, except on CI, which installs it,
 * so a missing LibreOffice there fails instead of passing silently.
 */
export function requireLibreOfficeOrSkip(ctx: Mocha.Context): void {
  if (libreOfficeAvailable()) return;
  if (process.env.CI) throw new Error("LibreOffice (soffice) is not installed, and CI must run these tests: install libreoffice-calc-nogui.");
  console.log("    (skipped: LibreOffice's soffice is not on PATH nor at /usr/bin/soffice; apt-get install libreoffice-calc-nogui)");
  ctx.skip();
}

let profileDir: string | undefined;

/** A private profile, made once per process, so parallel runs and a user's own LibreOffice never share one. */
function profile(): string {
  if (profileDir) return profileDir;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jw-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS_XCU);
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  profileDir = dir;
  return dir;
}

function checkNames(files: readonly XlsxFile[]): void {
  const seen = new Set<string>();
  for (const { name } of files) {
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]*\.xlsx$/.test(name)) throw new Error(`not a plain .xlsx file name: ${JSON.stringify(name)}`);
    // LibreOffice names each output after its input, so two inputs differing only in case would collide on some file systems.
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`file name given twice: ${name}`);
    seen.add(key);
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group: soffice is a script that starts soffice.bin, and a timeout must stop both.
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
      reject(new Error(`soffice timed out after ${timeoutMs} ms${output ? `:\n${output}` : ""}`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start soffice (${command}): ${error.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

let queue: Promise<unknown> = Promise.resolve();

async function convert(files: readonly XlsxFile[], options: RecalculateOptions): Promise<Map<string, Uint8Array>> {
  const soffice = options.soffice ?? sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed: apt-get install --no-install-recommends libreoffice-calc-nogui");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "jw-lo-run-"));
  try {
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const inputs = files.map((f) => {
      const file = path.join(inDir, f.name);
      fs.writeFileSync(file, f.bytes);
      return file;
    });
    const args = [
      "--headless",
      "--norestore",
      "--nolockcheck",
      `-env:UserInstallation=${pathToFileURL(profile()).href}`,
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...inputs,
    ];
    const { code, signal, output } = await run(soffice, args, timeoutMs);
    if (code !== 0) throw new Error(`soffice failed (${signal ? `signal ${signal}` : `exit code ${code}`})${output ? `:\n${output}` : ""}`);
    // soffice exits 0 even when a file could not be loaded: what counts is the files it wrote.
    const result = new Map<string, Uint8Array>();
    const missing: string[] = [];
    for (const f of files) {
      const out = path.join(outDir, f.name);
      if (fs.existsSync(out)) result.set(f.name, new Uint8Array(fs.readFileSync(out)));
      else missing.push(f.name);
    }
    if (missing.length) throw new Error(`soffice did not convert ${missing.join(", ")}${output ? `:\n${output}` : ""}`);
    return result;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Opens the files in LibreOffice and saves them again, every formula recalculated: one soffice
 * run for all of them (it takes seconds to start). Calls wait for each other, since two soffice
 * processes on one profile would hand their work to each other.
 */
export async function recalculateInLibreOffice(files: readonly XlsxFile[], options: RecalculateOptions = {}): Promise<Map<string, Uint8Array>> {
  checkNames(files);
  const next = queue.then(() => convert(files, options));
  queue = next.catch(() => undefined);
  return next;
}

function errorText(value: unknown): string | undefined {
  if (value && typeof value === "object" && "error" in value) return String((value as { error: unknown }).error);
  return undefined;
}

function plainValue(value: unknown): unknown {
  if (value && typeof value === "object") {
    if ("richText" in value) return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
    if ("hyperlink" in value && "text" in value) return (value as { text: unknown }).text;
  }
  return value;
}

/** Every non-empty cell of a workbook, as exceljs reads it: formulas with their saved results. */
export async function readBackValues(bytes: Uint8Array): Promise<WorkbookReading> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const out: WorkbookReading = new Map();
  wb.eachSheet((ws) => {
    const cells = new Map<string, CellReading>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        let reading: CellReading;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const result = cell.result as unknown;
          const error = errorText(result);
          reading = error !== undefined ? { value: null, formula: cell.formula, error } : { value: plainValue(result ?? null), formula: cell.formula };
        } else {
          const error = errorText(cell.value);
          reading = error !== undefined ? { value: null, error } : { value: plainValue(cell.value) };
        }
        cells.set(cell.address, reading);
      });
    });
    out.set(ws.name, cells);
  });
  return out;
}

/** A reading as the differential checks read cells: a formula's result, or its error text. */
export function readerOf(reading: WorkbookReading): (sheet: string, a1: string) => unknown {
  return (sheet, a1) => {
    const cell = reading.get(sheet)?.get(a1);
    if (!cell) return null;
    return cell.error ?? cell.value;
  };
}

/** Every error cell and every call to the add-in's functions in a reading: none is the goal. */
export function errorsAndAddInCalls(reading: WorkbookReading): string[] {
  const out: string[] = [];
  for (const [sheet, cells] of reading) {
    for (const [a1, cell] of cells) {
      if (cell.error) out.push(`${sheet}!${a1} shows ${cell.error} (${cell.formula ?? "no formula"})`);
      if (cell.formula && /JW\.|_xldudf_/i.test(cell.formula)) out.push(`${sheet}!${a1} calls the add-in: ${cell.formula}`);
    }
  }
  return out;
}
