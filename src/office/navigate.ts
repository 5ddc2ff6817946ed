/**
 * A finding's cell: activate its sheet, then select the cell, in one batch and one sync (select()
 * on a sheet that is not active was unreliable: office-js #5118).
 */
import type { Done } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { errorCode, errorDetail, messages } from "./messages";

export async function selectCell(
  excel: ExcelRunner,
  sheet: string,
  cell: string,
  beforeActivate?: (sheetName: string) => void,
): Promise<Done> {
  try {
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      beforeActivate?.(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
    return { kind: "done" };
  } catch (e) {
    if (errorCode(e) === "ItemNotFound") return { kind: "failed", message: messages.sheetMissing(sheet) };
    return { kind: "failed", message: messages.excelFailed("定位单元格", errorDetail(e)) };
  }
}
