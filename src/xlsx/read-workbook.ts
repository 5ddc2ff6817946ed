/**
 * exceljs workbook → the core's WorkbookGrid: every cell as a person sees it in Excel.
 *
 * Formulas are never evaluated or copied: a formula cell contributes only the result the writing
 * program cached (which may be 0, "" or an error). Types are left to the template definition, so a
 * number stays a number and text stays text; only cells exceljs already turned into Date (date
 * number formats) arrive as Date.
 */
import type ExcelJS from "exceljs";
import { MAX_COLUMN, MAX_ROW } from "../core/guard";
import type { CellError, CellValue, NamedCell, SheetGrid, WorkbookGrid } from "../core/model";

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/**
 * The grid is dense: a value far down or far right costs a slot for every cell before it (exceljs
 * itself keeps such rows sparse). A 60 KB file with one value in column XFD on each of 3,000 rows,
 * or in row 1,048,576 of 40 sheets, would need 400-700 MB of empty slots (32 MB here); past this many the
 * workbook is refused instead. A filled report needs a few thousand.
 */
export const MAX_GRID_SLOTS = 4_000_000;

/**
 * Excel's limit on the characters in one cell. exceljs reads longer text; only a crafted file holds
 * it, and every rule that quotes or trims such a value would pay for its length.
 */
export const MAX_CELL_CHARS = 32767;

/** Why a workbook exceljs loaded cannot become a grid; `detail` is Chinese, for the refusal message. */
export class GridRefusal extends Error {
  constructor(
    readonly code: "corrupt" | "too_large",
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Joins rich-text runs: `{ richText: [{ text: "ab" }, { text: "中文" }] }` → "ab中文". */
function richTextOf(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null || !Array.isArray((v as { richText?: unknown }).richText)) return undefined;
  return ((v as { richText: unknown[] }).richText)
    .map((run) => (typeof run === "object" && run !== null && typeof (run as { text?: unknown }).text === "string" ? (run as { text: string }).text : ""))
    .join("");
}

function errorOf(v: unknown): CellError | undefined {
  if (typeof v !== "object" || v === null || v instanceof Date) return undefined;
  const e = (v as { error?: unknown }).error;
  return typeof e === "string" ? { error: e } : undefined;
}

/** A value exceljs holds for a cell (or for a formula's cached result) → CellValue. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const rich = richTextOf(v);
  if (rich !== undefined) return rich;
  const err = errorOf(v);
  if (err) return err;
  if (typeof v === "object") {
    const o = v as { text?: unknown; hyperlink?: unknown; formula?: unknown; sharedFormula?: unknown; result?: unknown };
    // A hyperlink shows its text (which may itself be rich text), not its target.
    if ("hyperlink" in o || "text" in o) return plainValue(o.text ?? null);
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
  }
  return null;
}

/** One exceljs cell as a person sees it; the non-anchor cells of a merged range are blank, as in Office.js. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const v: unknown = cell.value;
  if (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v)) {
    // Cached results of 0 or "" live only in cell.result; never evaluate the formula.
    return plainValue(cell.result);
  }
  return plainValue(v);
}

/** Slots still allowed for the whole workbook; checked before any padding is allocated. */
interface SlotBudget {
  left: number;
}

function spend(budget: SlotBudget, slots: number, sheet: string): void {
  budget.left -= slots;
  if (budget.left < 0)
    throw new GridRefusal("too_large", `工作表“${sheet}”等在很远的行或列中有内容（例如第 1048576 行或 XFD 列），读取所需内存过多`);
}

function sheetGridOf(ws: ExcelJS.Worksheet, budget: SlotBudget): SheetGrid {
  const rows: (readonly CellValue[])[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cellValueOf(cell);
      if (value === null) return;
      if (c > MAX_COLUMN) throw new GridRefusal("corrupt", `工作表“${ws.name}”第 ${r} 行的内容超出了 Excel 的 ${MAX_COLUMN} 列`);
      if (typeof value === "string" && value.length > MAX_CELL_CHARS)
        throw new GridRefusal("too_large", `工作表“${ws.name}”的 ${cell.address} 单元格有 ${value.length} 个字符，超过 Excel 每格 ${MAX_CELL_CHARS} 个字符的上限`);
      spend(budget, c - cells.length, ws.name);
      while (cells.length < c - 1) cells.push(null);
      cells[c - 1] = value;
    });
    if (cells.length === 0) return;
    if (r > MAX_ROW) throw new GridRefusal("corrupt", `工作表“${ws.name}”第 ${r} 行超出了 Excel 的 ${MAX_ROW} 行`);
    spend(budget, r - rows.length, ws.name);
    while (rows.length < r - 1) rows.push(EMPTY_ROW);
    rows[r - 1] = cells;
  });
  const hidden = ws.state === "hidden" || ws.state === "veryHidden";
  return hidden ? { name: ws.name, hidden, rows } : { name: ws.name, rows };
}

/** exceljs's store of one defined name's cells: sheet name (as written, '' for ') → rows → cells. */
interface NameCells {
  readonly sheets?: Readonly<Record<string, unknown>>;
}

/**
 * The one cell a defined name points at, or null for ranges, several areas or nothing. Only cells
 * that exist are visited: exceljs's own `definedNames.model` walks every row up to each name's
 * cell, so 16,000 names down a sheet took 5 s and 100,000 several minutes.
 */
function singleCellOf(store: NameCells): NamedCell | null {
  let only: NamedCell | null = null;
  for (const [sheet, rows] of Object.entries(store.sheets ?? {})) {
    if (!Array.isArray(rows)) continue;
    for (const r of Object.keys(rows)) {
      const row: unknown = rows[Number(r)];
      if (!Array.isArray(row)) continue;
      for (const c of Object.keys(row)) {
        const address = (row[Number(c)] as { address?: unknown } | undefined)?.address;
        if (typeof address !== "string") continue;
        if (only) return null;
        only = { sheet: sheet.replace(/''/g, "'"), cell: address.replace(/\$/g, "").toUpperCase() };
      }
    }
  }
  return only;
}

/** Workbook defined names that point at exactly one cell of an existing sheet. */
function namesOf(wb: ExcelJS.Workbook, sheetNames: ReadonlySet<string>): Record<string, NamedCell> {
  const names: Record<string, NamedCell> = {};
  const stores = (wb.definedNames as unknown as { matrixMap?: Record<string, NameCells> }).matrixMap ?? {};
  for (const [name, store] of Object.entries(stores)) {
    const target = singleCellOf(store);
    if (target && sheetNames.has(target.sheet)) names[name] = target;
  }
  return names;
}

/**
 * The whole workbook as values: every worksheet (hidden ones flagged), single-cell names, 1904 flag.
 * Throws GridRefusal for cells beyond Excel's sheet or more than MAX_GRID_SLOTS slots in all.
 */
export function toWorkbookGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  const budget: SlotBudget = { left: MAX_GRID_SLOTS };
  const sheets = wb.worksheets.map((ws) => sheetGridOf(ws, budget));
  const names = namesOf(wb, new Set(sheets.map((s) => s.name)));
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  return date1904 ? { sheets, names, date1904 } : { sheets, names };
}
