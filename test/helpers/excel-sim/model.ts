/**
 * The workbook the Excel stand-in holds: sheets of cells, defined names, conditional formats,
 * selection. Pure data and the edits a person or the add-in makes to it (no Office.js, no Node APIs,
 * so the same model runs in jest and in the `npm run sim` page). The Office.js-shaped proxies in
 * api.ts read and write it.
 */
import { columnLetter, columnNumber, parseA1 } from "../../../src/core/a1";
import type { WorkbookGrid } from "../../../src/core/model";
import { isCellError } from "../../../src/core/model";

export type SimValue = string | number | boolean | { readonly error: string } | null;

/** 1-based inclusive rectangle. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SimConditionalFormat {
  readonly id: string;
  readonly type: "Custom";
  range: Rect;
  formula: string;
  fill: string | null;
}

export interface SimSheet {
  readonly id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** "r,c" → value. */
  readonly cells: Map<string, SimValue>;
  /** "r,c" → number format; "@" keeps typed text as text. */
  readonly formats: Map<string, string>;
  protected: boolean;
  /** Under protection, formatting (conditional formats included) is still allowed. */
  formatCells: boolean;
  /** Cells with a data-validation rule. */
  validations: Rect[];
  conditionalFormats: SimConditionalFormat[];
  /** "r,c" keys of unlocked cells (protected sheets accept writes only there); null: every cell locked. */
  unlocked: Set<string> | null;
  /** Columns unlocked by their column style, and the "r,c" cells in them that stay locked. */
  unlockedColumns: { columns: Set<number>; locked: Set<string> } | null;
}

/** What a reader gives a stand-in for one workbook: values, and per sheet what the host would keep. */
export interface SimSource {
  readonly grid: WorkbookGrid;
  readonly sheets?: Readonly<
    Record<
      string,
      {
        protected?: boolean;
        /** The protection allows formatting cells (and so conditional formats). */
        formatCells?: boolean;
        validations?: readonly string[];
        unlocked?: readonly string[];
        /** Columns whose style unlocks every cell without a style of its own ("A", "K"…). */
        unlockedColumns?: readonly string[];
        /** Cells with a style of their own that keeps them locked (only those in unlocked columns matter). */
        locked?: readonly string[];
        text?: readonly string[];
      }
    >
  >;
}

/** Whether every cell of `r` may be written on the sheet (any cell, when it is not protected). */
export function unlockedOn(sheet: SimSheet, r: Rect): boolean {
  const open = sheet.unlocked;
  if (!open) return !sheet.protected;
  const byColumn = sheet.unlockedColumns;
  const cellOpen = (k: string, c: number) =>
    open.has(k) || (byColumn !== null && byColumn.columns.has(c) && !byColumn.locked.has(k));
  for (let row = r.top; row <= r.bottom; row++)
    for (let c = r.left; c <= r.right; c++) if (!cellOpen(key(row, c), c)) return false;
  return true;
}

/** A defined name: a cell of a sheet, or broken (what Excel leaves after some inserts). */
export type SimName =
  | { readonly name: string; sheetId: string; row: number; column: number }
  | { readonly name: string; readonly broken: string };

export const key = (row: number, column: number): string => `${row},${column}`;

