/**
 * template.modified: one warning per layout change the locator recorded (renamed sheet, inserted
 * rows or columns, moved labels, missing parts). Each change is data; this is the one place that
 * says it in Chinese, and the finding points at the moved field's or column's real cell, else at
 * the sheet the change is about.
 */
import {
  columnById,
  fieldById,
  FIELDS,
  SHEETS,
  tableById,
  type AnyColumnId,
  type FieldId,
  type TableId,
} from "../definition";
import { columnLetter, columnNumber } from "../a1";
import type { FieldMove, Finding, LayoutChange, RawReport } from "../model";
import { fixedSeverity } from "./catalogue";
import { fieldPlace, templatePlace, type Place, type Rule } from "./context";

/** The `field` of a finding about the layout as a whole. */
const TEMPLATE_FIELD = "template" as const;

type ChangePlace = Place & Pick<Finding, "field" | "table" | "row">;

const label = (fieldId: FieldId) => `“${fieldById(fieldId).label}”`;
const columnLabel = (tableId: TableId, columnId: AnyColumnId) => `“${columnById(tableById(tableId), columnId).label}”`;

function shift(n: number, down: string, up: string, unit: string): string {
  return n > 0 ? `${down}了 ${n} ${unit}` : `${up}了 ${-n} ${unit}`;
}

function moveText(m: FieldMove): string {
  const to = m.sheet === m.templateSheet ? m.cell : `${m.sheet}!${m.cell}`;
  return `${label(m.field)}已从 ${m.templateSheet}!${m.templateCell} 移到 ${to}`;
}

/** The Chinese description of a layout change. */
export function describeLayoutChange(change: LayoutChange): string {
  switch (change.kind) {
    case "sheetRenamed":
      return `工作表“${change.templateSheet}”已改名为“${change.sheet}”`;
    case "metaMissing":
      return `缺少隐藏的工作表“${SHEETS.meta}”（可能是把内容复制到了新工作簿）`;
    case "fieldMoved":
      return moveText(change);
    case "fieldsShifted": {
      const [first] = change.moves;
      const parts = [
        change.rows !== 0 ? shift(change.rows, "下移", "上移", "行") : "",
        change.columns !== 0 ? shift(change.columns, "右移", "左移", "列") : "",
      ].filter(Boolean);
      return `${label(first.field)}等 ${change.moves.length} 项${parts.join("、")}（插入或删除了行或列），如${moveText(first)}`;
    }
    case "fieldMissing":
      return `未找到${label(change.field)}栏目（模板位置 ${change.templateSheet}!${change.templateCell}）`;
    case "tableSheetMissing":
      return `未找到“${tableById(change.table).label}”所在的工作表`;
    case "headerMissing":
      return `工作表“${change.sheet}”中未找到“${tableById(change.table).label}”的表头`;
    case "headerMoved":
      return `“${change.templateSheet}”表的表头已从第 ${change.templateRow} 行移到第 ${change.row} 行`;
    case "columnMissing":
      return `“${change.templateSheet}”表缺少${columnLabel(change.table, change.column)}列`;
    case "columnMoved":
      return `“${change.templateSheet}”表的${columnLabel(change.table, change.column)}列已从 ${change.templateLetter} 列移到 ${change.letter} 列`;
    case "columnsShifted": {
      const d = change.offset;
      const first = columnById(tableById(change.table), change.columns[0]);
      const moved = d > 0 ? `右移了 ${d} 列` : `左移了 ${-d} 列`;
      return `“${change.templateSheet}”表的 ${change.columns.length} 列${moved}（插入或删除了列），如“${first.label}”列已从 ${first.column} 列移到 ${columnLetter(columnNumber(first.column) + d)} 列`;
    }
  }
}

/** A table column's first real cell; the table's sheet when the table has no rows. */
function columnPlace(raw: RawReport, tableId: TableId, columnId: AnyColumnId, sheet: string): ChangePlace {
  const first = raw.tables[tableId][0];
  const cell = first?.cells[columnId];
  if (first && cell) return { sheet: cell.sheet, cell: cell.cell, field: columnId, table: tableId, row: first.row };
  return { sheet, cell: "A1", field: tableId, table: tableId };
}

/** Where the finding about a layout change points. */
function placeOfChange(raw: RawReport, change: LayoutChange): ChangePlace {
  switch (change.kind) {
    case "sheetRenamed":
      return { sheet: change.sheet, cell: "A1", field: TEMPLATE_FIELD };
    case "metaMissing":
      return { ...fieldPlace(raw, FIELDS[0].id), field: FIELDS[0].id };
    case "fieldMoved":
    case "fieldMissing":
      return { ...fieldPlace(raw, change.field), field: change.field };
    case "fieldsShifted":
      return { ...fieldPlace(raw, change.moves[0].field), field: change.moves[0].field };
    case "tableSheetMissing":
      return { ...templatePlace(raw, change.templateSheet, "A1"), field: change.table, table: change.table };
    case "headerMissing":
    case "headerMoved":
      return { sheet: change.sheet, cell: "A1", field: change.table, table: change.table };
    case "columnMissing":
    case "columnMoved":
      return columnPlace(raw, change.table, change.column, change.sheet);
    case "columnsShifted":
      return columnPlace(raw, change.table, change.columns[0], change.sheet);
  }
}

const templateModified: Rule = ({ raw }) =>
  raw.layoutChanges.map((change): Finding => ({
    rule: "template.modified",
    severity: fixedSeverity("template.modified"),
    ...placeOfChange(raw, change),
    message: `模板格式被改动：${describeLayoutChange(change)}。已按栏目名称读取，请核对读取结果；不应改动模板的格式`,
  }));

export const layoutRules: readonly Rule[] = [templateModified];
