/** Reading a SheetGrid the way locate needs it: blanks folded, labels indexed by their key. */
import { labelKey } from "../text";
import type { CellValue, SheetGrid } from "../model";

/** The value at a 1-based position; "" (what Office.js returns for a blank) is blank like null. */
export function valueAt(sheet: SheetGrid, row: number, column: number): CellValue {
  const v = sheet.rows[row - 1]?.[column - 1];
  if (v === undefined || v === "") return null;
  return v;
}

/** The label key of a text cell, or null for any other cell. */
export function keyAt(sheet: SheetGrid, row: number, column: number): string | null {
  const v = valueAt(sheet, row, column);
  return typeof v === "string" ? labelKey(v) : null;
}

export interface Position {
  readonly row: number;
  readonly column: number;
}

/** Every text cell of a sheet by its label key, in reading order. */
export type LabelIndex = ReadonlyMap<string, readonly Position[]>;

/**
 * Labels are looked for in this corner of a sheet: the template's stand in rows 1–30, columns A–D,
 * and a workbook that is not this template may be huge.
 */
export const LABEL_SCAN = { rows: 2000, columns: 52 } as const;

/** The text cells of a sheet whose label key is one of `wanted`, by key, in reading order. */
export function indexLabels(sheet: SheetGrid, wanted: ReadonlySet<string>): LabelIndex {
  const index = new Map<string, Position[]>();
  const lastRow = Math.min(sheet.rows.length, LABEL_SCAN.rows);
  for (let r = 0; r < lastRow; r++) {
    const cells = sheet.rows[r];
    const lastColumn = Math.min(cells.length, LABEL_SCAN.columns);
    for (let c = 0; c < lastColumn; c++) {
      const v = cells[c];
      if (typeof v !== "string" || v.length > 100) continue;
      const key = labelKey(v);
      if (!wanted.has(key)) continue;
      const list = index.get(key);
      const at = { row: r + 1, column: c + 1 };
      if (list) list.push(at);
      else index.set(key, [at]);
    }
  }
  return index;
}

/** Of several positions, the one nearest to where the template put it (rows weigh less than columns). */
export function nearest(candidates: readonly Position[], expected: Position): Position | undefined {
  let best: Position | undefined;
  let bestCost = Infinity;
  for (const p of candidates) {
    const cost = Math.abs(p.row - expected.row) + 1000 * Math.abs(p.column - expected.column);
    if (cost < bestCost) {
      best = p;
      bestCost = cost;
    }
  }
  return best;
}
