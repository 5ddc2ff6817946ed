/**
 * 填写说明: appends a row (rule name, location, reason) to 核实说明 in two syncs: read what the sheet
 * holds (its used range, and tbl_explanations for where its header is now) to find the first free row
 * under the header, then write it. The row is free whatever the table's length: every row of the used
 * range is looked at, and past it every row is free. The text is written exactly as typed: each value
 * goes with a leading apostrophe, Excel's mark for "this is text" (it keeps the text and drops the
 * mark), so a reason that starts with "=", "'" or digits stays that text; the cells are formatted as
 * text too, for whoever edits them later. The pane sends one 说明 at a time (operations.ts), so two
 * quick clicks never read the same free row.
 */
import { parseNamedCell } from "../core/a1";
import { SHEETS, tableNameOf } from "../core/definition";
import type { Finding } from "../core/model";
import { textLength } from "../core/normalise/text";
import {
  asText,
  EXPLANATION_COLUMNS as COLUMNS,
  EXPLANATION_TABLE as TABLE,
  explanationRow,
  firstFreeRow,
  MAX_REASON,
  RULE_COLUMN,
  TEXT_COLUMN,
} from "../host-kit/explanation-row";
import type { ExplainResult } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { errorCode, errorDetail, messages } from "./messages";

export async function writeExplanation(excel: ExcelRunner, finding: Finding, reason: string): Promise<ExplainResult> {
  const length = textLength(reason.trim());
  if (length < 1 || length > MAX_REASON) return { kind: "failed", message: messages.explanationLength(MAX_REASON) };
  try {
    return await excel.run(async (context): Promise<ExplainResult> => {
      const ws = context.workbook.worksheets.getItemOrNullObject(SHEETS.explanations);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values,rowIndex,columnIndex");
      const names = context.workbook.names;
      names.load("items/name,items/type,items/value");
      await context.sync();
      if (ws.isNullObject) return { kind: "failed", message: messages.noExplanationSheet(SHEETS.explanations) };
      // Rows inserted above the table move its header; the name follows it.
      const name = names.items.find((n) => n.name === tableNameOf(TABLE.id));
      const header = name && name.type === "Range" ? parseNamedCell(String(name.value)) : null;
      const headerRow =
        header && header.sheet === SHEETS.explanations ? Number(/\d+$/.exec(header.cell)?.[0]) : TABLE.headerRow;
      const row = firstFreeRow(used.isNullObject ? null : used, headerRow + 1);
      const target = ws.getRange(`${RULE_COLUMN}${row}:${TEXT_COLUMN}${row}`);
      target.numberFormat = [COLUMNS.map(() => "@")];
      target.values = [explanationRow(finding, reason).map(asText)];
      await context.sync();
      return { kind: "written", at: { sheet: SHEETS.explanations, cell: `${RULE_COLUMN}${row}` } };
    });
  } catch (e) {
    if (errorCode(e) === "AccessDenied")
      return { kind: "failed", message: messages.explanationLocked(SHEETS.explanations) };
    return { kind: "failed", message: messages.excelFailed("写入核实说明", errorDetail(e)) };
  }
}
