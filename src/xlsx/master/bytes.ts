/**
 * The master workbook as bytes, for the task pane: the same sheets and chart as the file the command
 * line writes, built in a plain exceljs Workbook (exceljs has no streaming writer in the browser) and
 * finished in memory with fflate. No Node APIs. Memory grows with the rows (exceljs keeps the whole
 * workbook); the command line's writeMasterWorkbook streams instead.
 */
import ExcelJS from "exceljs";
import type { MergeResult } from "../../core/merge/model";
import { addChartToBytes } from "./add-chart-bytes";
import { describeMaster, masterDate, writeMasterSheets, type MasterOptions } from "./write-sheets";

export async function writeMasterWorkbookBytes(result: MergeResult, options: MasterOptions = {}): Promise<Uint8Array> {
  const date = masterDate(result, options);
  const wb = new ExcelJS.Workbook();
  describeMaster(wb, date);
  const chart = await writeMasterSheets(wb, result);
  const written = await wb.xlsx.writeBuffer();
  return addChartToBytes(new Uint8Array(written as ArrayBuffer), chart, date);
}
