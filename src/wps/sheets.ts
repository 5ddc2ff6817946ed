/**
 * Sheets and names of a WPS workbook, read with as few calls as each answer needs. Worksheets.Item
 * is 1-based and throws for a name the workbook lacks, so sheets are found by listing them.
 */
import type { NamedCell, WorkbookGrid } from "../core/model";
import { namedCellsFrom } from "../host-kit/named-cells";
import { read, type WpsApplication, type WpsCount, type WpsSheets, type WpsWorkbook, type WpsWorksheet } from "./api";
import { sheetGridOf } from "./cells";

/** Item(i) of Worksheets is a sheet for a number or a name (a group only for an array). */
export function asSheet(item: WpsWorksheet | WpsCount): WpsWorksheet {
  if (!("Name" in item)) throw new Error("Worksheets.Item gave a group of sheets");
  return item;
}

/** Every sheet, in order (one call for the count, one per sheet). */
export function listSheets(sheets: WpsSheets): WpsWorksheet[] {
  const out: WpsWorksheet[] = [];
  const count = sheets.Count;
  for (let i = 1; i <= count; i++) out.push(asSheet(sheets.Item(i)));
  return out;
}

/** The sheet with this name (WPS, like Excel, ignores case), or null. */
export function findSheet(workbook: WpsWorkbook, name: string): WpsWorksheet | null {
  const lower = name.toLowerCase();
  return listSheets(workbook.Worksheets).find((ws) => ws.Name.toLowerCase() === lower) ?? null;
}

export function activeWorkbook(app: WpsApplication): WpsWorkbook | null {
  return app.ActiveWorkbook ?? null;
}

/** Every workbook name with its formula ("=基本情况!$C$8"), three calls a name. */
export function readNames(workbook: WpsWorkbook): { name: string; type: string; value: unknown }[] {
  const names = workbook.Names;
  const out: { name: string; type: string; value: unknown }[] = [];
  const count = names.Count;
  for (let i = 1; i <= count; i++) {
    const n = names.Item(i);
    const refersTo = n.RefersTo;
    // The Office adapter's names come as "Range" with the address; the same shape serves both.
    out.push({ name: n.Name, type: typeof refersTo === "string" ? "Range" : "Other", value: refersTo });
  }
  return out;
}

export function namedCells(workbook: WpsWorkbook, sheetNames: ReadonlySet<string>): Record<string, NamedCell> {
  return namedCellsFrom(readNames(workbook), sheetNames);
}

/** A sheet's values in one Value2 read: ~6 calls whatever its size. */
export function readSheet(ws: WpsWorksheet): ReturnType<typeof sheetGridOf> {
  const name = ws.Name;
  const hidden = ws.Visible !== -1;
  const used = ws.UsedRange;
  const value2 = used.Value2;
  const empty = (value2 === undefined || value2 === null || value2 === "") && read(used.Address) === "$A$1";
  return sheetGridOf(name, hidden, empty ? null : { row: used.Row, column: used.Column, value2 });
}

/** Every sheet and the workbook's names. */
export function readWorkbook(workbook: WpsWorkbook): WorkbookGrid {
  const sheets = listSheets(workbook.Worksheets).map(readSheet);
  return { sheets, names: namedCells(workbook, new Set(sheets.map((s) => s.name))) };
}
