/**
 * 填写说明: appends a row (rule name, location, reason) to 核实说明 in two syncs: read the table's
 * rows to find the first blank one, then write it as text (number format "@", so a reason that
 * starts with "=" stays text and never becomes a formula).
 */
import { SHEETS, tableById } from "../core/definition";
import type { Finding } from "../core/model";
import { RULES } from "../core/rules/catalogue";
import type { ExplainResult } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { errorCode, errorDetail, messages } from "./messages";

const TABLE = tableById("explanations");
const [RULE_COLUMN, , TEXT_COLUMN] = TABLE.columns.map((c) => c.column);
const MAX_REASON = TABLE.columns.find((c) => c.id === "text")?.maxLength ?? 500;
/** Rows looked at for a blank one: the prepared rows and as many again for rows users inserted. */
const SCAN_ROWS = TABLE.capacity * 2 + 200;

/** The row's three cells: what explanationsOf in the core reads back. */
export function explanationRow(finding: Finding, reason: string): [string, string, string] {
  return [RULES[finding.rule].name, `${finding.sheet}!${finding.cell}`, reason];
}

export async function writeExplanation(excel: ExcelRunner, finding: Finding, reason: string): Promise<ExplainResult> {
  const text = reason.trim();
  if (text.length < 1 || text.length > MAX_REASON)
    return { kind: "failed", message: messages.explanationLength(MAX_REASON) };
  try {
    return await excel.run(async (context): Promise<ExplainResult> => {
      const ws = context.workbook.worksheets.getItemOrNullObject(SHEETS.explanations);
      const rows = ws.getRange(`${RULE_COLUMN}${TABLE.firstRow}:${TEXT_COLUMN}${TABLE.firstRow + SCAN_ROWS - 1}`);
      rows.load("values");
      await context.sync();
      if (ws.isNullObject) return { kind: "failed", message: messages.noExplanationSheet(SHEETS.explanations) };
      const blank = rows.values.findIndex((line) => line.every((v) => v === "" || v === null));
      const row = TABLE.firstRow + (blank < 0 ? SCAN_ROWS : blank);
      const target = ws.getRange(`${RULE_COLUMN}${row}:${TEXT_COLUMN}${row}`);
      target.numberFormat = [["@", "@", "@"]];
      target.values = [explanationRow(finding, text)];
      await context.sync();
      return { kind: "written", at: { sheet: SHEETS.explanations, cell: `${RULE_COLUMN}${row}` } };
    });
  } catch (e) {
    if (errorCode(e) === "AccessDenied")
      return { kind: "failed", message: messages.explanationLocked(SHEETS.explanations) };
    return { kind: "failed", message: messages.excelFailed("写入核实说明", errorDetail(e)) };
  }
}
