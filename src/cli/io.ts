/** What a CLI command may touch of the process: injected so tests run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Current directory for relative paths. */
  cwd: string;
  /** stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  /** How the user started the CLI, for help and examples (default "npm run cli --"). */
  programName?: string;
}

/** A failure the user caused (bad usage, unwritable path): printed in Chinese, exit code as given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
