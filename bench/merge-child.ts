/**
 * One measured run of the merge benchmark, in its own process so its peak RSS is its own:
 *   merge-child.ts exceljs DIR      exceljs loads every file (nothing else)
 *   merge-child.ts merge DIR OUT    `merge DIR -o OUT` end to end (read, judge, merge, write the master)
 * Prints {"ms": wall time, "maxRssMB": peak resident memory}.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/program";

async function exceljsLoad(dir: string): Promise<void> {
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
  }
}

async function merge(dir: string, out: string): Promise<void> {
  const code = await runCli(["merge", dir, "-o", out, "--force", "--json"], {
    stdout: () => undefined,
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    isTTY: false,
  });
  if (code > 1) throw new Error(`merge exited ${code}`);
}

async function main(): Promise<void> {
  const [mode, dir, out] = process.argv.slice(2);
  const t0 = performance.now();
  if (mode === "exceljs") await exceljsLoad(dir);
  else await merge(dir, out);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

void main();