/** "C8", "$C$8", "A4:C6" → Rect; throws on anything else (the stand-in knows no other form). */
export function parseRect(address: string): Rect {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!m) throw new Error(`excel-sim: unsupported address ${address}`);
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function rectAddress(r: Rect): string {
  const a = `${columnLetter(r.left)}${r.top}`;
  const b = `${columnLetter(r.right)}${r.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

/** Excel quotes a sheet name in an address only when it must (spaces, punctuation, leading digit). */
export function sheetPrefix(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** Excel's serial day number of a date (1900 system). */
export function serialOf(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/**
 * What Excel stores when a person types `text` into a cell: numbers, TRUE/FALSE and ISO dates are
 * converted (a date becomes its serial number), a blank clears the cell; a text-formatted cell keeps text.
 */
export function typedValue(text: string | number | boolean | null, textFormat: boolean): SimValue {
  if (text === null || text === "") return null;
  if (typeof text !== "string" || textFormat) return text;
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) return serialOf(new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))));
  return text;
}

/** Moves a rectangle for `count` rows inserted before `row`: below moves down, across grows. */
export function shiftRect(r: Rect, row: number, count: number): Rect {
  if (r.top >= row) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= row) return { ...r, bottom: r.bottom + count };
  return r;
}

/** A rectangle after rows row…row+count-1 are deleted: below moves up, across shrinks, inside is gone (null). */
export function shiftRectUp(r: Rect, row: number, count: number): Rect | null {
  const last = row + count - 1;
  if (r.bottom < row) return r;
  if (r.top > last) return { ...r, top: r.top - count, bottom: r.bottom - count };
  const kept = r.bottom - r.top + 1 - (Math.min(r.bottom, last) - Math.max(r.top, row) + 1);
  if (kept <= 0) return null;
  const top = r.top < row ? r.top : row;
  return { ...r, top, bottom: top + kept - 1 };
}

export class SimWorkbook {
  readonly sheets: SimSheet[] = [];
  names: SimName[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  addSheet(name: string, visibility: SimSheet["visibility"] = "Visible"): SimSheet {
    if (this.sheetByName(name)) throw new Error(`excel-sim: sheet ${name} exists`);
    const sheet: SimSheet = {
      id: this.newId("sheet"),
      name,
      visibility,
      cells: new Map(),
      formats: new Map(),
      protected: false,
      formatCells: false,
      validations: [],
      conditionalFormats: [],
      unlocked: null,
      unlockedColumns: null,
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  /** Excel looks sheets up by name without regard to case. */
  sheetByName(name: string): SimSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetByKey(k: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === k) ?? this.sheetByName(k);
  }

  /** A sheet by name, or throws (for the test's own calls, where a typo is the test's bug). */
  sheet(name: string): SimSheet {
    const s = this.sheetByName(name);
    if (!s) throw new Error(`excel-sim: no sheet ${name}`);
    return s;
  }

  get(sheet: SimSheet, row: number, column: number): SimValue {
    return sheet.cells.get(key(row, column)) ?? null;
  }

  set(sheet: SimSheet, row: number, column: number, value: SimValue): void {
    if (value === null) sheet.cells.delete(key(row, column));
    else sheet.cells.set(key(row, column), value);
  }

  /** The smallest rectangle around the sheet's values, or null for an empty sheet. */
  usedRect(sheet: SimSheet): Rect | null {
    let r: Rect | null = null;
    for (const k of sheet.cells.keys()) {
      const [row, column] = k.split(",").map(Number);
      r = r
        ? {
            top: Math.min(r.top, row),
            left: Math.min(r.left, column),
            bottom: Math.max(r.bottom, row),
            right: Math.max(r.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return r;
  }

  /** Inserts whole rows: cells, formats, validations, conditional formats and names below move down. */
  insertRows(sheet: SimSheet, row: number, count: number): void {
    for (const map of [sheet.cells, sheet.formats] as Map<string, unknown>[]) {
      const moved = [...map.entries()].map(([k, v]) => {
        const [r, c] = k.split(",").map(Number);
        return [r >= row ? key(r + count, c) : k, v] as const;
      });
      map.clear();
      for (const [k, v] of moved) map.set(k, v);
    }
    for (const keys of [sheet.unlocked, sheet.unlockedColumns?.locked]) {
      if (!keys) continue;
      const moved = [...keys].map((k) => {
        const [r, c] = k.split(",").map(Number);
        return r >= row ? key(r + count, c) : k;
      });
      keys.clear();
      for (const k of moved) keys.add(k);
      // New rows take the formatting (lock state) of the row above, as Excel's do.
      for (const k of [...keys]) {
        const [r, c] = k.split(",").map(Number);
        if (r === row - 1) for (let i = 0; i < count; i++) keys.add(key(row + i, c));
      }
    }
    sheet.validations = sheet.validations.map((r) => shiftRect(r, row, count));
    for (const cf of sheet.conditionalFormats) cf.range = shiftRect(cf.range, row, count);
    for (const n of this.names) if ("sheetId" in n && n.sheetId === sheet.id && n.row >= row) n.row += count;
  }

  /** Deletes whole rows: what was on them is gone, names to them break (#REF!), everything below moves up. */
  deleteRows(sheet: SimSheet, row: number, count: number): void {
    const last = row + count - 1;
    for (const map of [sheet.cells, sheet.formats] as Map<string, unknown>[]) {
      const kept = [...map.entries()].flatMap(([k, v]) => {
        const [r, c] = k.split(",").map(Number);
        if (r >= row && r <= last) return [];
        return [[r > last ? key(r - count, c) : k, v] as const];
      });
      map.clear();
      for (const [k, v] of kept) map.set(k, v);
    }
    for (const keys of [sheet.unlocked, sheet.unlockedColumns?.locked]) {
      if (!keys) continue;
      const kept = [...keys].flatMap((k) => {
        const [r, c] = k.split(",").map(Number);
        if (r >= row && r <= last) return [];
        return [r > last ? key(r - count, c) : k];
      });
      keys.clear();
      for (const k of kept) keys.add(k);
    }
    sheet.validations = sheet.validations.flatMap((r) => shiftRectUp(r, row, count) ?? []);
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
      const moved = shiftRectUp(cf.range, row, count);
      if (moved) cf.range = moved;
      return moved !== null;
    });
    this.names = this.names.map((n) => {
      if (!("sheetId" in n) || n.sheetId !== sheet.id || n.row < row) return n;
      if (n.row > last) return { ...n, row: n.row - count };
      return { name: n.name, broken: "#REF!" };
    });
  }

  /**
   * Adds the source's sheets (those in `only`, when given) with their values, protection, unlocked and
   * text cells and validation; a taken name gets " (2)". The source's workbook names are not added:
   * each host does with them what it does (returned by the sheets they point at).
   */
  loadSheets(source: SimSource, only?: readonly string[]): Map<string, SimSheet> {
    const byOriginal = new Map<string, SimSheet>();
    for (const g of source.grid.sheets) {
      if (only && !only.includes(g.name)) continue;
      let name = g.name;
      for (let n = 2; this.sheetByName(name); n++) name = `${g.name} (${n})`;
      const sheet = this.addSheet(name, g.hidden ? "Hidden" : "Visible");
      g.rows.forEach((row, r) =>
        row?.forEach((v, c) => {
          const value: SimValue =
            v instanceof Date ? serialOf(v) : isCellError(v) ? { error: v.error } : (v as SimValue);
          this.set(sheet, r + 1, c + 1, value);
        }),
      );
      const extra = source.sheets?.[g.name];
      sheet.protected = Boolean(extra?.protected);
      sheet.formatCells = Boolean(extra?.formatCells);
      sheet.validations = (extra?.validations ?? []).map(parseRect);
      const open = new Set<string>();
      for (const a of extra?.unlocked ?? []) {
        const r = parseRect(a);
        for (let row = r.top; row <= r.bottom; row++) for (let c = r.left; c <= r.right; c++) open.add(key(row, c));
      }
      sheet.unlocked = open;
      if (extra?.unlockedColumns?.length) {
        const locked = new Set<string>();
        for (const a of extra.locked ?? []) {
          const r = parseRect(a);
          locked.add(key(r.top, r.left));
        }
        sheet.unlockedColumns = {
          columns: new Set(extra.unlockedColumns.map((c) => parseRect(`${c}1`).left)),
          locked,
        };
      }
      for (const a of extra?.text ?? []) {
        const r = parseRect(a);
        sheet.formats.set(key(r.top, r.left), "@");
      }
      byOriginal.set(g.name, sheet);
    }
    return byOriginal;
  }

  /** The source's names that point at the given sheets: name → its cell (1-based). */
  static namesOn(
    source: SimSource,
    sheets: ReadonlyMap<string, SimSheet>,
  ): { name: string; sheet: SimSheet; row: number; column: number }[] {
    return Object.entries(source.grid.names).flatMap(([name, target]) => {
      const sheet = sheets.get(target.sheet);
      const at = parseA1(target.cell);
      return sheet && at ? [{ name, sheet, row: at.row, column: at.column }] : [];
    });
  }

  /** The name's formula as Excel shows it ("=基本情况!$C$8", or "=#REF!$C$8"). */
  nameFormula(n: SimName): string {
    if ("broken" in n) return `=${n.broken}`;
    const sheet = this.sheets.find((s) => s.id === n.sheetId);
    if (!sheet) return "=#REF!";
    return `=${sheetPrefix(sheet.name)}$${columnLetter(n.column)}$${n.row}`;
  }
}
