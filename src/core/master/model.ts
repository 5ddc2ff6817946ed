/**
 * The master workbook (spec §5) as plain data: sheets, columns, rows, their looks, frozen panes,
 * filters, printing and the chart. It knows neither exceljs nor Office.js; the one writer
 * (src/xlsx/master) renders it into the same .xlsx bytes for the command line and the task pane.
 * Types only.
 */

/** What a master cell holds. Strings are always written as text, never as a formula. */
export type MasterCell = string | number | Date | null;

/** Excel's own good / neutral / bad cell colours, by meaning (palette.ts says which colours). */
export type Tone = "good" | "neutral" | "bad";

/** The number formats the master uses, by meaning (palette.ts gives Excel's format codes). */
export type NumberFormat = "count" | "plain" | "date";

/** How a row looks as a whole: `title` is a large bold heading line (a feedback workbook's first row). */
export type RowStyle = "header" | "data" | "totals" | "title";

export interface MasterRow {
  readonly style: RowStyle;
  /** By column, from column A. */
  readonly cells: readonly MasterCell[];
  /** By column: the number format of each cell (undefined: general). */
  readonly formats?: readonly (NumberFormat | undefined)[];
  /** By column: a cell coloured by meaning (status, severity). */
  readonly tones?: readonly (Tone | null | undefined)[];
  /** A printed page ends after this row. */
  readonly pageBreakAfter?: boolean;
  /** Its text cells wrap within their column, top-aligned (long messages that must print whole). */
  readonly wrap?: boolean;
  /** Height in points, for a row whose wrapped text needs more than one line (spreadsheets do not grow it on opening). */
  readonly height?: number;
}

/** One series of the column chart: the values of one column of the sheet. */
export interface ChartSeries {
  readonly name: string;
  /** The cell holding the series name (`$B$1`). */
  readonly nameCell: string;
  /** `$B$2:$B$18`, one value per category. */
  readonly valuesRange: string;
  readonly values: readonly number[];
  /** Bar colour, RRGGBB. */
  readonly color: string;
}

/** A clustered column chart over cells of one sheet, with cached values (readers that do not recompute still draw it). */
export interface BarChartSpec {
  readonly sheet: string;
  readonly title: string;
  /** `$A$2:$A$18` */
  readonly categoriesRange: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly valueAxisTitle: string;
  /** Zero-based column and row of the chart's top-left and bottom-right cells. */
  readonly anchor: {
    readonly fromCol: number;
    readonly fromRow: number;
    readonly toCol: number;
    readonly toRow: number;
  };
}

export interface PrintSetup {
  readonly landscape: boolean;
  /** Fit the columns to one page wide (rows run on over as many pages as they need). */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "1:1". */
  readonly titleRows?: string;
}

export interface MasterSheet {
  readonly name: string;
  /** veryHidden: not listed in Excel's 取消隐藏 (the 汇总信息 sheet). */
  readonly hidden?: boolean;
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** Rows and columns kept in view while scrolling (0: none). */
  readonly frozen: { readonly rows: number; readonly columns: number };
  /** Rows in order from row 1, produced as they are written (a detail sheet may have 50,000). */
  rows(): Iterable<MasterRow>;
  /** Filter over the header and data rows, e.g. "A1:K40"; null for none. */
  readonly autoFilter: string | null;
  readonly print: PrintSetup;
  /** The chart on this sheet; null when there is none (or nothing to draw). */
  readonly chart: BarChartSpec | null;
  /** Ranges shown as one cell (`B3:I3`): a long text across a sheet's columns. */
  readonly merged?: readonly string[];
}

export interface MasterDescription {
  readonly title: string;
  /** The workbook's created/modified date and its zip entries' time (equal inputs give equal bytes). */
  readonly date: Date;
  readonly sheets: readonly MasterSheet[];
}
