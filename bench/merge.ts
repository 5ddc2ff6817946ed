/**
 * The merge benchmark of issue 10: 1,000 generated reports × 50 event rows. `merge` end to end beside
 * exceljs merely loading the same files, each in its own process (so peak RSS is its own).
 * Targets: merge wall time ≤ 0.6 × the exceljs load (moonshot 0.4), peak RSS ≤ 512 MB; the same with
 * --feedback (a workbook per unit besides the master).
 * Runs alone with `npx tsx bench/merge.ts [count]`, or through benchMerge() from the bench runner.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCommand } from "./batch";
import { benchFiles, BENCH_EVENTS, BENCH_REPORTS } from "./report-files";
import { runStandalone, type BenchFigure } from "./figures";

const TSX = path.resolve(__dirname, "../node_modules/.bin/tsx");
const CHILD = path.resolve(__dirname, "merge-child.ts");

function measure(args: string[]): { ms: number; maxRssMB: number } {
  const out = execFileSync(TSX, ["--expose-gc", CHILD, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(out.trim().split("\n").pop()!);
}

export async function benchMerge(count = BENCH_REPORTS): Promise<BenchFigure[]> {
  const dir = await benchFiles(count);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-master-")), "汇总.xlsx");
  try {
    const load = measure(["exceljs", dir]);
    const merge = runCommand(["merge", dir, "-o", out, "--force", "--json"]);
    const ratio = merge.ms / load.ms;
    const feedback = runCommand(["merge", dir, "-o", out, "--force", "--json", "--feedback", `${out}-退回意见`]);
    const what = `${count} reports × ${BENCH_EVENTS} events`;
    return [
      {
        name: `exceljs alone: load ${what}`,
        value: `${(load.ms / 1000).toFixed(1)} s, peak RSS ${load.maxRssMB.toFixed(0)} MB`,
      },
      {
        name: `merge end to end (read, judge, merge, write the master): ${what}`,
        value: `${(merge.ms / 1000).toFixed(1)} s, peak RSS ${merge.maxRssMB.toFixed(0)} MB (target ≤ 512 MB)`,
      },
      { name: "merge / exceljs load", value: `${ratio.toFixed(2)}× (target ≤ 0.6×, moonshot ≤ 0.4×)` },
      { name: "master written", value: `${(fs.statSync(out).size / 1048576).toFixed(1)} MB` },
      {
        name: `merge --feedback (the master and each unit's 退回意见 or 回执): ${what}`,
        value: `${(feedback.ms / 1000).toFixed(1)} s, peak RSS ${feedback.maxRssMB.toFixed(0)} MB (target ≤ 512 MB); ${(feedback.ms / load.ms).toFixed(2)}× the exceljs load (target ≤ 0.6×)`,
      },
    ];
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(() => benchMerge(Number(process.argv[2]) || BENCH_REPORTS));
