/**
 * Sparse sheet cells → the core's dense rows, with the limits that keep a crafted file from making
 * the grid huge. Merged ranges keep only their top-left value, as Office.js shows them.
 */
import { MAX_COLUMN, MAX_ROW } from "./guard";
import type { CellValue, SheetGrid } from "../core/model";
import { columnOf, SheetDamage, type SparseSheet } from "./worksheet";

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * The grid is dense: a value far down or far right costs a slot for every cell before it. A 60 KB
 * file with one value in column XFD on each of 3,000 rows, or in row 1,048,576 of 40 sheets, would
 * need 400-700 MB of empty slots (32 MB here); past this many the workbook is refused instead. A
 * filled report needs a few thousand.
 */
export const MAX_GRID_SLOTS = 4_000_000;

/** Excel's limit on the characters in one cell; only a crafted file holds more. */
export const MAX_CELL_CHARS = 32767;

/** Why cells cannot become a grid; `detail` is Chinese, for the refusal message. */
export class GridRefusal extends Error {
  constructor(
    readonly code: "corrupt" | "too_large",
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Slots still allowed for the whole workbook; checked before any padding is allocated. */
export interface SlotBudget {
  left: number;
}

function spend(budget: SlotBudget, slots: number, sheet: string): void {
  budget.left -= slots;
  if (budget.left < 0)
    throw new GridRefusal(
      "too_large",
      `工作表“${sheet}”等在很远的行或列中有内容（例如第 1048576 行或 XFD 列），读取所需内存过多`,
    );
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function areaOf(ref: string): Area | undefined {
  const [a, b] = ref.split(":");
  if (b === undefined) return undefined;
  const row = (s: string) => parseInt(s.replace(/^[^0-9]*/, ""), 10);
  const [c1, r1, c2, r2] = [columnOf(a), row(a), columnOf(b), row(b)];
  if (!(c1 > 0 && c2 > 0 && r1 > 0 && r2 > 0)) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

const overlaps = (x: Area, y: Area) => x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;

/** Blank every cell of a merged range but its top-left one; overlapping ranges are damage (exceljs refused them). */
export function applyMerges(cells: SparseSheet, refs: readonly string[]): void {
  const areas = refs.map(areaOf).filter((a): a is Area => a !== undefined);
  for (let i = 0; i < areas.length; i++)
    for (let j = 0; j < i; j++) if (overlaps(areas[i], areas[j])) throw new SheetDamage("overlapping merged ranges");
  const blank = (r: number, row: Map<number, CellValue>, area: Area) => {
    for (const c of row.keys())
      if (c >= area.left && c <= area.right && !(r === area.top && c === area.left)) row.set(c, null);
  };
  for (const area of areas) {
    // Walk whichever is shorter: the range's rows or the rows that hold cells.
    if (area.bottom - area.top < cells.size) {
      for (let r = area.top; r <= area.bottom; r++) {
        const row = cells.get(r);
        if (row) blank(r, row, area);
      }
    } else for (const [r, row] of cells) if (r >= area.top && r <= area.bottom) blank(r, row, area);
  }
}

function letters(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Dense rows of one sheet; throws GridRefusal past Excel's sheet, Excel's cell text or the slot budget. */
export function sheetGridOf(name: string, hidden: boolean, cells: SparseSheet, budget: SlotBudget): SheetGrid {
  const rows: (readonly CellValue[])[] = [];
  for (const r of [...cells.keys()].sort((x, y) => x - y)) {
    const out: CellValue[] = [];
    const row = cells.get(r)!;
    for (const c of [...row.keys()].sort((x, y) => x - y)) {
      const value = row.get(c)!;
      if (value === null) continue;
      if (c > MAX_COLUMN)
        throw new GridRefusal("corrupt", `工作表“${name}”第 ${r} 行的内容超出了 Excel 的 ${MAX_COLUMN} 列`);
      if (typeof value === "string" && value.length > MAX_CELL_CHARS)
        throw new GridRefusal(
          "too_large",
          `工作表“${name}”的 ${letters(c)}${r} 单元格有 ${value.length} 个字符，超过 Excel 每格 ${MAX_CELL_CHARS} 个字符的上限`,
        );
      spend(budget, c - out.length, name);
      while (out.length < c - 1) out.push(null);
      out[c - 1] = value;
    }
    if (out.length === 0) continue;
    if (r > MAX_ROW) throw new GridRefusal("corrupt", `工作表“${name}”第 ${r} 行超出了 Excel 的 ${MAX_ROW} 行`);
    spend(budget, r - rows.length, name);
    while (rows.length < r - 1) rows.push(EMPTY_ROW);
    rows[r - 1] = out;
  }
  return hidden ? { name, hidden, rows } : { name, rows };
}
