/**
 * The stand-in's reader for inserted workbooks: the project's own values-only reader (src/read) for
 * the values and names, plus, through exceljs, what Excel keeps of each sheet (protection,
 * data-validation cells, unlocked cells, text-formatted cells), which that reader does not read.
 * Runs in Node and, through exceljs's browser build, in the sim page.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../../src/read";
import type { SimReader, SimSource } from "./sim";

export const readWithExceljs: SimReader = async (bytes) => {
  const read = await readWorkbook("inserted.xlsx", bytes);
  if (!read.ok) throw new Error(`excel-sim: the inserted workbook does not read (${read.code}: ${read.message})`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheets: Record<string, NonNullable<SimSource["sheets"]>[string]> = {};
  for (const ws of wb.worksheets) {
    const unlocked: string[] = [];
    const text: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false) unlocked.push(cell.address);
        if (cell.numFmt === "@") text.push(cell.address);
      }),
    );
    const validations = Object.keys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model);
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    sheets[ws.name] = { protected: Boolean(protection?.sheet), validations, unlocked, text };
  }
  return { grid: read.grid, sheets };
};
