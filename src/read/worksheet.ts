/**
 * One worksheet part → its cells as a person sees them, sparse (row → column → value). Only cached
 * values are taken: a formula cell gives the result its program saved (which may be 0, an error or
 * nothing), never the formula. Type rules follow exceljs, whose grids this reader reproduces.
 */
import type { CellValue } from "../core/model";
import { unescapeText } from "./shared-strings";
import { parseXml, textValue, xmlDecode } from "./xml";

/** Sparse cells of one sheet: row number → column number → value (rows replace rows of the same number). */
export type SparseSheet = Map<number, Map<number, CellValue>>;

export interface SheetContext {
  /** undefined when the package has no shared-strings part. */
  readonly sharedStrings: readonly (string | undefined)[] | undefined;
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

export interface ParsedSheet {
  readonly cells: SparseSheet;
  /** `ref` of every merged range, as written. */
  readonly merges: readonly string[];
}

/** Why a part cannot be read as a worksheet; the message is English, for logs only (users see "damaged"). */
export class SheetDamage extends Error {}

/** Column number of an A1 reference's letters (only capitals count, as in exceljs); 0 when none. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + ch - 64;
    else if (ch >= 48 && ch <= 57) break;
  }
  return col;
}

/** A serial number as the Date exceljs made of it (any JS value is coerced the way it did). */
export function serialToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** What one `<c>` held, gathered while its tags stream by. */
interface CellState {
  ref: string | undefined;
  type: string | undefined;
  style: number;
  /** A formula cell (its `<f>` had text or a `t`): only its cached result counts. */
  formula: boolean;
  /** Text of `<v>` and `<t>` (not inside runs). */
  value: string | undefined;
  /** Rich-text runs, each with its text ("" when a run has no `<t>`). */
  runs: string[] | undefined;
}

function finishCell(c: CellState, ctx: SheetContext): CellValue {
  const isDate = c.style > 0 && ctx.dateStyles[c.style] === true;
  const raw = c.runs ? c.runs.join("") : c.value;
  if (c.formula) {
    if (!raw) return null;
    let result: unknown;
    if (c.type === "str") result = xmlDecode(raw);
    else if (c.type === "b") result = parseInt(raw, 10) !== 0;
    else if (c.type === "e") result = { error: raw };
    else result = c.runs ? NaN : parseFloat(raw);
    return plain(isDate ? serialToDate(result, ctx.date1904) : result);
  }
  if (raw === undefined) return null;
  switch (c.type) {
    case "s": {
      const index = parseInt(raw, 10);
      if (!ctx.sharedStrings) return plain(index);
      if (!(index in ctx.sharedStrings)) throw new SheetDamage(`shared string ${raw} does not exist`);
      const s = ctx.sharedStrings[index];
      return s === undefined ? null : s;
    }
    case "str":
      return xmlDecode(raw);
    case "inlineStr":
      return raw;
    case "b":
      return parseInt(raw, 10) !== 0;
    case "e":
      return { error: raw };
    default: {
      const n = parseFloat(raw);
      return plain(isDate ? serialToDate(n, ctx.date1904) : n);
    }
  }
}

/** A computed value as the core takes it: no NaN, no infinities, no invalid dates. */
function plain(v: unknown): CellValue {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string")
    return { error: (v as { error: string }).error };
  return null;
}

/** Where text inside a cell goes. */
const enum Into {
  Nothing,
  Formula,
  Value,
  Run,
}

/** Thrown when a cell written without "r" follows an empty cell whose place was not read. */
class PlaceUnknown extends Error {}

/**
 * Parses a worksheet part. An empty cell (`<c r="B7" s="3"/>`, most of a template's cells) has no
 * value whatever its attributes, and its place matters only to a later cell of its row written
 * without "r"; so its attributes are left unread, and in the rare sheet where such a cell follows,
 * the part is parsed again reading every cell's place (`exact`). One thing only the exact pass
 * sees: an empty styled cell with no place at all, which exceljs refused as damage.
 */
export function parseWorksheet(bytes: Uint8Array, ctx: SheetContext): ParsedSheet {
  try {
    return parseCells(bytes, ctx, false);
  } catch (e) {
    if (e instanceof PlaceUnknown) return parseCells(bytes, ctx, true);
    throw e;
  }
}

function parseCells(bytes: Uint8Array, ctx: SheetContext, exact: boolean): ParsedSheet {
  const cells: SparseSheet = new Map();
  const merges: string[] = [];
  let row: Map<number, CellValue> | undefined;
  let previousColumn = 0;
  let cell: CellState | undefined;
  let into = Into.Nothing;
  parseXml(bytes, {
    open(tag, attributes, selfClosing) {
      if (cell) {
        if (tag === "f") {
          into = Into.Formula;
          if (attributes().t !== undefined) cell.formula = true;
        } else if (tag === "v" || tag === "t") into = cell.runs && tag === "t" ? Into.Run : Into.Value;
        else if (tag === "r") {
          cell.runs ??= [];
          cell.runs.push("");
        }
        return;
      }
      if (tag === "c") {
        if (selfClosing && !exact) {
          previousColumn = NaN;
          return;
        }
        const a = attributes();
        cell = {
          ref: a.r,
          type: a.t,
          style: a.s ? parseInt(a.s, 10) : 0,
          formula: false,
          value: undefined,
          runs: undefined,
        };
        into = Into.Nothing;
      } else if (tag === "row") {
        const r = parseInt(attributes().r ?? "", 10);
        if (Number.isNaN(r)) throw new SheetDamage("a row without a number");
        row = new Map();
        cells.set(r, row);
        previousColumn = 0;
      } else if (tag === "mergeCell") {
        const ref = attributes().ref;
        if (ref !== undefined) merges.push(ref);
      }
    },
    text(t) {
      if (!cell) return;
      if (into === Into.Formula) {
        if (t) cell.formula = true;
      } else if (into === Into.Run) cell.runs![cell.runs!.length - 1] += textValue(t);
      else if (into === Into.Value) cell.value = (cell.value ?? "") + textValue(t);
    },
    close(tag) {
      if (!cell) return;
      if (tag === "f") into = Into.Nothing;
      else if (tag === "t" && into === Into.Run) {
        into = Into.Nothing;
        const last = cell.runs!.length - 1;
        cell.runs![last] = unescapeText(cell.runs![last]);
      } else if (tag === "v" || tag === "t") into = Into.Nothing;
      else if (tag === "c") {
        const value = finishCell(cell, ctx);
        if (cell.ref === undefined && Number.isNaN(previousColumn)) throw new PlaceUnknown();
        const column = cell.ref !== undefined ? columnOf(cell.ref) : previousColumn > 0 ? previousColumn + 1 : 0;
        // exceljs skips a cell with neither value nor style, and places an unnamed one after the last placed.
        const skipped = value === null && cell.style === 0 && !cell.formula && cell.value === undefined && !cell.runs;
        if (!skipped) {
          if (column === 0) throw new SheetDamage("a cell without a place");
          previousColumn = column;
          if (row) row.set(column, value);
        }
        cell = undefined;
      }
    },
  });
  return { cells, merges };
}
