/**
 * How the template's formulas, validations and defined names address cells. Sheet names are
 * always quoted: Excel, WPS and LibreOffice all accept '名称'!$A$1, and quoting never hurts.
 */
import {
  cellOf,
  columnById,
  definedNameOf,
  tableById,
  type FieldDef,
  type TableDef,
  type AnyColumnId,
  type FieldId,
  type TableId,
} from "../../core/definition";
import { parseA1 } from "../../core/a1";

export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "C8" → "$C$8". */
export function absolute(cell: string): string {
  const m = /^([A-Z]{1,3})([0-9]+)$/.exec(cell);
  if (!m || !parseA1(cell)) throw new Error(`not a single-cell address: ${cell}`);
  return `$${m[1]}$${m[2]}`;
}

/** '基本情况'!$C$8: what a defined name of a single field refers to. */
export function fieldTarget(field: FieldDef): string {
  return `${quoteSheet(field.sheet)}!${absolute(cellOf(field))}`;
}

export { tableNameOf } from "../../core/definition";

/** '活动明细'!$A$3: the first header cell, what tbl_<id> refers to. */
export function tableTarget(table: TableDef): string {
  return `${quoteSheet(table.sheet)}!${absolute(`${table.columns[0].column}${table.headerRow}`)}`;
}

/** Formula text that reads a single field: through its defined name, so inserted rows keep working. */
export function fieldRef(fieldId: FieldId): string {
  return definedNameOf(fieldId);
}

/**
 * Last row the self-check formulas look at. Ranges start at the header row (so rows inserted just
 * under the header are inside them) and run well past the prepared rows, so added rows count too.
 */
export const SCAN_ROWS = 1000;

/** '活动明细'!$F$3:$F$2002 — one column of a table, header included. */
export function columnRange(tableId: TableId, columnId: AnyColumnId): string {
  const table = tableById(tableId);
  const col = columnById(table, columnId).column;
  return `${quoteSheet(table.sheet)}!$${col}$${table.headerRow}:$${col}$${table.headerRow + SCAN_ROWS - 1}`;
}

/** Rows of a table prepared in the template: "A4:A203" for one column (no sheet). */
export function preparedRange(table: TableDef, column: string): string {
  return `${column}${table.firstRow}:${column}${table.firstRow + table.capacity - 1}`;
}
