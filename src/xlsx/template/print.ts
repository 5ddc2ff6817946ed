/** Print setup: A4, fit to one page wide, titles repeated on every page. */
import type ExcelJS from "exceljs";

const A4 = 9;
/** Tables wider than this (sum of column widths, in characters) print in landscape. */
const PORTRAIT_MAX_WIDTH = 95;

export function setupPrint(
  ws: ExcelJS.Worksheet,
  opts: { titleRows?: number; totalWidth: number; printArea?: string },
): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: opts.totalWidth > PORTRAIT_MAX_WIDTH ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(opts.titleRows ? { printTitlesRow: `1:${opts.titleRows}` } : {}),
    ...(opts.printArea ? { printArea: opts.printArea } : {}),
  };
  ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
}
