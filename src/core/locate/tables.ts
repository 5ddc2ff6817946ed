/**
 * Tables: the header row is found by its labels wherever it now stands (rows inserted above it),
 * columns by their header labels (columns moved, inserted or hidden), then every non-empty row
 * below the header is read.
 */
import { columnLetter, columnNumber, parseA1, toA1 } from "../a1";
import type { CellValue, Located, RawRow, SheetGrid, WorkbookGrid } from "../model";
import type { TableDef } from "../definition";
import { labelKey } from "../text";
import { isBlank, keyAt, LABEL_SCAN, nearest, valueAt } from "./grid";

/** Header rows are looked for in this many rows from the top. */
const HEADER_SCAN_ROWS = 500;

export function tableDefinedName(tableId: string): string {
  return `tbl_${tableId}`;
}

/** Enough of a table's header labels in one row to be sure it is that header. */
export function headerThreshold(table: TableDef): number {
  return Math.max(2, Math.ceil(table.columns.length / 2));
}

function columnsInRow(sheet: SheetGrid, row: number, table: TableDef): Map<string, number> {
  const byKey = new Map<string, number[]>();
  const cells = sheet.rows[row - 1] ?? [];
  for (let c = 1; c <= Math.min(cells.length, LABEL_SCAN.columns); c++) {
    const key = keyAt(sheet, row, c);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const found = new Map<string, number>();
  for (const col of table.columns) {
    const candidates = (byKey.get(labelKey(col.label)) ?? []).map((column) => ({ row, column }));
    const best = nearest(candidates, { row, column: columnNumber(col.column) });
    if (best) found.set(col.id, best.column);
  }
  return found;
}

export interface HeaderFound {
  readonly row: number;
  /** Column number of every column found, by column id. */
  readonly columns: ReadonlyMap<string, number>;
}

/** The table's header on a sheet: at its defined name when that still holds the header, else the best row. */
export function findHeader(sheet: SheetGrid, table: TableDef, grid?: WorkbookGrid): HeaderFound | undefined {
  const need = headerThreshold(table);
  const named = grid?.names[tableDefinedName(table.id)];
  const namedAt = named && named.sheet === sheet.name ? parseA1(named.cell) : null;
  if (namedAt) {
    const columns = columnsInRow(sheet, namedAt.row, table);
    if (columns.size >= need) return { row: namedAt.row, columns };
  }
  let best: HeaderFound | undefined;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 1; r <= last; r++) {
    const columns = columnsInRow(sheet, r, table);
    if (columns.size < need) continue;
    const better =
      !best ||
      columns.size > best.columns.size ||
      (columns.size === best.columns.size && Math.abs(r - table.headerRow) < Math.abs(best.row - table.headerRow));
    if (better) best = { row: r, columns };
  }
  return best;
}

export interface TableFound {
  readonly rows: RawRow[];
  /** Chinese notes on what moved or is missing. */
  readonly changes: string[];
}

function describeHeader(table: TableDef, sheetName: string, header: HeaderFound): string[] {
  const name = `“${sheetName}”表`;
  const changes: string[] = [];
  if (header.row !== table.headerRow) changes.push(`${name}的表头已从第 ${table.headerRow} 行移到第 ${header.row} 行`);
  const missing = table.columns.filter((c) => !header.columns.has(c.id));
  for (const c of missing) changes.push(`${name}缺少“${c.label}”列`);
  const moved = table.columns.filter((c) => header.columns.has(c.id) && header.columns.get(c.id) !== columnNumber(c.column));
  const offsets = new Set(moved.map((c) => header.columns.get(c.id)! - columnNumber(c.column)));
  if (moved.length >= 3 && offsets.size === 1) {
    const d = [...offsets][0];
    const first = moved[0];
    changes.push(
      `${name}的 ${moved.length} 列${d > 0 ? `右移了 ${d} 列` : `左移了 ${-d} 列`}（插入或删除了列），如“${first.label}”列已从 ${first.column} 列移到 ${columnLetter(header.columns.get(first.id)!)} 列`,
    );
  } else {
    for (const c of moved) changes.push(`${name}的“${c.label}”列已从 ${c.column} 列移到 ${columnLetter(header.columns.get(c.id)!)} 列`);
  }
  return changes;
}

/** Reads the non-empty rows under the header; a column that is missing reads as blank at its template letter. */
export function readTable(sheet: SheetGrid, table: TableDef, header: HeaderFound, templateSheetName: string): TableFound {
  const rows: RawRow[] = [];
  const columnOf = (id: string, letter: string) => header.columns.get(id) ?? columnNumber(letter);
  for (let r = header.row + 1; r <= sheet.rows.length; r++) {
    const cells: Record<string, Located> = {};
    let empty = true;
    for (const col of table.columns) {
      const c = columnOf(col.id, col.column);
      const value: CellValue = header.columns.has(col.id) ? valueAt(sheet, r, c) : null;
      if (!isBlank(value)) empty = false;
      cells[col.id] = { value, sheet: sheet.name, cell: toA1(r, c) };
    }
    if (!empty) rows.push({ row: r, cells });
  }
  return { rows, changes: describeHeader(table, templateSheetName, header) };
}
