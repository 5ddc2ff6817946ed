/**
 * The seven sheets of the master (spec §5) in order — 汇总表, 活动明细, 宣传报道, 佐证材料, 问题清单,
 * 未报送单位, 统计 — into an exceljs workbook, streaming or plain. No Node APIs: the task pane runs it too.
 *
 * Nothing of a submission but its judged values and their original text reaches the master: no
 * formula, macro, link or style; text is written as text.
 */
import type ExcelJS from "exceljs";
import { TEMPLATE } from "../../core/definition";
import type { MergeResult } from "../../core/merge/model";
import type { BarChartSpec } from "./chart-xml";
import { writeDetailSheets } from "./detail-sheets";
import { writeMissingSheet } from "./missing-sheet";
import { writeProblemsSheet } from "./problems-sheet";
import type { MasterBook } from "./sheet-writer";
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
  const times = result.units
    .map((u) => u.source.modified)
    .filter((m): m is string => m !== null)
    .sort();
  const newest = times.length ? new Date(times[times.length - 1]) : FALLBACK_DATE;
  return Number.isNaN(newest.getTime()) ? FALLBACK_DATE : newest;
}

/** Document properties: who wrote it, what it is, and one fixed date. */
export function describeMaster(wb: ExcelJS.Workbook, date: Date): void {
  wb.creator = TEMPLATE.title;
  wb.lastModifiedBy = TEMPLATE.title;
  wb.title = MASTER_TITLE;
  wb.created = date;
  wb.modified = date;
}

/** Writes every sheet in order; returns the chart 统计 should carry (null: no unit, nothing to draw). */
export async function writeMasterSheets(book: MasterBook, result: MergeResult): Promise<BarChartSpec | null> {
  await writeSummarySheet(book, result);
  await writeDetailSheets(book, result);
  await writeProblemsSheet(book, result);
  await writeMissingSheet(book, result);
  return writeStatisticsSheet(book, result);
}
