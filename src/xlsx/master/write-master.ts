/**
 * The master workbook (spec §5) from a MergeResult: 汇总表, 活动明细, 宣传报道, 佐证材料, 问题清单,
 * 未报送单位, 统计, written in that order through exceljs's streaming writer (each row is committed
 * as it is written, so memory stays flat), then the chart on 统计 added to the package.
 *
 * Nothing of a submission but its judged values and their original text reaches the master: no
 * formula, macro, link or style; text is written as text. The same result gives the same bytes
 * (fixed document dates and zip times).
 */
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { PassThrough } from "stream";
import ExcelJS from "exceljs";
import { TEMPLATE } from "../../core/definition";
import type { MergeResult } from "../../core/merge/model";
import { addChartToBytes } from "./add-chart-bytes";
import { addChartToFile } from "./add-chart-file";
import type { BarChartSpec } from "./chart-xml";
import { writeDetailSheets } from "./detail-sheets";
import { writeMissingSheet } from "./missing-sheet";
import { writeProblemsSheet } from "./problems-sheet";
import { writeStatisticsSheet } from "./statistics-sheet";
import { writeSummarySheet } from "./summary-sheet";

export interface MasterOptions {
  /**
   * The workbook's created/modified date and its zip entries' time. Default: the newest modification
   * time among the merged files (so the same inputs give the same bytes), else 2000-01-01.
   */
  readonly date?: Date;
}

export const MASTER_TITLE = `${TEMPLATE.title}汇总`;
const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

export function masterDate(result: MergeResult, options: MasterOptions = {}): Date {
  if (options.date) return options.date;
  const times = result.units.map((u) => u.source.modified).filter((m): m is string => m !== null).sort();
  const newest = times.length ? new Date(times[times.length - 1]) : FALLBACK_DATE;
  return Number.isNaN(newest.getTime()) ? FALLBACK_DATE : newest;
}

/** Writes every sheet into `wb` in order and commits it; returns the chart 统计 should carry. */
async function writeSheets(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult): Promise<BarChartSpec | null> {
  wb.creator = TEMPLATE.title;
  wb.lastModifiedBy = TEMPLATE.title;
  wb.title = MASTER_TITLE;
  await writeSummarySheet(wb, result);
  await writeDetailSheets(wb, result);
  await writeProblemsSheet(wb, result);
  await writeMissingSheet(wb, result);
  const chart = await writeStatisticsSheet(wb, result);
  await wb.commit();
  return chart;
}

function newWriter(date: Date, target: { filename: string } | { stream: PassThrough }): ExcelJS.stream.xlsx.WorkbookWriter {
  // Shared strings: every string cell is t="s" (without them exceljs writes t="str", a formula's result type).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: true });
  wb.created = date;
  wb.modified = date;
  return wb;
}

/** Writes the master workbook to `outPath` (replacing a file there: the caller decides whether it may). */
export async function writeMasterWorkbook(result: MergeResult, outPath: string, options: MasterOptions = {}): Promise<void> {
  const date = masterDate(result, options);
  const work = mkdtempSync(path.join(os.tmpdir(), "master-"));
  try {
    const plain = path.join(work, "sheets.xlsx");
    const chart = await writeSheets(newWriter(date, { filename: plain }), result);
    // Without a chart the package is still re-zipped, so every master has the same fixed zip times.
    await addChartToFile(plain, outPath, chart, date);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The master workbook as bytes (for the task pane, which inserts it into the open workbook). */
export async function writeMasterWorkbookBytes(result: MergeResult, options: MasterOptions = {}): Promise<Uint8Array> {
  const date = masterDate(result, options);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const chart = await writeSheets(newWriter(date, { stream }), result);
  await ended;
  return addChartToBytes(Buffer.concat(chunks), chart, date);
}
