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
import { columnNumber, parseNamedCell } from "../core/a1";
import { SHEETS, tableById, tableNameOf } from "../core/definition";
import type { Finding } from "../core/model";
import { textLength } from "../core/normalise/text";
import { RULES } from "../core/rules/catalogue";
import type { ExplainResult } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { errorCode, errorDetail, messages } from "./messages";

const TABLE = tableById("explanations");
const COLUMNS = TABLE.columns.map((c) => c.column);
const [RULE_COLUMN] = COLUMNS;
const TEXT_COLUMN = COLUMNS[COLUMNS.length - 1];
const MAX_REASON = TABLE.columns.find((c) => c.id === "text")?.maxLength ?? 500;

/** The row's three cells: what explanationsOf in the core reads back. */
export function explanationRow(finding: Finding, reason: string): [string, string, string] {
  return [RULES[finding.rule].name, `${finding.sheet}!${finding.cell}`, reason];
}

/** A value Excel stores as exactly this text. */
const asText = (s: string) => `'${s}`;

interface UsedValues {
  readonly values: readonly (readonly unknown[])[];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

/** The first row at or under `firstRow` whose 核实说明 cells are all blank (1-based). */
export function firstFreeRow(used: UsedValues | null, firstRow: number): number {
  if (!used) return firstRow;
  const columns = COLUMNS.map((c) => columnNumber(c) - 1 - used.columnIndex);
  const last = used.rowIndex + used.values.length;
  for (let row = firstRow; row <= last; row++) {
    const line = used.values[row - 1 - used.rowIndex];
    if (!line || columns.every((c) => c < 0 || line[c] === "" || line[c] === null || line[c] === undefined)) return row;
  }
  return Math.max(firstRow, last + 1);
}

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
