/** The whole master workbook (spec §5), as data for the one writer (src/xlsx/master). */
import { summaryParagraph } from "../bureau-summary";
import { TEMPLATE } from "../definition";
import type { MergeResult } from "../merge/model";
import { detailSheets } from "./details";
import { infoSheet } from "./info";
import { missingSheet } from "./missing";
import type { MasterDescription } from "./model";
import { previousSheet } from "./previous";
import { problemsSheet } from "./problems";
import { statisticsSheet } from "./statistics";
import { summarySheet } from "./summary";

export const MASTER_TITLE = `${TEMPLATE.title}汇总`;
const FALLBACK_DATE = new Date(Date.UTC(2000, 0, 1));

export interface MasterOptions {
  /**
   * The workbook's created/modified date and its zip entries' time. Default: the newest modification
   * time among the merged files, to the second (so the same inputs give the same bytes), else 2000-01-01.
   */
  readonly date?: Date;
  /** The product's version, recorded in 汇总信息 (the host knows it: package.json). */
  readonly productVersion?: string;
  /** Whose summary 统计's paragraph is (全市, 和平区…); default: from the units (bureau-summary.ts). */
  readonly scope?: string;
}

export function masterDate(result: MergeResult, options: MasterOptions = {}): Date {
  if (options.date) return options.date;
  const times = result.units
    .map((u) => u.source.modified)
    .filter((m): m is string => m !== null)
    .sort();
  const newest = times.length ? new Date(times[times.length - 1]) : FALLBACK_DATE;
  // Whole seconds: hosts report modification times to different fractions of a second (a browser's
  // File.lastModified, Node's stat), and the master should not differ for that.
  return Number.isNaN(newest.getTime()) ? FALLBACK_DATE : new Date(Math.floor(newest.getTime() / 1000) * 1000);
}

/**
 * The sheets in order: 汇总表, 活动明细, 宣传报道, 佐证材料, 问题清单, 未报送单位, 统计, 与上年核对 (with
 * --previous), and the hidden 汇总信息.
 */
export function describeMaster(result: MergeResult, options: MasterOptions = {}): MasterDescription {
  const date = masterDate(result, options);
  return {
    title: MASTER_TITLE,
    date,
    sheets: [
      summarySheet(result),
      ...detailSheets(result),
      problemsSheet(result),
      missingSheet(result),
      statisticsSheet(result, summaryParagraph(result, options.scope ? { scope: options.scope } : {})),
      ...(result.previous ? [previousSheet(result, result.previous)] : []),
      infoSheet(result, { productVersion: options.productVersion ?? "", date }),
    ],
  };
}
