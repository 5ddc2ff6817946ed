/**
 * WPS values as the core sees them. Range.Value2 gives a scalar for one cell and rows (a JS array of
 * arrays, 0-based) for a block; dates come as serial numbers (that is what Value2 is for), blanks as
 * undefined, null or "" and error cells as VBA's CVErr codes (docs/wps-facts.md: all unconfirmed
 * until a real WPS shows them; the 宿主诊断 view checks).
 */
import type { CellValue, SheetGrid } from "../core/model";
import { isCellError } from "../core/model";

/** VBA's CVErr numbers (xlErrNull … xlErrNA) and the error each stands for. */
export const CVERR: ReadonlyMap<number, string> = new Map([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

/** A Date (should a WPS give one) as the serial number Value2 gives in Excel (1900 system). */
function serialOf(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569 - d.getTimezoneOffset() / 1440;
}

export function cellFromWps(value: unknown): CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") {
    const error = CVERR.get(value);
    return error ? { error } : value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return serialOf(value);
  if (isCellError(value as CellValue)) return value as CellValue;
  return String(value);
}

/** Value2 of a range as rows, whatever its shape (scalar for one cell). */
export function rowsOf(value2: unknown): readonly (readonly unknown[])[] {
  if (Array.isArray(value2)) return value2.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
  return [[value2]];
}

/** A used range (1-based top-left `row`, `column`) placed in worksheet coordinates, as the other adapters do. */
export function sheetGridOf(
  name: string,
  hidden: boolean,
  used: { row: number; column: number; value2: unknown } | null,
): SheetGrid {
  const rows: CellValue[][] = [];
  if (used) {
    const source = rowsOf(used.value2);
    for (let r = 0; r < used.row - 1; r++) rows[r] = [];
    source.forEach((line, r) => {
      const cells: CellValue[] = new Array<CellValue>(used.column - 1).fill(null);
      for (const v of line) cells.push(cellFromWps(v));
      rows[used.row - 1 + r] = cells;
    });
  }
  return hidden ? { name, hidden, rows } : { name, rows };
}
