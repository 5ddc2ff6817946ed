/**
 * Run by the batch tests: the CLI (`runCli`, as `npm run cli` runs it) in a process of its own, its
 * stdout written through as usual; at exit, the exit code and the process's peak resident memory
 * go to stderr as JSON.
 */
import { runCli } from "../../src/cli/program";

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: () => undefined,
    cwd: process.cwd(),
    isTTY: false,
  });
  process.stderr.write(JSON.stringify({ code, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

void main();
