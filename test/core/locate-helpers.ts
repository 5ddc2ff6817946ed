/**
 * Template-shaped grids built from the definition (labels, headers, names, meta), plus the edits a
 * unit makes to a workbook (insert rows or columns, rename a sheet, drop names), for locate tests.
 */
import { columnNumber, parseA1, toA1 } from "../../src/core/a1";
import {
  cellOf,
  columnById,
  definedNameOf,
  FIELDS,
  SHEETS,
  SINGLE_FIELD_LAYOUT,
  TABLES,
  TEMPLATE,
  tableById,
  type AnyColumnId,
} from "../../src/core/definition";
import type { CellValue, NamedCell, SheetGrid, WorkbookGrid } from "../../src/core/model";
import { LOCATE_TESTS_BASE, plainFields, plainRows } from "../lo/plans/reports";

type MutableGrid = { name: string; hidden?: boolean; rows: CellValue[][] };

function put(sheet: MutableGrid, address: string, value: CellValue): void {
  const at = parseA1(address)!;
  while (sheet.rows.length < at.row) sheet.rows.push([]);
  const row = sheet.rows[at.row - 1];
  while (row.length < at.column) row.push(null);
  row[at.column - 1] = value;
}

export interface Fill {
  fields?: Record<string, CellValue>;
  tables?: Record<string, Record<string, CellValue>[]>;
}

/** A correct, complete report (no rule should fire on it except possibly none): test/lo/plans/reports.ts. */
export const GOOD_FILL: Required<Fill> = {
  fields: plainFields(LOCATE_TESTS_BASE),
  tables: Object.fromEntries(TABLES.map((t) => [t.id, plainRows(LOCATE_TESTS_BASE, t.id)])),
};

/** The grid a filled template gives: same sheets, labels, headers, defined names and meta as the template. */
export function templateGrid(
  fill: Fill = GOOD_FILL,
  options: { meta?: boolean; names?: boolean; version?: string } = {},
): WorkbookGrid {
  const sheets = new Map<string, MutableGrid>();
  const sheet = (name: string) => sheets.get(name) ?? sheets.set(name, { name, rows: [] }).get(name)!;
  sheet(SHEETS.guide);
  const names: Record<string, NamedCell> = {};
  put(sheet(SHEETS.basic), "A1", TEMPLATE.title);
  for (const f of FIELDS) {
    put(sheet(f.sheet), `${SINGLE_FIELD_LAYOUT.labelColumn}${f.row}`, f.required ? `${f.label}*` : f.label);
    put(sheet(f.sheet), `${SINGLE_FIELD_LAYOUT.hintColumn}${f.row}`, f.hint);
    const v = fill.fields?.[f.id];
    if (v !== undefined) put(sheet(f.sheet), cellOf(f), v);
    names[definedNameOf(f.id)] = { sheet: f.sheet, cell: cellOf(f) };
  }
  for (const t of TABLES) {
    const s = sheet(t.sheet);
    put(s, "A1", t.label);
    for (const c of t.columns) put(s, `${c.column}${t.headerRow}`, c.label);
    names[`tbl_${t.id}`] = { sheet: t.sheet, cell: `${t.columns[0].column}${t.headerRow}` };
    (fill.tables?.[t.id] ?? []).forEach((row, i) => {
      for (const [id, v] of Object.entries(row))
        put(s, `${columnById(t, id as AnyColumnId).column}${t.firstRow + i}`, v);
    });
  }
  if (options.meta !== false) {
    const m = sheet(SHEETS.meta);
    m.hidden = true;
    put(m, "A1", "templateId");
    put(m, "B1", TEMPLATE.id);
    put(m, "A2", "version");
    put(m, "B2", options.version ?? TEMPLATE.version);
    put(m, "A3", "year");
    put(m, "B3", TEMPLATE.defaultYear);
  }
  return { sheets: [...sheets.values()], names: options.names === false ? {} : names };
}

function mapSheet(grid: WorkbookGrid, name: string, f: (s: SheetGrid) => SheetGrid): WorkbookGrid {
  return { ...grid, sheets: grid.sheets.map((s) => (s.name === name ? f(s) : s)) };
}

/** Rows inserted before `before` (1-based), with the defined names following, as Excel does. */
export function insertRows(grid: WorkbookGrid, sheet: string, before: number, count: number): WorkbookGrid {
  const moved = mapSheet(grid, sheet, (s) => ({
    ...s,
    rows: [...s.rows.slice(0, before - 1), ...Array.from({ length: count }, () => []), ...s.rows.slice(before - 1)],
  }));
  const names: Record<string, NamedCell> = {};
  for (const [n, t] of Object.entries(grid.names)) {
    const at = parseA1(t.cell)!;
    names[n] = t.sheet === sheet && at.row >= before ? { sheet, cell: toA1(at.row + count, at.column) } : t;
  }
  return { ...moved, names };
}

/** Columns inserted before column `before` (letter), names following. */
export function insertColumns(grid: WorkbookGrid, sheet: string, before: string, count: number): WorkbookGrid {
  const b = columnNumber(before);
  const moved = mapSheet(grid, sheet, (s) => ({
    ...s,
    rows: s.rows.map((r) =>
      r.length < b ? r : [...r.slice(0, b - 1), ...Array.from({ length: count }, () => null), ...r.slice(b - 1)],
    ),
  }));
  const names: Record<string, NamedCell> = {};
  for (const [n, t] of Object.entries(grid.names)) {
    const at = parseA1(t.cell)!;
    names[n] = t.sheet === sheet && at.column >= b ? { sheet, cell: toA1(at.row, at.column + count) } : t;
  }
  return { ...moved, names };
}

export function renameSheet(
  grid: WorkbookGrid,
  from: string,
  to: string,
  options: { keepNames?: boolean } = {},
): WorkbookGrid {
  const renamed = mapSheet(grid, from, (s) => ({ ...s, name: to }));
  const names: Record<string, NamedCell> = {};
  for (const [n, t] of Object.entries(grid.names))
    names[n] = t.sheet === from && options.keepNames !== false ? { ...t, sheet: to } : t;
  return { ...renamed, names: options.keepNames === false ? {} : names };
}

export function setCell(grid: WorkbookGrid, sheet: string, address: string, value: CellValue): WorkbookGrid {
  return mapSheet(grid, sheet, (s) => {
    const copy: MutableGrid = { ...s, rows: s.rows.map((r) => [...r]) };
    put(copy, address, value);
    return copy;
  });
}

export { tableById };

/** The workbook without one sheet (and without the defined names that pointed at it). */
export function removeSheet(grid: WorkbookGrid, name: string): WorkbookGrid {
  const names = Object.fromEntries(Object.entries(grid.names).filter(([, t]) => t.sheet !== name));
  return { ...grid, sheets: grid.sheets.filter((s) => s.name !== name), names };
}

/** The good report with `extra` one-cell rows pasted under the events table (a lone title each). */
export function withPastedRows(extra: number): WorkbookGrid {
  const grid = templateGrid();
  return {
    ...grid,
    sheets: grid.sheets.map((s) => {
      if (s.name !== SHEETS.events) return s;
      const pasted: CellValue[][] = Array.from({ length: extra }, (_, i) => [null, `粘贴的第${i + 1}行`]);
      return { ...s, rows: [...s.rows, ...pasted] };
    }),
  };
}
