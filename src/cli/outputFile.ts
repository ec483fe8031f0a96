import { access, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { RuleError } from "../core/errors";

/**
 * Where the headless writers put their workbook: an .xlsx path, never over an existing file
 * unless --force says so (a finance officer's own workbook must not vanish under a typo).
 */
export async function writeOutputFile(path: string, bytes: Uint8Array, force: boolean): Promise<void> {
  if (extname(path).toLowerCase() !== ".xlsx") throw new RuleError("invalid", `--out ${path}: give a file name ending in .xlsx.`);
  if (!force && (await exists(path))) throw new RuleError("invalid", `${path} already exists: give another --out, or add --force to replace it.`);
  try {
    await writeFile(path, bytes);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new RuleError("invalid", `Cannot write ${path}: ${why}.`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
