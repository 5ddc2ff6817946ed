/** The table sheets (活动明细, 宣传报道, 佐证材料, 核实说明): title, note, header, prepared rows. */
import type ExcelJS from "exceljs";
import { TABLES, type TableDef } from "../../core/definition";
import { BORDER, COLOUR_LEGEND, FILL, FONT } from "./styles";
import { numFmtFor, validationFor } from "./validation";
import { filledRowRule, tableColumnRules } from "./conditional";
import { LOCKED, UNLOCKED, protectSheet } from "./protection";
import { setupPrint } from "./print";
import { preparedRange } from "./refs";

/** What row 2 tells the user, per table. */
const NOTES: Record<string, string> = {
  events:
    "每次研学宣贯活动填一行；红色列名为必填项。“组织研学宣贯培训次数”应与本表行数一致，“公益性宣贯次数”应与“是否公益性”为“是”的行数一致。",
  media: "每篇宣传报道填一行（广播、电视、报纸及微博、微信公众号等新媒体）；红色列名为必填项。",
  evidence: "列出随总结一并报送的佐证材料（通知文件、签到表、照片、课件、新闻报道等）；红色列名为必填项。",
  explanations:
    "“自检”或校验提示的情况如属实，在此逐条说明（规则、位置、说明），无需修改数据；错误不能以说明代替修改。",
};
/** exceljs keeps range validations in `dataValidations` (one entry per range, not per cell) but does not type it. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, dv: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } })
    .dataValidations;
}

const GENERIC_NOTE = `行不够时可插入行（右键 → 插入）；不要的行清除其内容即可，空行不计。${COLOUR_LEGEND}`;

/** Excel's last column: the columns right of a table are unlocked up to here (see below). */
const LAST_COLUMN = 16_384;
/** Width of a column nobody sized (Excel's default, in characters). */
const DEFAULT_WIDTH = 9;

export function addTableSheet(wb: ExcelJS.Workbook, table: TableDef, year: number): ExcelJS.Worksheet {
  const first = table.columns[0].column;
  const last = table.columns[table.columns.length - 1].column;
  const ws = wb.addWorksheet(table.sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: table.headerRow, topLeftCell: `A${table.firstRow}` }],
  });
  // The input area is styled by column, before any row exists: a cell style on every prepared row
  // would make those rows "used", and Excel prints used rows (a page of empty grid per 40 rows), while a
  // style on whole rows reaches all 16,384 columns, which Gnumeric saves cell by cell (a 52 KB template
  // became a 21 MB file). Every column right of the table is unlocked as well: Excel deletes a row on a
  // protected sheet only when none of its cells is locked.
  for (const c of table.columns) {
    const fmt = numFmtFor(c);
    ws.getColumn(c.column).width = c.width;
    ws.getColumn(c.column).style = {
      font: FONT.body,
      protection: UNLOCKED,
      alignment: { vertical: "top", wrapText: c.type === "text" },
      ...(fmt ? { numFmt: fmt } : {}),
    };
  }
  for (let n = table.columns.length + 1; n <= LAST_COLUMN; n++) {
    const col = ws.getColumn(n);
    col.width = DEFAULT_WIDTH;
    col.protection = UNLOCKED;
  }

  ws.mergeCells(`${first}1:${last}1`);
  Object.assign(ws.getCell(`${first}1`), {
    value: table.label,
    font: FONT.title,
    alignment: { horizontal: "center", vertical: "middle" },
    protection: LOCKED,
  });
  ws.getRow(1).height = 28;
  ws.mergeCells(`${first}2:${last}2`);
  Object.assign(ws.getCell(`${first}2`), {
    value: `${NOTES[table.id] ?? ""}${GENERIC_NOTE}`,
    font: FONT.note,
    alignment: { wrapText: true, vertical: "middle" },
    protection: LOCKED,
  });
  ws.getRow(2).height = 48;

  const header = ws.getRow(table.headerRow);
  header.height = 22;
  for (const c of table.columns) {
    Object.assign(header.getCell(c.column), {
      value: c.label,
      font: { ...FONT.header, ...(c.required ? { color: { argb: "FFC00000" } } : {}) },
      fill: FILL.header,
      border: BORDER,
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      protection: LOCKED,
    });
  }
  // The merged title and note cells take the column styles too: lock them all.
  for (const row of [1, 2]) for (const c of table.columns) ws.getCell(`${c.column}${row}`).protection = LOCKED;

  const rowSpan = `$${first}${table.firstRow}:$${last}${table.firstRow}`;
  for (const c of table.columns) {
    const key = `${table.id}.${c.id}`;
    const range = preparedRange(table, c.column);
    const dv = validationFor(c, key, { year, dateSpan: "year" });
    if (dv) rangeValidations(ws).add(range, dv);
    const rules = tableColumnRules(c, key, `${c.column}${table.firstRow}`, rowSpan);
    if (rules.length) ws.addConditionalFormatting({ ref: range, rules });
  }
  // A row someone started gets its grid lines; the empty rows stay unstyled.
  ws.addConditionalFormatting({
    ref: `${first}${table.firstRow}:${last}${table.firstRow + table.capacity - 1}`,
    rules: [filledRowRule(rowSpan)],
  });

  protectSheet(ws, "table");
  setupPrint(ws, {
    titleRows: table.headerRow,
    totalWidth: table.columns.reduce((a, c) => a + c.width, 0),
    // The table's columns, down to its last row in use (the empty prepared rows are not in use).
    printArea: `${first}:${last}`,
  });
  return ws;
}

export function addTableSheets(wb: ExcelJS.Workbook, year: number): ExcelJS.Worksheet[] {
  return TABLES.map((t) => addTableSheet(wb, t, year));
}
