import { RuleError } from "../core/errors";

/** Where a command writes: the real streams, or a test's buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A command line the command cannot read: exit 2 with the usage. */
export class UsageError extends Error {}

/**
 * The exit codes every jw- command keeps: 0 done, 1 an input that cannot be used (said why),
 * 2 a command line it cannot read (with the usage), 70 a bug.
 */
export async function runCommand(name: string, usage: string, io: CliIo, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${name}: ${e.message}\n\n${usage}`);
      return 2;
    }
    if (e instanceof RuleError) {
      io.stderr(`${name}: ${e.message}\n`);
      return 1;
    }
    io.stderr(`${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}

/** Reads `--name value`, `--name=value` and repeated values (`--posts a b c`). */
export function readOptions(
  argv: readonly string[],
  known: { values: readonly string[]; lists: readonly string[]; flags: readonly string[] },
  positionalHint = "every value follows its option",
): Map<string, string[] | true> | "help" {
  const out = new Map<string, string[] | true>();
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline: string | undefined;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (arg === "-h" || arg === "--help") return "help";
    const name = arg.slice(2);
    if (known.flags.includes(name)) {
      out.set(name, true);
      continue;
    }
    if (!known.values.includes(name) && !known.lists.includes(name)) {
      throw new UsageError(arg.startsWith("-") ? `Unknown option ${arg}.` : `Unexpected argument "${arg}": ${positionalHint}.`);
    }
    const values: string[] = [];
    if (inline !== undefined) values.push(inline);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new UsageError(`${arg} needs a value.`);
      values.push(next);
      i++;
      if (known.lists.includes(name)) while (i + 1 < argv.length && !argv[i + 1].startsWith("--")) values.push(argv[++i]);
    }
    const before = out.get(name);
    if (before !== undefined && !known.lists.includes(name)) throw new UsageError(`${arg} is given twice.`);
    out.set(name, [...(Array.isArray(before) ? before : []), ...values]);
  }
  return out;
}

export function optionValue(options: Map<string, string[] | true>, name: string): string | undefined {
  const v = options.get(name);
  return Array.isArray(v) ? v[0] : undefined;
}

export function optionList(options: Map<string, string[] | true>, name: string): string[] {
  const v = options.get(name);
  return Array.isArray(v) ? v : [];
}
