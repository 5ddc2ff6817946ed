/**
 * The open workbook as the core's plain grid of values (WorkbookGrid), read through Office.js in
 * one Excel.run with two context.sync calls whatever the number of sheets: the first learns the
 * sheets and defined names, the second fetches every sheet's used range at once.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from "../core/model";
import { namedCellsFrom } from "../host-kit/named-cells";
import type { ExcelRunner } from "./runner";

/** What Office.js gives for one used range (zero-based top-left corner). */
export interface UsedRangeValues {
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

/**
 * One Office.js cell as the core sees it: blanks ("" of type Empty) are null and error values
 * ("#DIV/0!" of type Error) become CellError, so they are never taken for text someone typed.
 * Dates stay serial numbers: the normaliser reads them by the field's type.
 */
export function cellFromOffice(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (valueType === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** A used range placed in worksheet coordinates (rows[r - 1][c - 1]), as the exceljs adapter does. */
export function sheetGridFromUsedRange(name: string, hidden: boolean, used: UsedRangeValues | null): SheetGrid {
  const rows: CellValue[][] = [];
  if (used) {
    for (let r = 0; r < used.values.length; r++) {
      const cells: CellValue[] = new Array<CellValue>(used.columnIndex).fill(null);
      const source = used.values[r];
      for (let c = 0; c < source.length; c++) cells.push(cellFromOffice(source[c], used.valueTypes[r]?.[c]));
      rows[used.rowIndex + r] = cells;
    }
    for (let r = 0; r < used.rowIndex; r++) rows[r] = [];
  }
  return hidden ? { name, hidden, rows } : { name, rows };
}

export function readWorkbookGrid(excel: ExcelRunner): Promise<WorkbookGrid> {
  return excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    const names = context.workbook.names;
    worksheets.load("items");
    names.load("items");
    await context.sync();

    // Queue every sheet's used range before the one sync that fetches them all.
    const ranges = worksheets.items.map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("values,valueTypes,rowIndex,columnIndex");
      return { ws, used };
    });
    await context.sync();

    const sheets = ranges.map(({ ws, used }) =>
      sheetGridFromUsedRange(ws.name, ws.visibility !== "Visible", used.isNullObject ? null : used),
    );
    const namedItems = names.items.map((n) => ({ name: n.name, type: String(n.type), value: n.value as unknown }));
    // The 1904 date system is not exposed to add-ins in the requirement sets we target; Excel for
    // Windows and the web default to 1900, and the file path reads the flag from the file itself.
    return { sheets, names: namedCellsFrom(namedItems, new Set(sheets.map((s) => s.name))) };
  });
}
