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

/** Excel's paper size code for A4. */
const A4 = 9;
/** Inches: Excel's “窄” margins at the sides, room for the page numbers at the foot. */
const MARGINS = { left: 0.25, right: 0.25, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };

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

/** Running text (统计's summary paragraph): a size up from the tables, wrapped, from the top left. */
const PARAGRAPH_STYLE: Partial<ExcelJS.Style> = {
  font: { size: 12 },
  alignment: { vertical: "top", horizontal: "left", wrapText: true },
};

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };

/** Every cell of a data or totals row starts at the top: a row made taller by wrapped text reads across. */
const TOP: Partial<ExcelJS.Alignment> = { vertical: "top" };
const WRAPPED: Partial<ExcelJS.Alignment> = { vertical: "top", wrapText: true };

/** One style object per look (row style, tone, number format, wrapping), made on first use. */
class Styles {
  private readonly made = new Map<string, Partial<ExcelJS.Style>>();
  of(
    row: MasterRow["style"],
    tone: Tone | null | undefined,
    format: NumberFormat | undefined,
    wrap = false,
  ): Partial<ExcelJS.Style> {
    if (row === "header") return HEADER_STYLE;
    if (row === "paragraph") return PARAGRAPH_STYLE;
    const key = `${row}|${tone ?? ""}|${format ?? ""}|${wrap ? "w" : ""}`;
    let style = this.made.get(key);
    if (!style) {
      const numFmt = format ? { numFmt: NUMBER_FORMATS[format] } : {};
      const alignment = { alignment: wrap ? WRAPPED : TOP };
      style =
        row === "totals"
          ? { font: { bold: true }, fill: solid(TOTALS_FILL), ...numFmt, ...alignment }
          : row === "title"
            ? { font: TITLE_FONT, ...numFmt, ...alignment }
            : tone
              ? {
                  fill: solid(TONE_COLORS[tone].fill),
                  font: { color: { argb: argb(TONE_COLORS[tone].font) } },
                  ...numFmt,
                  ...alignment,
                }
              : { ...numFmt, ...alignment };
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
      paperSize: A4,
      orientation: sheet.print.landscape ? "landscape" : "portrait",
      ...(sheet.print.fitToWidth || sheet.print.fitToHeight
        ? { fitToPage: true, fitToWidth: sheet.print.fitToWidth ? 1 : 0, fitToHeight: sheet.print.fitToHeight ? 1 : 0 }
        : {}),
      ...(sheet.print.titleRows ? { printTitlesRow: sheet.print.titleRows } : {}),
      margins: MARGINS,
    },
    ...(sheet.print.footer ? { headerFooter: { oddFooter: sheet.print.footer } } : {}),
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
  const wrap = sheet.wrap ?? [];
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
      // A blank data cell stays absent; a header or totals cell keeps its look even when blank.
      if (v === null && line.style === "data") return;
      const cell = row.getCell(i + 1);
      cell.value = cellValue(v);
      const wrapped = (line.wrap === true || wrap[i] === true) && typeof v === "string";
      cell.style = styles.of(line.style, line.tones?.[i], line.formats?.[i], wrapped);
    });
    if (line.height !== undefined) row.height = line.height;
    else if (line.style === "header") row.height = HEADER_HEIGHT;
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
