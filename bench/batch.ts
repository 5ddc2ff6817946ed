/**
 * Issue 8's figures, side by side in one run on the same files: 1,000 reports × 50 event rows
 * (bench/report-files.ts: the merge benchmark reads the very same files), timed
 * as exceljs loading them (nothing else), fflate unzipping every part (the floor), and `check --json`
 * over all of them (the CLI as `npm run cli` runs it: workers, reading, judging, printing). Each in a
 * fresh process, so its wall time and peak memory are its own. Then one report read and judged, and
 * a 2 GiB zip bomb refused by the one-pass reader.
 * Runs alone with `npx tsx bench/batch.ts`, or through benchBatch() from the bench runner.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as esbuild from "esbuild";
import { checkFile } from "../src/node/intake-path";
import { buildZip, deflatedEntry, deflatedZeros, unzipParts } from "../test/guard/craft";
import { runStandalone, type BenchFigure } from "./figures";
import { benchFileList, BENCH_EVENTS, BENCH_REPORTS } from "./report-files";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain JS beside the installed command
const { bundleOptions, cliBundle } = require("../bin/cli-bundle") as {
  bundleOptions: (entryPoints: Record<string, string>, outdir: string) => esbuild.BuildOptions;
  cliBundle: () => string;
};

const FILES = BENCH_REPORTS;
const EVENT_ROWS = BENCH_EVENTS;
const ROOT = path.resolve(__dirname, "..");
const MiB = 1024 * 1024;

interface Run {
  ms: number;
  maxRssMB: number;
}

/** A plain Node script over the file list (in a JSON file), in a process of its own. */
function nodeScript(body: string, list: string): Run {
  const script = `const files = JSON.parse(require("fs").readFileSync(${JSON.stringify(list)}, "utf8"));
(async () => { const t0 = performance.now(); ${body}
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024 })); })();`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Run;
}

const EXCELJS_LOAD = `const ExcelJS = require("exceljs"); const fs = require("fs");
for (const f of files) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(fs.readFileSync(f)); }`;
const FFLATE_UNZIP = `const { unzipSync } = require("fflate"); const fs = require("fs");
for (const f of files) unzipSync(fs.readFileSync(f));`;

/** The command as users run it (bin/tj-report.js, bundled): its own process, given files, stdout, stderr as text. */
export function runCommand(args: readonly string[]): Run & { stdout: string } {
  cliBundle(); // built beforehand, so its one-off build is not timed
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ["-r", path.join(ROOT, "test/helpers/report-rss.cjs"), path.join(ROOT, "bin/tj-report.js"), ...args],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * MiB },
  );
  const ms = performance.now() - t0;
  const report = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('{"code"'))) as { code: number; maxRssMB: number };
  if (report.code > 1) throw new Error(`exit ${report.code}: ${r.stderr}`);
  return { ms, maxRssMB: report.maxRssMB, stdout: r.stdout };
}

/** `npm run cli -- check FILES --json`, wall time from outside. */
function checkAll(files: readonly string[]): Run & { statuses: string } {
  const run = runCommand(["check", ...files, "--json"]);
  const statuses = [...run.stdout.matchAll(/^ {4}"status": "(\w+)"/gm)].map((m) => m[1]);
  const counts = Object.entries(
    statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}),
  );
  return { ms: run.ms, maxRssMB: run.maxRssMB, statuses: counts.map(([s, n]) => `${n} ${s}`).join(", ") };
}

/**
 * One report read and judged, as the command runs it: the reader bundled with the command's own
 * options, in a plain Node process of its own. The first call (code not yet optimised), then the
 * median of 101 after 200 more to warm up — the cost each of a batch's files pays.
 */
