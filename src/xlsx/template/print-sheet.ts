/**
 * 打印稿: the copy of 基本情况 that gets printed and sealed, built from formulas (nothing to fill).
 *
 * Why a separate sheet: a spreadsheet row is at most 409 points high, so a 2,000- or 4,000-character
 * answer can never print whole from the one cell it is typed in. Here each long answer gets a row
 * with its label, then is cut into pieces of PRINT_PIECE characters (MID), one row each, spanning the
 * label and text columns. The rows have a fixed height that holds a full piece: no program resizes rows when a formula's result changes
 * (LibreOffice keeps the height it saved; Excel autofits only the cell being typed in), so a height
 * left to "automatic" would print one line of each piece. The price is blank space under short answers.
 *
 * Each section starts on a new page (manual breaks, honoured because the sheet prints at 100% rather
 * than "fit to page", which makes Excel ignore manual breaks), so no heading is left alone at the foot
 * of a page. The print area leaves out the instruction note beside it.
 */
import type ExcelJS from "exceljs";
import { BASIC_SECTIONS, FIELDS, SEAL_BLOCK, SHEETS, TABLES, type FieldDef, type TableId } from "../../core/definition";
import { F, str } from "./formula-text";
import { nonEmptyRows } from "./self-check-lines";
import { titleOf } from "./basic-sheet";
import { BORDER, FONT } from "./styles";
import { protectSheet } from "./protection";
import { numFmtFor } from "./validation";

/**
 * Column widths (character units). LibreOffice prints about 70 units across A4 portrait between
 * 0.5-inch margins (its unit is wider than Excel's), so the three columns add up to 70.
 */
const WIDTHS = { A: 4, B: 14, C: 52 } as const;
/** Characters of 11-point 宋体 on one line of a column, in Excel and WPS (LibreOffice fits more). */
const charsPerLine = (width: number) => Math.floor((width * 7 + 5) / 14.7);
/** Points per line: the tallest of the three programs (LibreOffice's CJK fallback font) plus a little. */
const LINE_PT = 16;
/** Row height that shows `chars` characters in a column of `width`, with `spare` lines for line breaks. */
const heightFor = (chars: number, width: number, spare: number) =>
  Math.min(409, (Math.ceil(chars / charsPerLine(width)) + spare) * LINE_PT);

/** Characters per printed row of a long answer (eight lines in Excel). */
export const PRINT_PIECE = 200;
/** A piece's row holds its characters plus two paragraph breaks the writer typed. */
export const PRINT_PIECE_HEIGHT = heightFor(PRINT_PIECE, WIDTHS.B + WIDTHS.C, 2);

export const PRINT_LAYOUT = {
  sheet: SHEETS.print,
  columns: { number: "A", label: "B", text: "C", note: "E" },
  widths: WIDTHS,
  titleRow: 1,
} as const;

const C = PRINT_LAYOUT.columns;
const thin = BORDER.top!;

/** The table sheets printed with 打印稿, in workbook order (核实说明 only when it has rows). */
const PRINTED_TABLES = TABLES;

/** The printed line saying which sheets make up the sealed copy with this one. */
export function withTablesLine(): string {
  const sheets = PRINTED_TABLES.filter((t) => t.id !== "explanations").map((t) => `“${t.sheet}”`);
  return (
    `本件由本表和${sheets.join("")}表组成（填写了核实说明的，连同“${SHEETS.explanations}”表），须一并打印、加盖公章后报送。` +
    "各表已设好打印格式（A4 纸、每页重复表头、页脚页码），打开该表直接打印即可。"
  );
}

/** "附表：活动明细 3 项，…": how many rows each table has (an array formula: rows as 自检 counts them). */
function attachedCounts(): string {
  const parts = PRINTED_TABLES.map((t, i) => `${i === 0 ? "" : "，"}“${t.sheet}” `);
  const units: Record<string, string> = { events: "项", media: "篇", evidence: "份", explanations: "条" };
  return `${str("附表：")}&${PRINTED_TABLES.map((t, i) => `${str(parts[i])}&${nonEmptyRows(t.id as TableId)}&${str(` ${units[t.id] ?? "行"}`)}`).join("&")}&${str("。")}`;
}

/** How many pieces a long answer takes on 打印稿: enough for its longest accepted answer. */
export function piecesOf(f: FieldDef): number {
  return Math.ceil((f.maxLength ?? PRINT_PIECE) / PRINT_PIECE);
}

