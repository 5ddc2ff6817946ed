/**
 * `check` of one filled file end to end (one pass of guard and reader → grid → locate → judge): the
 * LibreOffice-filled fixture a unit would send, and a report with 1,000 event rows written from the
 * real template. Median over several runs after a warm-up.
 * Runs alone with `npx tsx bench/check.ts`, or through benchCheck() from the bench runner.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { columnById, tableById, type ColumnId } from "../src/core/definition";
import { checkFile } from "../src/node/intake-path";
import { writeTemplate } from "../src/xlsx/template-writer";
import { runStandalone, type BenchFigure } from "./figures";

const RUNS = 9;
const EVENT_ROWS = 1000;
const FIXTURE = path.resolve(__dirname, "../test/fixtures/lo/correct/report.xlsx");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeCheck(file: string): Promise<{ ms: number; status: string; findings: number }> {
  let last = await checkFile(file); // warm-up: module loading and JIT are not part of one check
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await checkFile(file);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), status: last.status, findings: last.findings.length };
}

/** The LibreOffice fixture with its event table grown to EVENT_ROWS rows. */
async function bigReport(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    fs.existsSync(FIXTURE)
      ? (fs.readFileSync(FIXTURE) as unknown as ArrayBuffer)
      : ((await writeTemplate()) as unknown as ArrayBuffer),
  );
  const t = tableById("events");
  const ws = wb.getWorksheet(t.sheet)!;
  const put = (row: number, col: ColumnId<"events">, v: ExcelJS.CellValue) =>
    (ws.getCell(`${columnById(t, col).column}${row}`).value = v);
  for (let i = 0; i < EVENT_ROWS; i++) {
    const r = t.firstRow + i;
    put(r, "date", new Date(Date.UTC(2023, i % 10, 1 + (i % 28))));
    put(r, "title", `标准化研学活动 第${i + 1}场`);
    put(r, "form", "集中宣贯培训");
    put(r, "mode", "线下");
    put(r, "content", "其他标准化内容");
    put(r, "participants", 20 + (i % 50));
    put(r, "is_public", i % 2 === 0 ? "是" : "否");
  }
  await wb.xlsx.writeFile(file);
}

export async function benchCheck(): Promise<BenchFigure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-check-"));
  try {
    const big = path.join(dir, "big.xlsx");
    await bigReport(big);
    const figures: BenchFigure[] = [];
    if (fs.existsSync(FIXTURE)) {
      const small = await timeCheck(FIXTURE);
      figures.push({
        name: `check: one LibreOffice-filled report end to end (${(fs.statSync(FIXTURE).size / 1024).toFixed(0)} KB, median of ${RUNS})`,
        value: `${small.ms.toFixed(1)} ms (${small.status}, ${small.findings} findings)`,
      });
    }
    const large = await timeCheck(big);
    figures.push({
      name: `check: one report with ${EVENT_ROWS} event rows end to end (${(fs.statSync(big).size / 1024).toFixed(0)} KB, median of ${RUNS})`,
      value: `${large.ms.toFixed(1)} ms (${large.status}, ${large.findings} findings)`,
    });
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runStandalone(benchCheck);
