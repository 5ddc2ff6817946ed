/**
 * The real template (writeTemplate) filled by exceljs with the correct report GOOD_FILL, then
 * `edit`ed: the starting point of the file-level reader and hostile-input tests.
 */
import ExcelJS from "exceljs";
import { cellOf, columnById, FIELDS, tableById, type AnyColumnId, type TableId } from "../../src/core/definition";
import type { CellValue } from "../../src/core/model";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { GOOD_FILL } from "../core/locate-helpers";

/** exceljs sees dates as Date cells, as a unit's Excel would store them. */
function asCell(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  if (v === "" || v === null) return null;
  return v as ExcelJS.CellValue;
}

export async function filledTemplate(edit?: (wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTemplate()) as unknown as ArrayBuffer);
  for (const f of FIELDS) wb.getWorksheet(f.sheet)!.getCell(cellOf(f)).value = asCell(GOOD_FILL.fields[f.id] ?? null);
  for (const [tableId, rows] of Object.entries(GOOD_FILL.tables)) {
    const t = tableById(tableId as TableId);
    rows.forEach((row, i) => {
      for (const [col, v] of Object.entries(row))
        wb.getWorksheet(t.sheet)!.getCell(`${columnById(t, col as AnyColumnId).column}${t.firstRow + i}`).value =
          asCell(v);
    });
  }
  edit?.(wb);
  return wb;
}