export function addPrintSheet(wb: ExcelJS.Workbook, year: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SHEETS.print, { views: [{ showGridLines: false }] });
  for (const [col, width] of Object.entries(PRINT_LAYOUT.widths)) ws.getColumn(col).width = width;
  ws.getColumn(C.note).width = 40;

  ws.mergeCells(`${C.number}1:${C.text}1`);
  Object.assign(ws.getCell(`${C.number}1`), {
    value: titleOf(year),
    font: FONT.title,
    alignment: { horizontal: "center", vertical: "middle" },
  });
  ws.getRow(1).height = 30;
  Object.assign(ws.getCell(`${C.note}1`), {
    value: `本表由“${SHEETS.basic}”自动生成，供打印盖章，无需填写；内容请在“${SHEETS.basic}”中修改。本说明不会打印。`,
    font: FONT.note,
    alignment: { wrapText: true, vertical: "top" },
  });

  // Within the print area: what else makes up the sealed copy (the tables print from their own sheets).
  ws.mergeCells(`${C.number}2:${C.text}2`);
  Object.assign(ws.getCell(`${C.number}2`), {
    value: withTablesLine(),
    font: FONT.note,
    alignment: { wrapText: true, vertical: "middle" },
  });
  ws.getRow(2).height = heightFor(withTablesLine().length, WIDTHS.A + WIDTHS.B + WIDTHS.C, 0) + 4;

  let r = 3;
  let number = 0;
  const items = [
    ...BASIC_SECTIONS.map((s) => ({ row: s.row, section: s.title })),
    ...FIELDS.filter((f) => f.sheet === SHEETS.basic).map((f) => ({ row: f.row, field: f })),
  ].sort((a, b) => a.row - b.row);
  for (const item of items) {
    if ("section" in item) {
      // A new page for every section but the first: a heading never ends a page.
      if (item.section !== BASIC_SECTIONS[0].title) ws.getRow(r - 1).addPageBreak();
      ws.mergeCells(`${C.number}${r}:${C.text}${r}`);
      Object.assign(ws.getCell(`${C.number}${r}`), {
        value: item.section,
        font: FONT.section,
        border: BORDER,
        alignment: { vertical: "middle" },
      });
      ws.getRow(r).height = 22;
      r++;
      continue;
    }
    const f = item.field;
    number++;
    const edge = (top: boolean, bottom: boolean) => ({
      left: thin,
      right: thin,
      ...(top ? { top: thin } : {}),
      ...(bottom ? { bottom: thin } : {}),
    });
    const first = ws.getRow(r);
    Object.assign(first.getCell(C.number), {
      value: number,
      font: FONT.body,
      border: edge(true, f.type !== "longtext"),
      alignment: { horizontal: "center", vertical: "top" },
    });
    if (f.type === "longtext") {
      // The label on a row of its own, then the pieces across label and text columns.
      ws.mergeCells(`${C.label}${r}:${C.text}${r}`);
      Object.assign(first.getCell(C.label), {
        value: f.label,
        font: FONT.section,
        border: edge(true, false),
        alignment: { vertical: "middle" },
      });
      first.height = 20;
      const pieces = piecesOf(f);
      for (let k = 0; k < pieces; k++) {
        const row = ws.getRow(r + 1 + k);
        row.height = PRINT_PIECE_HEIGHT;
        const last = k === pieces - 1;
        Object.assign(row.getCell(C.number), { border: edge(false, last) });
        ws.mergeCells(`${C.label}${r + 1 + k}:${C.text}${r + 1 + k}`);
        Object.assign(row.getCell(C.label), {
          value: { formula: `MID(${F(f.id)},${k * PRINT_PIECE + 1},${PRINT_PIECE})` },
          font: FONT.body,
          border: edge(false, last),
          alignment: { vertical: "top", wrapText: true, horizontal: "left" },
        });
      }
      r += 1 + pieces;
      continue;
    }
    // A short field: label and value side by side, as tall as the longer of the two can be.
    first.height = Math.max(heightFor(f.label.length, WIDTHS.B, 0), heightFor(f.maxLength ?? 10, WIDTHS.C, 0));
    Object.assign(first.getCell(C.label), {
      value: f.label,
      font: FONT.body,
      border: edge(true, true),
      alignment: { vertical: "top", wrapText: true },
    });
    const value = first.getCell(C.text);
    Object.assign(value, {
      value: { formula: `IF(LEN(${F(f.id)})=0,"",${F(f.id)})` },
      font: FONT.body,
      border: edge(true, true),
      alignment: { vertical: "top", wrapText: true, horizontal: "left" },
    });
    const fmt = numFmtFor(f);
    if (fmt && fmt !== "@") value.numFmt = fmt;
    r += 1;
  }

  // The tables that go with it, counted, so whoever seals and whoever receives the copy can check it is whole.
  ws.mergeCells(`${C.number}${r}:${C.text}${r}`);
  ws.getCell(`${C.number}${r}`).value = {
    formula: attachedCounts(),
    shareType: "array",
    ref: `${C.number}${r}`,
  } as ExcelJS.CellFormulaValue;
  Object.assign(ws.getCell(`${C.number}${r}`), { font: FONT.body, alignment: { wrapText: true, vertical: "top" } });
  ws.getRow(r).height = 36;
  r += 1;

  const seal = ws.getRow(r + 1);
  seal.height = 60;
  Object.assign(seal.getCell(C.text), {
    value: `${SEAL_BLOCK.unitLabel}\n\n${SEAL_BLOCK.dateLabel}`,
    font: FONT.section,
    alignment: { vertical: "top", wrapText: true },
  });

  protectSheet(ws, "readOnly");
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "portrait",
    scale: 100,
    fitToPage: false,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // exceljs puts a "$" before each part itself: "A$1:C$9" is written as $A$1:$C$9.
    printArea: `${C.number}$1:${C.text}$${r + 1}`,
  };
  ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
  return ws;
}
