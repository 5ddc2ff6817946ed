/**
 * Tables: the header row is found by its labels wherever it now stands (rows inserted above it),
 * columns by their header labels (columns moved, inserted or hidden), then the non-empty rows below
 * the header are read, up to the row cap (the rest only counted).
 */
import { columnLetter, columnNumber, parseA1, toA1 } from "../a1";
import type { CellValue, LayoutChange, Located, RawRow, SheetGrid, WorkbookGrid } from "../model";
import { tableNameOf, type AnyColumnId, type TableDef } from "../definition";
import { labelKey } from "../text";
import { isBlank } from "../normalise/result";
import { keyAt, LABEL_SCAN, nearest, valueAt } from "./grid";

/** Header rows are looked for in this many rows from the top. */
const HEADER_SCAN_ROWS = 500;

export function tableDefinedName(tableId: string): string {
  return tableNameOf(tableId);
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
  /** The first rows, up to the cap. */
  readonly rows: RawRow[];
  /** Every non-empty row, including those past the cap. */
  readonly count: number;
  /** What moved or is missing. */
  readonly changes: LayoutChange[];
}

function headerChanges(table: TableDef, templateSheet: string, sheet: string, header: HeaderFound): LayoutChange[] {
  const at = { table: table.id, templateSheet, sheet };
  const changes: LayoutChange[] = [];
  if (header.row !== table.headerRow)
    changes.push({ kind: "headerMoved", ...at, templateRow: table.headerRow, row: header.row });
  for (const c of table.columns)
    if (!header.columns.has(c.id)) changes.push({ kind: "columnMissing", ...at, column: c.id });
  const moved = table.columns.filter(
    (c) => header.columns.has(c.id) && header.columns.get(c.id) !== columnNumber(c.column),
  );
  const offsets = new Set(moved.map((c) => header.columns.get(c.id)! - columnNumber(c.column)));
  if (moved.length >= 3 && offsets.size === 1) {
    changes.push({ kind: "columnsShifted", ...at, columns: moved.map((c) => c.id), offset: [...offsets][0] });
  } else {
    for (const c of moved) {
      changes.push({
        kind: "columnMoved",
        ...at,
        column: c.id,
        templateLetter: c.column,
        letter: columnLetter(header.columns.get(c.id)!),
      });
    }
  }
  return changes;
}

/**
 * Reads the non-empty rows under the header; a column that is missing reads as blank at its template
 * letter. Past `maxRows` rows are only counted: a 100,000-row paste costs a count, not 100,000 rows.
 */
export function readTable(
  sheet: SheetGrid,
  table: TableDef,
  header: HeaderFound,
  templateSheetName: string,
  maxRows: number,
): TableFound {
  const rows: RawRow[] = [];
  let count = 0;
  const columns = table.columns.map((col) => ({
    col,
    at: header.columns.get(col.id),
    c: header.columns.get(col.id) ?? columnNumber(col.column),
  }));
  for (let r = header.row + 1; r <= sheet.rows.length; r++) {
    if (count >= maxRows) {
      if (columns.some(({ at }) => at !== undefined && !isBlank(valueAt(sheet, r, at)))) count++;
      continue;
    }
    const cells = {} as Record<AnyColumnId, Located>;
    let empty = true;
    for (const { col, at, c } of columns) {
      const value: CellValue = at !== undefined ? valueAt(sheet, r, c) : null;
      if (!isBlank(value)) empty = false;
      cells[col.id] = { value, sheet: sheet.name, cell: toA1(r, c) };
    }
    if (!empty) {
      rows.push({ row: r, cells });
      count++;
    }
  }
  return { rows, count, changes: headerChanges(table, templateSheetName, sheet.name, header) };
}
