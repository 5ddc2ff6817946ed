/**
 * A 核实说明 row as both host adapters write it (rule name, location, reason, each as text) and where
 * the next one goes: the first row under the header whose cells are all blank.
 */
import { columnNumber } from "../core/a1";
import { tableById } from "../core/definition";
import type { Finding } from "../core/model";
import { RULES } from "../core/rules/catalogue";

export const EXPLANATION_TABLE = tableById("explanations");
export const EXPLANATION_COLUMNS = EXPLANATION_TABLE.columns.map((c) => c.column);
export const [RULE_COLUMN] = EXPLANATION_COLUMNS;
export const TEXT_COLUMN = EXPLANATION_COLUMNS[EXPLANATION_COLUMNS.length - 1];
export const MAX_REASON = EXPLANATION_TABLE.columns.find((c) => c.id === "text")?.maxLength ?? 500;

/** The row's three cells: what explanationsOf in the core reads back. */
export function explanationRow(finding: Finding, reason: string): [string, string, string] {
  return [RULES[finding.rule].name, `${finding.sheet}!${finding.cell}`, reason];
}

/** A value the host stores as exactly this text: the leading apostrophe is the spreadsheet mark for "this is text". */
export const asText = (s: string) => `'${s}`;

export interface UsedValues {
  readonly values: readonly (readonly unknown[])[];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

/** The first row at or under `firstRow` whose 核实说明 cells are all blank (1-based). */
export function firstFreeRow(used: UsedValues | null, firstRow: number): number {
  if (!used) return firstRow;
  const columns = EXPLANATION_COLUMNS.map((c) => columnNumber(c) - 1 - used.columnIndex);
  const last = used.rowIndex + used.values.length;
  for (let row = firstRow; row <= last; row++) {
    const line = used.values[row - 1 - used.rowIndex];
    if (!line || columns.every((c) => c < 0 || line[c] === "" || line[c] === null || line[c] === undefined)) return row;
  }
  return Math.max(firstRow, last + 1);
}
