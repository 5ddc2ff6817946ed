/**
 * Recognising a master workbook given to `merge` as if it were a report (merging masters is a later
 * step). The report locator finds a report's labels in the master's 汇总表 header row, so a master
 * can read as a damaged report: it is told apart by where its fields were found.
 */
import type { RawReport } from "../model";

/** Sheets only a master workbook has (spec §5); a report template has none of them. */
export const MASTER_ONLY_SHEETS: readonly string[] = ["汇总表", "问题清单", "未报送单位", "统计"];

/** A workbook holding the master's 汇总表 and 问题清单 is a master. */
export function isMasterSheetList(sheetNames: readonly string[]): boolean {
  return sheetNames.includes(MASTER_ONLY_SHEETS[0]) && sheetNames.includes(MASTER_ONLY_SHEETS[1]);
}

/** A report whose single fields were found on a master-only sheet is a master read as a report. */
export function isMasterReadAsReport(raw: RawReport): boolean {
  return Object.values(raw.fields).some((f) => MASTER_ONLY_SHEETS.includes(f.sheet));
}
