/**
 * Renders the master's description (src/core/master) with exceljs's streaming writer: each row is
 * turned into XML as it is committed, every string is written as text (text.ts), and each look is
 * one shared style object, so exceljs registers it once however many cells use it.
 */
import type ExcelJS from "exceljs";
import { columnLetter, parseA1 } from "../../core/a1";
import { TEMPLATE } from "../../core/definition";
import {
  BORDER_COLOR,
  HEADER_FILL,
  HEADER_HEIGHT,
  NUMBER_FORMATS,
  TONE_COLORS,
  TOTALS_FILL,
  type MasterCell,
  type MasterDescription,
  type MasterRow,
  type MasterSheet,
  type NumberFormat,
  type Tone,
} from "../../core/master";
import { asCellText } from "./text";

/** Rows written between two turns of the event loop, so a progress bar or the pane's worker stays live. */
const ROWS_PER_TURN = 500;

const argb = (rgb: string) => `FF${rgb}`;
const solid = (rgb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: argb(rgb) } });
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(BORDER_COLOR) } };

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: solid(HEADER_FILL),
  alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
};

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/** One style object per look (row style, tone, number format, wrapping), made on first use. */
class Styles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();
  of(
    row: MasterRow["style"],
    tone: Tone | null | undefined,
    format: NumberFormat | undefined,
    wrap = false,
  ): Partial<ExcelJS.Style> | null {
    if (row === "header") return HEADER_STYLE;
    if (row === "data" && !tone && !format && !wrap) return null;
    const key = `${row}|${tone ?? ""}|${format ?? ""}|${wrap ? "wrap" : ""}`;
    let style = this.made.get(key);
    if (!style) {
      const numFmt = format ? { numFmt: NUMBER_FORMATS[format] } : {};
      const look: Partial<ExcelJS.Style> =
        row === "totals"
          ? { font: { bold: true }, fill: solid(TOTALS_FILL), ...numFmt }
          : row === "title"
            ? { font: TITLE_FONT, ...numFmt }
            : tone
              ? {
                  fill: solid(TONE_COLORS[tone].fill),
                  font: { color: { argb: argb(TONE_COLORS[tone].font) } },
                  ...numFmt,
                }
              : numFmt;
      style = wrap ? { ...look, alignment: WRAPPED } : look;
      this.made.set(key, style);
    }
    return style;
  }
}

function cellValue(v: MasterCell): ExcelJS.CellValue {
  return typeof v === "string" ? asCellText(v) : v;
}

function yieldTurn(): Promise<void> {
  return new Promise((resolve) =>
    typeof setImmediate === "function" ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
}

function sheetOptions(sheet: MasterSheet): Partial<ExcelJS.AddWorksheetOptions> {
  const { rows, columns } = sheet.frozen;
  const topLeft = `${columnLetter(columns + 1)}${rows + 1}`;
  return {
    ...(sheet.hidden ? { state: "veryHidden" as const } : {}),
    views:
      rows + columns > 0
        ? [{ state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: topLeft, activeCell: topLeft }]
        : [],
    pageSetup: {
      paperSize: 9,
      orientation: sheet.print.landscape ? "landscape" : "portrait",
      ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(sheet.print.titleRows ? { printTitlesRow: sheet.print.titleRows } : {}),
    },
  };
}

async function renderSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: MasterSheet,
  styles: Styles,
  onRow: () => Promise<void>,
): Promise<void> {
  const ws = book.addWorksheet(sheet.name, sheetOptions(sheet));
  ws.columns = sheet.widths.map((width) => ({ width }));
  // exceljs merges cells of rows not yet committed: each range is merged as its top row is written.
  const mergedFrom = new Map<number, string[]>();
  for (const range of sheet.merged ?? []) {
    const top = parseA1(range.split(":")[0])?.row ?? 1;
    mergedFrom.set(top, [...(mergedFrom.get(top) ?? []), range]);
  }
  let r = 0;
  for (const line of sheet.rows()) {
    const row = ws.getRow(++r);
    line.cells.forEach((v, i) => {
      const style = styles.of(line.style, line.tones?.[i], line.formats?.[i], line.wrap);
      // A blank data cell stays absent; a header or totals cell keeps its look even when blank.
      if (v === null && (line.style === "data" || style === null)) return;
      const cell = row.getCell(i + 1);
      cell.value = cellValue(v);
      if (style) cell.style = style;
    });
    if (line.style === "header") row.height = HEADER_HEIGHT;
    if (line.height !== undefined) row.height = line.height;
    if (line.pageBreakAfter) row.addPageBreak();
    for (const range of mergedFrom.get(r) ?? []) ws.mergeCells(range);
    row.commit();
    await onRow();
  }
  if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
  ws.commit();
}

export interface RenderProgress {
  /** Called every few hundred rows with the rows written so far. */
  readonly onRows?: (written: number) => void;
}

/** Writes every sheet of `master` into `book`, in order (the caller commits the workbook). */
export async function renderMaster(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  master: MasterDescription,
  progress: RenderProgress = {},
): Promise<void> {
  book.creator = TEMPLATE.title;
  book.lastModifiedBy = TEMPLATE.title;
  book.created = master.date;
  book.modified = master.date;
  (book as unknown as { title?: string }).title = master.title;
  const styles = new Styles();
  let written = 0;
  const onRow = async () => {
    if (++written % ROWS_PER_TURN !== 0) return;
    progress.onRows?.(written);
    await yieldTurn();
  };
  for (const sheet of master.sheets) await renderSheet(book, sheet, styles, onRow);
}
