/** 基本情况: one row per single field (number, label, input, hint), section titles, the seal block. */
import type ExcelJS from "exceljs";
import {
  BASIC_SECTIONS,
  FIELDS,
  SEAL_BLOCK,
  SHEETS,
  SINGLE_FIELD_LAYOUT,
  TEMPLATE,
  cellOf,
} from "../../core/definition";
import { BORDER, COLOUR_LEGEND, FILL, FONT, requiredLabel } from "./styles";
import { numFmtFor, validationFor } from "./validation";
import { singleFieldRules } from "./conditional";
import { UNLOCKED, protectSheet } from "./protection";
import { setupPrint } from "./print";

const L = SINGLE_FIELD_LAYOUT;
export const BASIC_HEADER_ROW = 3;
const WIDTHS: Record<string, number> = {
  [L.numberColumn]: 6,
  [L.labelColumn]: 34,
  [L.inputColumn]: 52,
  [L.hintColumn]: 40,
};
const LONGTEXT_ROW_HEIGHT = 96;

export function titleOf(year: number): string {
  return `${year}年${TEMPLATE.title}`;
}

export function addBasicSheet(wb: ExcelJS.Workbook, year: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.basic, {
    views: [{ state: "frozen", xSplit: 0, ySplit: BASIC_HEADER_ROW, topLeftCell: `A${BASIC_HEADER_ROW + 1}` }],
  });
  for (const [col, width] of Object.entries(WIDTHS)) ws.getColumn(col).width = width;

  const span = `${L.numberColumn}%:${L.hintColumn}%`;
  const merged = (row: number) => span.replace(/%/g, String(row));

  ws.mergeCells(merged(1));
  Object.assign(ws.getCell("A1"), {
    value: titleOf(year),
    font: FONT.title,
    alignment: { horizontal: "center", vertical: "middle" },
  });
  ws.getRow(1).height = 30;
  ws.mergeCells(merged(2));
  Object.assign(ws.getCell("A2"), {
    value: `带“*”的为必填项；浅色单元格为填写区（可从下拉列表选择或按提示填写），其余单元格已保护以防误改。${COLOUR_LEGEND}打印盖章请打印“${SHEETS.print}”工作表（长文字在本表打印不全），“${SHEETS.print}”第一行写明须一并打印的明细表。`,
    font: FONT.note,
    alignment: { wrapText: true, vertical: "middle" },
  });
  ws.getRow(2).height = 48;

  const headers: [string, string][] = [
    [L.numberColumn, "序号"],
    [L.labelColumn, "项目"],
    [L.inputColumn, "填写内容"],
    [L.hintColumn, "填写说明"],
  ];
  for (const [col, text] of headers) {
    Object.assign(ws.getCell(`${col}${BASIC_HEADER_ROW}`), {
      value: text,
      font: FONT.header,
      fill: FILL.header,
      border: BORDER,
      alignment: { horizontal: "center" },
    });
  }

  for (const s of BASIC_SECTIONS) {
    ws.mergeCells(merged(s.row));
    Object.assign(ws.getCell(`${L.numberColumn}${s.row}`), {
      value: s.title,
      font: FONT.section,
      fill: FILL.section,
      border: BORDER,
    });
  }

  FIELDS.filter((f) => f.sheet === SHEETS.basic).forEach((f, i) => {
    const row = ws.getRow(f.row);
    Object.assign(row.getCell(L.numberColumn), {
      value: i + 1,
      font: FONT.body,
      border: BORDER,
      alignment: { horizontal: "center", vertical: "top" },
    });
    Object.assign(row.getCell(L.labelColumn), {
      value: requiredLabel(f.label, f.required),
      font: f.required ? FONT.required : FONT.body,
      border: BORDER,
      alignment: { vertical: "top", wrapText: true },
    });
    const input = row.getCell(L.inputColumn);
    Object.assign(input, {
      font: FONT.body,
      fill: FILL.input,
      border: BORDER,
      protection: UNLOCKED,
      alignment: { vertical: "top", wrapText: true, horizontal: "left" },
    });
    const fmt = numFmtFor(f);
    if (fmt) input.numFmt = fmt;
    if (f.id === "year") input.value = year;
    const dv = validationFor(f, f.id, { year, dateSpan: "yearAndNext" });
    if (dv) input.dataValidation = dv;
    ws.addConditionalFormatting({ ref: cellOf(f), rules: singleFieldRules(f, cellOf(f)) });
    Object.assign(row.getCell(L.hintColumn), {
      value: f.hint,
      font: FONT.note,
      border: BORDER,
      alignment: { vertical: "top", wrapText: true },
    });
    if (f.type === "longtext") row.height = LONGTEXT_ROW_HEIGHT;
  });

  const seal = ws.getRow(SEAL_BLOCK.row);
  seal.height = 48;
  Object.assign(seal.getCell(L.inputColumn), {
    value: SEAL_BLOCK.unitLabel,
    font: FONT.section,
    alignment: { vertical: "bottom" },
  });
  Object.assign(seal.getCell(L.hintColumn), {
    value: SEAL_BLOCK.dateLabel,
    font: FONT.section,
    alignment: { vertical: "bottom" },
  });

  protectSheet(ws, "form");
  setupPrint(ws, { titleRows: BASIC_HEADER_ROW, totalWidth: Object.values(WIDTHS).reduce((a, b) => a + b, 0) });
  // The hint column is for filling in, not for the printed copy ("A$1" is how exceljs wants it).
  ws.pageSetup.printArea = `${L.numberColumn}$1:${L.inputColumn}$${SEAL_BLOCK.row}`;
  return ws;
}
