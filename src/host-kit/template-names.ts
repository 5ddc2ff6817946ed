/**
 * The template's sheets, its first input and its workbook names, from the definition: what 插入模板
 * checks for, recreates and reads back (the names are the definition's, as the file writer's are; this
 * module needs no exceljs, so the pane bundle stays small).
 */
import { cellOf, definedNameOf, FIELDS, SHEETS, TABLES, TEMPLATE_SHEET_NAMES, tableNameOf } from "../core/definition";
import type { CellRef } from "../ports/operations";

/** Every sheet the template consists of, in the template's order: the definition's one list. */
export { TEMPLATE_SHEET_NAMES };

/** Where filling starts: the first field on 基本情况. */
export const FIRST_INPUT: CellRef = (() => {
  const first = FIELDS.find((f) => f.sheet === SHEETS.basic) ?? FIELDS[0];
  return { sheet: first.sheet, cell: cellOf(first) };
})();

export interface TemplateName {
  readonly name: string;
  readonly sheet: string;
  /** A1 without `$`. */
  readonly cell: string;
}

/** fld_<id> for every single field, tbl_<id> for every table's first header cell. */
export const TEMPLATE_NAMES: readonly TemplateName[] = [
  ...FIELDS.map((f) => ({ name: definedNameOf(f.id), sheet: f.sheet, cell: cellOf(f) })),
  ...TABLES.map((t) => ({ name: tableNameOf(t.id), sheet: t.sheet, cell: `${t.columns[0].column}${t.headerRow}` })),
];

/** "='基本情况'!$C$8". */
export function nameFormula(n: TemplateName): string {
  const m = /^([A-Z]+)(\d+)$/.exec(n.cell)!;
  return `='${n.sheet.replace(/'/g, "''")}'!$${m[1]}$${m[2]}`;
}

/** Inputs the template gives a dropdown (every enum field): read back after the insert. */
export const DROPDOWN_CELLS: readonly CellRef[] = FIELDS.filter((f) => f.type === "enum").map((f) => ({
  sheet: f.sheet,
  cell: cellOf(f),
}));
