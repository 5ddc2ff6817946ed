/**
 * 填写说明 in WPS: the first free row under 核实说明's header (where tbl_explanations says the header
 * is now) gets the rule name, location and reason, formatted as text first and each written with the
 * leading apostrophe, so a reason starting with "=" or digits stays that text (whether WPS drops the
 * apostrophe as Excel does is unconfirmed: docs/wps-facts.md). The row is read back: what the user
 * typed must be what the sheet holds.
 */
import { parseNamedCell } from "../core/a1";
import { SHEETS, tableNameOf } from "../core/definition";
import type { Finding } from "../core/model";
import { textLength } from "../core/normalise/text";
import {
  asText,
  EXPLANATION_COLUMNS,
  EXPLANATION_TABLE,
  explanationRow,
  firstFreeRow,
  MAX_REASON,
  RULE_COLUMN,
  TEXT_COLUMN,
} from "../host-kit/explanation-row";
import type { ExplainResult } from "../ports/operations";
import { read, type WpsWorkbook } from "./api";
import { rowsOf } from "./cells";
import { errorDetail, messages } from "./messages";
import type { NoteWrite } from "./own-writes";
import { findSheet, readNames } from "./sheets";

export function writeExplanation(
  workbook: WpsWorkbook,
  finding: Finding,
  reason: string,
  note: NoteWrite = () => undefined,
): ExplainResult {
  const length = textLength(reason.trim());
  if (length < 1 || length > MAX_REASON) return { kind: "failed", message: messages.explanationLength(MAX_REASON) };
  try {
    const ws = findSheet(workbook, SHEETS.explanations);
    if (!ws) return { kind: "failed", message: messages.noExplanationSheet(SHEETS.explanations) };
    const name = readNames(workbook).find((n) => n.name === tableNameOf(EXPLANATION_TABLE.id));
    const header = typeof name?.value === "string" ? parseNamedCell(name.value) : null;
    const headerRow =
      header && header.sheet === SHEETS.explanations
        ? Number(/\d+$/.exec(header.cell)?.[0])
        : EXPLANATION_TABLE.headerRow;
    const used = ws.UsedRange;
    const values = rowsOf(used.Value2);
    const blank =
      values.length === 1 && values[0].length === 1 && (values[0][0] ?? "") === "" && read(used.Address) === "$A$1";
    const row = firstFreeRow(
      blank ? null : { values, rowIndex: used.Row - 1, columnIndex: used.Column - 1 },
      headerRow + 1,
    );
    const address = `${RULE_COLUMN}${row}:${TEXT_COLUMN}${row}`;
    const target = ws.Range(address);
    note(SHEETS.explanations, address);
    const line = explanationRow(finding, reason);
    target.NumberFormat = "@";
    target.Value2 = [line.map(asText)];
    const back = rowsOf(target.Value2)[0] ?? [];
    if (EXPLANATION_COLUMNS.some((_, i) => back[i] !== line[i]))
      return { kind: "failed", message: messages.explanationNotKept(SHEETS.explanations) };
    return { kind: "written", at: { sheet: SHEETS.explanations, cell: `${RULE_COLUMN}${row}` } };
  } catch (e) {
    return { kind: "failed", message: messages.wpsFailed("写入核实说明", errorDetail(e)) };
  }
}
