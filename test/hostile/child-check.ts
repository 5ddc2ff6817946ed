/**
 * Run by helpers.checkInChild: `checkFile` on one file in a process of its own, printing the result,
 * the process's peak resident memory and the time the check took, as JSON on stdout.
 */
import { checkFile } from "../../src/node/intake-path";

async function main(): Promise<void> {
  const file = process.argv[2];
  const t0 = performance.now();
  const result = await checkFile(file);
  const ms = performance.now() - t0;
  // Keep a long unit name or message from flooding the pipe: the tests only need their start.
  const trimmed = { ...result, unit: result.unit?.slice(0, 200) ?? null, message: result.message?.slice(0, 2000) };
  process.stdout.write(JSON.stringify({ result: trimmed, maxRssMB: process.resourceUsage().maxRSS / 1024, ms }));
}

void main();
