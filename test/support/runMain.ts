/** Runs a command's main() in this process, as its bin would: its exit code and what it printed. */
export async function runMain(
  main: (argv: readonly string[], io: { stdout(t: string): void; stderr(t: string): void }) => Promise<number>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