async function oneReport(file: string): Promise<{ first: number; steady: number }> {
  const outdir = fs.mkdtempSync(path.join(ROOT, "node_modules", ".cache", "bench-reader-"));
  try {
    await esbuild.build(bundleOptions({ "intake-path": path.join(ROOT, "src/node/intake-path.ts") }, outdir));
    const script = `const { checkFile } = require(${JSON.stringify(path.join(outdir, "intake-path.cjs"))});
const file = ${JSON.stringify(file)};
(async () => {
  let t = performance.now(); await checkFile(file); const first = performance.now() - t;
  for (let i = 0; i < 200; i++) await checkFile(file);
  const times = [];
  for (let i = 0; i < 101; i++) { t = performance.now(); await checkFile(file); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ first, steady: times[50] }));
})();`;
    const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { first: number; steady: number };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Time and worst resident-memory rise while the one-pass reader refuses `file`. */
async function refusal(file: string): Promise<{ ms: number; rssMB: number; code: string }> {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
  const t0 = performance.now();
  const r = await checkFile(file);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, rssMB: (peak - rss0) / MiB, code: r.code ?? "accepted" };
}

export async function benchBatch(): Promise<BenchFigure[]> {
  const files = await benchFileList();
  const list = path.join(os.tmpdir(), `tj-bench-list-${process.pid}.json`);
  fs.writeFileSync(list, JSON.stringify(files));
  const totalMB = files.reduce((n, f) => n + fs.statSync(f).size, 0) / MiB;
  try {
    const exceljs = nodeScript(EXCELJS_LOAD, list);
    const floor = nodeScript(FFLATE_UNZIP, list);
    const check = checkAll(files);
    const one = await oneReport(files[0]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-bomb-"));
    const parts = [...(await unzipParts(fs.readFileSync(files[0])))].map(([n, c]) => deflatedEntry(n, c));
    const zeros = await deflatedZeros("xl/worksheets/sheet99.xml", 2 * 1024 * MiB);
    const honest = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(honest, buildZip([...parts, zeros]));
    const lying = path.join(dir, "liar.xlsx");
    fs.writeFileSync(lying, buildZip([...parts, { ...zeros, uncompressedSize: 4096 }]));
    const bomb = await refusal(honest);
    const liar = await refusal(lying);
    fs.rmSync(dir, { recursive: true, force: true });

    const s = (r: Run) =>
      `${(r.ms / 1000).toFixed(1)} s (${(r.ms / FILES).toFixed(1)} ms/file), peak rss ${r.maxRssMB.toFixed(0)} MB`;
    return [
      {
        name: `batch: files`,
        value: `${FILES} reports × ${EVENT_ROWS} event rows, ${totalMB.toFixed(0)} MB, ${os.availableParallelism?.() ?? os.cpus().length} cores`,
      },
      { name: "batch: exceljs load alone (baseline)", value: s(exceljs) },
      { name: "batch: fflate unzip of every part (floor)", value: s(floor) },
      { name: "batch: check --json over all (ours, process start included)", value: `${s(check)}; ${check.statuses}` },
      {
        name: "batch: ratio check ÷ exceljs load (target ≤ 0.35), check ÷ floor (moonshot ≤ 3)",
        value: `${(check.ms / exceljs.ms).toFixed(2)}, ${(check.ms / floor.ms).toFixed(1)}`,
      },
      {
        name: "batch: one report read and judged by the bundled reader, warm median of 101 (target ≤ 5 ms); first call",
        value: `${one.steady.toFixed(1)} ms; ${one.first.toFixed(1)} ms`,
      },
      {
        name: "batch: 2 GiB zip bomb, sizes declared (target < 100 ms, < 100 MB)",
        value: `${bomb.code} in ${bomb.ms.toFixed(1)} ms, rss +${bomb.rssMB.toFixed(0)} MB`,
      },
      {
        name: "batch: 2 GiB zip bomb, sizes lying (4 KB declared)",
        value: `${liar.code} in ${liar.ms.toFixed(1)} ms, rss +${liar.rssMB.toFixed(0)} MB`,
      },
    ];
  } finally {
    fs.rmSync(list, { force: true });
  }
}

if (require.main === module) runStandalone(benchBatch);
