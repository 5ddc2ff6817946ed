/**
 * The command line run in-process as a user runs it (not a terminal), its output collected: what the
 * CLI tests assert on.
 */
import { runCli } from "../../src/cli/program";

export interface CommandRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCommand(args: readonly string[], cwd: string): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, isTTY: false });
  return { code, out: out.join(""), err: err.join("") };
}
