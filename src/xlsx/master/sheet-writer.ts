/**
 * Writes one master sheet: a header row (frozen, filtered), one row per item committed as it is
 * written (the streaming writer then lets it go), then optional closing rows (totals) outside the
 * filter range. Strings go in as strings, which exceljs writes as shared strings: text, never formulas.
 */
import type ExcelJS from "exceljs";
import type { MasterCell, MasterColumn } from "./columns";
import { HEADER_HEIGHT, HEADER_STYLE, LIST_PAGE_SETUP, TOTALS_FILL, TOTALS_FONT } from "./styles";
import { asCellText } from "./text";

/**
 * Rows written between two turns of the event loop, so a progress bar or the task pane stays live
 * while 50,000 rows are written. (Memory does not depend on it: measured the same without.)
 */
const ROWS_PER_TURN = 500;

/**
 * Where the sheets go: exceljs's streaming WorkbookWriter (Node: rows leave memory as they are
 * committed) or a plain exceljs Workbook (the browser, where exceljs has no streaming writer). Row
 * commits are no-ops on the latter.
 */
export type MasterBook = Pick<ExcelJS.Workbook, "addWorksheet">;

/** Ends a sheet: the streaming writer flushes it; a plain workbook's sheet has nothing to flush. */
export function finishSheet(ws: ExcelJS.Worksheet): void {
  const streamed = ws as Partial<Pick<ExcelJS.Worksheet, "commit">>;
  if (typeof streamed.commit === "function") streamed.commit();
}

export interface SheetPlan<R> {
  readonly name: string;
  readonly columns: readonly MasterColumn<R>[];
  readonly rows: readonly R[];
  /** Rows under the data, outside the filter (a totals row): cells by column index. */
  readonly closing?: readonly (readonly MasterCell[])[];
  /** How many leading columns stay in view when scrolling right (0: none). */
  readonly frozenColumns?: number;
}

export function cellValue(v: MasterCell): ExcelJS.CellValue {
  return typeof v === "string" ? asCellText(v) : v;
}

function yieldTurn(): Promise<void> {
  return new Promise((resolve) =>
    typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
}

/** The header row's cells, styled, as row `rowNumber`. */
export function writeHeader(ws: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[]): void {
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = asCellText(h);
    cell.style = HEADER_STYLE;
  });
  row.height = HEADER_HEIGHT;
  row.commit();
}

/** A bold, shaded row of fixed cells (totals), with the columns' number formats. */
export function writeClosingRow<R>(
  ws: ExcelJS.Worksheet,
  rowNumber: number,
  columns: readonly MasterColumn<R>[],
  cells: readonly MasterCell[],
  pageBreakAfter = false,
): void {
  const row = ws.getRow(rowNumber);
  columns.forEach((col, i) => {
    const cell = row.getCell(i + 1);
    cell.value = cellValue(cells[i] ?? null);
    cell.style = { font: TOTALS_FONT, fill: TOTALS_FILL, ...(col.format ? { numFmt: col.format } : {}) };
  });
  if (pageBreakAfter) row.addPageBreak();
  row.commit();
}

/** Writes the data rows of `columns` over `rows` from worksheet row `firstRow`; returns the last row written. */
export async function writeRows<R>(
  ws: ExcelJS.Worksheet,
  firstRow: number,
  columns: readonly MasterColumn<R>[],
  rows: readonly R[],
): Promise<number> {
  let r = firstRow;
  for (const item of rows) {
    const row = ws.getRow(r);
    columns.forEach((col, i) => {
      const v = col.value(item);
      if (v === null) return;
      const cell = row.getCell(i + 1);
      cell.value = cellValue(v);
      const look = col.look?.(item);
      if (look) cell.style = { fill: look.fill, font: look.font, ...(col.format ? { numFmt: col.format } : {}) };
      else if (col.format) cell.numFmt = col.format;
    });
    row.commit();
    if ((r - firstRow + 1) % ROWS_PER_TURN === 0) await yieldTurn();
    r++;
  }
  return r - 1;
}

/** Column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Adds and writes a whole list sheet: header, rows, closing rows; frozen header, autofilter over header and data. */
export async function writeListSheet<R>(wb: MasterBook, plan: SheetPlan<R>): Promise<void> {
  const frozen = plan.frozenColumns ?? 0;
  const ws = wb.addWorksheet(plan.name, {
    views: [
      {
        state: "frozen",
        xSplit: frozen,
        ySplit: 1,
        topLeftCell: `${columnLetter(frozen + 1)}2`,
        activeCell: `${columnLetter(frozen + 1)}2`,
      },
    ],
    pageSetup: { ...LIST_PAGE_SETUP, printTitlesRow: "1:1" },
  });
  ws.columns = plan.columns.map((c) => ({ width: c.width }));
  writeHeader(
    ws,
    1,
    plan.columns.map((c) => c.header),
  );
  const last = await writeRows(ws, 2, plan.columns, plan.rows);
  ws.autoFilter = `A1:${columnLetter(plan.columns.length)}${Math.max(last, 1)}`;
  let r = last + 1;
  for (const cells of plan.closing ?? []) writeClosingRow(ws, r++, plan.columns, cells);
  finishSheet(ws);
}
