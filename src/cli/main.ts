#!/usr/bin/env node
/**
 * Entry point of `npm run cli -- …` and of the installed command (bin/tj-report.js): wires the CLI to
 * the real process.
 */
import { exitCleanlyOnSignals } from "../node/interrupt";
import { runCli } from "./program";

/**
 * `npm run` starts scripts in the project folder and records where the user was in INIT_CWD; relative
 * paths mean that folder. Only trusted when npm is running our own script, since INIT_CWD is inherited
 * by everything an unrelated npm script starts.
 */
const viaNpmScript = process.env.npm_lifecycle_event === "cli" && process.env.INIT_CWD;
const cwd = viaNpmScript ? process.env.INIT_CWD! : process.cwd();

// `… | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

// Ctrl+C or SIGTERM: remove what the command was writing, say so, exit 130 / 143.
exitCleanlyOnSignals(process.stderr);

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd,
  isTTY: Boolean(process.stderr.isTTY),
  programName: viaNpmScript ? "npm run cli --" : "tj-report",
}).then((code) => {
  process.exitCode = code;
});
