/**
 * Stopping part way (Node adapter): Ctrl+C (SIGINT), a service manager's SIGTERM, or the terminal
 * closing (SIGHUP). The command exits as a shell expects of a signalled program (128 + the signal's
 * number) after one Chinese line on stderr, and whatever it was making is removed: each maker
 * registers an undo while its file exists. process.exit also stops the worker threads.
 */
import { constants } from "os";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

interface Pending {
  readonly undo: () => void;
  /** What the interruption means for the user while this is pending; the newest note is shown. */
  readonly note?: string;
}

const pending = new Set<Pending>();

/**
 * Until the returned release is called, an interruption runs `undo` (synchronously: a signal leaves
 * no time to wait) and, when given, says `note` instead of a plain 已中断.
 */
export function undoOnInterrupt(undo: () => void, note?: string): () => void {
  const entry: Pending = { undo, ...(note ? { note } : {}) };
  pending.add(entry);
  return () => pending.delete(entry);
}

/** Undoes everything pending, newest first, and returns what to tell the user. */
export function interrupt(): string {
  const entries = [...pending].reverse();
  pending.clear();
  for (const entry of entries) {
    try {
      entry.undo();
    } catch {
      // One undo failing (a file already gone, a folder not empty) must not keep the others from running.
    }
  }
  return entries.find((e) => e.note)?.note ?? "已中断。";
}

/** The exit code of a program ended by `signal`: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP. */
export function signalExitCode(signal: (typeof SIGNALS)[number]): number {
  return 128 + constants.signals[signal];
}

/** Installs the handlers on the real process (the CLI's entry point only; tests run commands in-process). */
export function exitCleanlyOnSignals(stderr: { write(text: string): unknown; isTTY?: boolean }): void {
  for (const signal of SIGNALS)
    process.on(signal, () => {
      const note = interrupt();
      // On a terminal the line goes below the ^C the terminal echoed (or below a progress bar).
      stderr.write(`${stderr.isTTY ? "\n" : ""}${note}\n`);
      process.exit(signalExitCode(signal));
    });
}
