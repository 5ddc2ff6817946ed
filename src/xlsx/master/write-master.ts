/**
 * The master workbook (spec §5) as a file: the sheets through exceljs's streaming writer (each row is
 * committed as it is written, so memory stays flat with 50,000 detail rows), then the chart on 统计
 * added while the package streams to its place. The same result gives the same bytes (fixed document
 * dates and zip times). Node only; the task pane uses bytes.ts.
 */
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { MergeResult } from "../../core/merge/model";
import { addChartToFile } from "./add-chart-file";
import { describeMaster, masterDate, writeMasterSheets, type MasterOptions } from "./write-sheets";

/** Writes the master workbook to `outPath` (replacing a file there: the caller decides whether it may). */
export async function writeMasterWorkbook(
  result: MergeResult,
  outPath: string,
  options: MasterOptions = {},
): Promise<void> {
  const date = masterDate(result, options);
  const work = mkdtempSync(path.join(os.tmpdir(), "master-"));
  // A command interrupted part way exits through process.exit (src/node/interrupt): no finally runs then.
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once("exit", removeWork);
  try {
    const plain = path.join(work, "sheets.xlsx");
    // Shared strings: every string cell is t="s" (without them exceljs writes t="str", a formula's result type).
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: plain, useStyles: true, useSharedStrings: true });
    describeMaster(wb, date);
    const chart = await writeMasterSheets(wb, result);
    await wb.commit();
    // Without a chart the package is still re-zipped, so every master has the same fixed zip times.
    await addChartToFile(plain, outPath, chart, date);
  } finally {
    process.off("exit", removeWork);
    removeWork();
  }
}
