/**
 * The stand-in's reader for inserted workbooks: the project's own values-only reader (src/read, which
 * runs in Node and in the browser) gives the values and names, as Excel would show them; exceljs reads
 * what Excel keeps of each sheet beyond values (protection, data-validation cells, unlocked and
 * text-formatted cells), which a values-only reader rightly ignores. Both run in the sim page too
 * (exceljs through its browser build).
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../../src/read";
import type { SimReader, SimSource } from "./sim";

type SheetAttributes = NonNullable<SimSource["sheets"]>[string];

async function sheetAttributes(bytes: Uint8Array): Promise<Record<string, SheetAttributes>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheets: Record<string, SheetAttributes> = {};
  for (const ws of wb.worksheets) {
    const unlocked: string[] = [];
    const text: string[] = [];
    // A column style unlocks the cells of the column that have no style of their own.
    const unlockedColumns = new Set<string>();
    for (let n = 1; n <= ws.columnCount; n++)
      if (ws.getColumn(n).protection?.locked === false) unlockedColumns.add(ws.getColumn(n).letter);
    const locked: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.protection?.locked === false) unlocked.push(cell.address);
        else if (unlockedColumns.has(cell.address.replace(/\d+$/, ""))) locked.push(cell.address);
        if (cell.numFmt === "@") text.push(cell.address);
      }),
    );
    const validations = Object.keys(
      (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model,
    );
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean } })
      .sheetProtection;
    sheets[ws.name] = {
      protected: Boolean(protection?.sheet),
      formatCells: Boolean(protection?.formatCells),
      validations,
      unlocked,
      ...(unlockedColumns.size > 0 ? { unlockedColumns: [...unlockedColumns], locked } : {}),
      text,
    };
  }
  return sheets;
}

export const readInsertedWorkbook: SimReader = async (bytes) => {
  const read = await readWorkbook("inserted.xlsx", bytes);
  // Excel refuses a file it cannot open; the stand-in says why.
  if (!read.ok) throw new Error(`excel-sim: cannot insert this workbook (${read.code}: ${read.message})`);
  return { grid: read.grid, sheets: await sheetAttributes(bytes) };
};
