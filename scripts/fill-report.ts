/**
 * A filled report written by the project's own tools: the real template (writeTemplate) with values
 * put by field id and column id through the template definition, saved by exceljs. Used by
 * make-examples.ts, the merge tests and bench/merge.ts.
 */
import ExcelJS from "exceljs";
import { cellOf, columnById, FIELDS, tableById, type AnyColumnId, type TableId } from "../src/core/definition";
import { writeTemplate } from "../src/xlsx/template-writer";

export type FillValue = string | number | Date | null;

export interface ReportFill {
  /** By field id; a field left out keeps the template's cell. */
  readonly fields: Readonly<Record<string, FillValue>>;
  /** By table id: rows from the table's first row, by column id. */
  readonly tables?: Readonly<Record<string, readonly Readonly<Record<string, FillValue>>[]>>;
}

/** Dates typed as `YYYY-MM-DD` become date cells, as a unit's Excel stores them; other text stays text. */
function cellValue(v: FillValue): ExcelJS.CellValue {
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

/** Fixed document times: the same fill gives the same workbook parts on every run. */
const DOC_TIME = new Date("2023-11-01T00:00:00Z");

export async function blankTemplate(year = 2023): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTemplate({ year })) as unknown as ArrayBuffer);
  return wb;
}

/** Puts the fill into a loaded template workbook (table rows beyond the fill are left as they are). */
export function applyFill(wb: ExcelJS.Workbook, fill: ReportFill): void {
  for (const [id, v] of Object.entries(fill.fields)) {
    const f = FIELDS.find((x) => x.id === id);
    if (!f) throw new Error(`unknown field id: ${id}`);
    wb.getWorksheet(f.sheet)!.getCell(cellOf(f)).value = cellValue(v);
  }
  for (const [tableId, rows] of Object.entries(fill.tables ?? {})) {
    const t = tableById(tableId as TableId);
    const ws = wb.getWorksheet(t.sheet)!;
    rows.forEach((row, i) => {
      for (const [col, v] of Object.entries(row))
        ws.getCell(`${columnById(t, col as AnyColumnId).column}${t.firstRow + i}`).value = cellValue(v);
    });
  }
  wb.created = DOC_TIME;
  wb.modified = DOC_TIME;
}

export async function filledReport(fill: ReportFill, year = 2023): Promise<Buffer> {
  const wb = await blankTemplate(year);
  applyFill(wb, fill);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
