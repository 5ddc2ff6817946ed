/**
 * The merge benchmark's baseline, in its own process so its peak RSS is its own:
 *   merge-child.ts exceljs DIR      exceljs loads every file (nothing else)
 * Prints {"ms": wall time, "maxRssMB": peak resident memory}. (`merge` itself runs as users run it:
 * bench/batch.ts runCommand.)
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";

async function exceljsLoad(dir: string): Promise<void> {
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, name)) as unknown as ArrayBuffer);
  }
}

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  if (mode !== "exceljs") throw new Error(`unknown mode ${mode}`);
  const t0 = performance.now();
  await exceljsLoad(dir);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

void main();
