/** A finding's cell: its sheet activated, then the cell selected. */
import type { Done } from "../ports/operations";
import type { WpsWorkbook } from "./api";
import { errorDetail, messages } from "./messages";
import { findSheet } from "./sheets";

export function selectCell(
  workbook: WpsWorkbook,
  sheet: string,
  cell: string,
  beforeActivate?: (name: string) => void,
): Done {
  try {
    const ws = findSheet(workbook, sheet);
    if (!ws) return { kind: "failed", message: messages.sheetMissing(sheet) };
    beforeActivate?.(ws.Name);
    ws.Activate();
    ws.Range(cell).Select();
    return { kind: "done" };
  } catch (e) {
    return { kind: "failed", message: messages.wpsFailed("定位单元格", errorDetail(e)) };
  }
}
