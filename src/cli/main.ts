#!/usr/bin/env node
/** Entry point of `npm run cli -- …`: wires the CLI to the real process. */
import { runCli } from "./program";

runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
}).then((code) => {
  process.exitCode = code;
});
