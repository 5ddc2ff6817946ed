/**
 * Guard benchmarks: a 2 GiB zip bomb (one entry of zeros, made at run time by streaming deflate)
 * must be refused in < 100 ms with < 100 MB of extra memory, both when its records tell the truth
 * and when they claim a tiny size; the cost of guarding an ordinary report; and, for the costliest
 * files the guard still accepts, the time to guard them and exceljs's peak memory loading them.
 * Runs alone with `npx tsx bench/guard.ts`, or through benchGuard() from the bench runner.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as v8 from "v8";
import * as vm from "vm";
import { DEFAULT_GUARD_LIMITS } from "../src/core/guard";
import { guardFile } from "../src/node/file-guard";
import {
  buildZip,
  COSTLY_SHAPES,
  deflatedEntry,
  deflatedZeros,
  exceljsWorkbook,
  loadInChild,
  sizeUnderBudget,
  unzipParts,
  withSheet,
} from "../test/guard/craft";
import { runStandalone, type BenchFigure } from "./figures";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
}

interface Measured {
  ms: number;
  rssDelta: number;
  heapDelta: number;
  code: string;
}

/** Median time; memory as the worst rise (rss sampled every millisecond while the guard runs). */
async function measure(file: string, runs: number): Promise<Measured> {
  const times: number[] = [];
  let rssDelta = 0;
  let heapDelta = 0;
  let code = "";
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const rss0 = process.memoryUsage().rss;
    const heap0 = process.memoryUsage().heapUsed;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1);
    const t0 = performance.now();
    const r = await guardFile(file);
    times.push(performance.now() - t0);
    clearInterval(sampler);
    const after = process.memoryUsage();
    rssDelta = Math.max(rssDelta, Math.max(peak, after.rss) - rss0);
    heapDelta = Math.max(heapDelta, after.heapUsed - heap0);
    code = r.ok ? "accepted" : r.code;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], rssDelta, heapDelta, code };
}

const mb = (n: number) => (n < MiB ? `${(n / 1024).toFixed(0)} KB` : `${(n / MiB).toFixed(1)} MB`);
const describe = (m: Measured) =>
  `${m.code} in ${m.ms.toFixed(1)} ms (median), rss +${mb(m.rssDelta)}, heap +${mb(m.heapDelta)}`;

export async function benchGuard(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-guard-"));
  try {
    const report = await exceljsWorkbook(1000);
    const parts = [...(await unzipParts(report))].map(([n, c]) => deflatedEntry(n, c));
    const zeros = await deflatedZeros("xl/worksheets/sheet2.xml", 2 * GiB);
    const honest = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(honest, buildZip([...parts, zeros]));
    const lying = path.join(dir, "liar.xlsx");
    fs.writeFileSync(lying, buildZip([...parts, { ...zeros, uncompressedSize: 4096 }]));
    const ordinary = path.join(dir, "report.xlsx");
    fs.writeFileSync(ordinary, report);

    const bomb = await measure(honest, 5);
    const liar = await measure(lying, 5);
    const ok = await measure(ordinary, 9);
    const figures: BenchFigure[] = [
      { name: "guard: 2 GiB zip bomb (file size)", value: mb(fs.statSync(honest).size) },
      { name: "guard: 2 GiB zip bomb, sizes declared", value: describe(bomb) },
      { name: "guard: 2 GiB zip bomb, sizes lying (4 KB declared)", value: describe(liar) },
      { name: `guard: ordinary report, 1,000 rows (${mb(report.length)})`, value: describe(ok) },
    ];
    const reportParts = await unzipParts(report);
    for (const kind of COSTLY_SHAPES) {
      const n = sizeUnderBudget(reportParts, kind, DEFAULT_GUARD_LIMITS.maxReaderBytes * 0.98);
      const file = path.join(dir, `${kind}.xlsx`);
      fs.writeFileSync(file, withSheet(reportParts, kind, n));
      const guarded = await measure(file, 3);
      const { maxRssMB } = loadInChild(file);
      figures.push({
        name: `guard: costliest accepted file, ${kind} (${mb(fs.statSync(file).size)})`,
        value: `${describe(guarded)}; exceljs load peak rss ${maxRssMB.toFixed(0)} MB`,
      });
    }
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(benchGuard);
