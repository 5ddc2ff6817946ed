/**
 * The master's look: header row, totals row, number and date formats, status colours. Shared
 * objects, so exceljs registers each style once however many cells use it.
 */
import type ExcelJS from "exceljs";
import type { ReportStatus } from "../../core/model";
import type { ProblemSeverity } from "../../core/merge/model";

export const NUMBER_FORMAT = {
  /** Headcounts and counts: thousands separator, no decimals. */
  count: "#,##0",
  /** Years and worksheet row numbers: digits only. */
  plain: "0",
  date: "yyyy-mm-dd",
} as const;

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb } };
}

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: solid("FFD9E1F2"),
  alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  border: BOX,
};

/** Three lines of a wrapped label such as 参加《天津市标准化条例》研学人次. */
export const HEADER_HEIGHT = 48;

export const TOTALS_FONT: Partial<ExcelJS.Font> = { bold: true };
export const TOTALS_FILL = solid("FFF2F2F2");

/** Excel's own good / neutral / bad cell colours, so the bureau reads them at a glance. */
const GOOD = { fill: solid("FFC6EFCE"), font: { color: { argb: "FF006100" } } };
const NEUTRAL = { fill: solid("FFFFEB9C"), font: { color: { argb: "FF9C5700" } } };
const BAD = { fill: solid("FFFFC7CE"), font: { color: { argb: "FF9C0006" } } };

export interface CellLook {
  readonly fill: ExcelJS.Fill;
  readonly font: Partial<ExcelJS.Font>;
}

export const STATUS_LOOK: Readonly<Record<ReportStatus, CellLook>> = {
  ok: GOOD,
  warnings: NEUTRAL,
  errors: BAD,
};

export const SEVERITY_LOOK: Readonly<Record<ProblemSeverity, CellLook | null>> = {
  error: BAD,
  warning: NEUTRAL,
  info: null,
};

/** Printing: landscape A4 for the wide lists; 统计 also fits one page wide, so its chart prints whole. */
export const LIST_PAGE_SETUP: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: "landscape" };
export const FIT_WIDTH_PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  ...LIST_PAGE_SETUP,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};
