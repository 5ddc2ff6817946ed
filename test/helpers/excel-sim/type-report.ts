/**
 * A person filling the inserted template in the stand-in: each value typed into its cell (sim.edit),
 * so Excel's conversions apply (digits become numbers, ISO dates serial numbers, text cells stay text).
 */
import { cellOf, columnById, FIELDS, tableById, type AnyColumnId, type TableId } from "../../../src/core/definition";
import type { CellValue } from "../../../src/core/model";
import type { SimHost } from "./host";

export interface Fill {
  readonly fields?: Readonly<Record<string, CellValue>>;
  readonly tables?: Readonly<Record<string, readonly Readonly<Record<string, CellValue>>[]>>;
}

function typed(v: CellValue): string | number | boolean | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "object") throw new Error("type-report: only plain values can be typed");
  return v;
}

export function typeReport(sim: Pick<SimHost, "edit">, fill: Fill): void {
  for (const f of FIELDS) {
    const v = fill.fields?.[f.id];
    if (v !== undefined && v !== null && v !== "") sim.edit(f.sheet, cellOf(f), typed(v));
  }
  for (const [tableId, rows] of Object.entries(fill.tables ?? {})) {
    const t = tableById(tableId as TableId);
    rows.forEach((row, i) => {
      for (const [col, v] of Object.entries(row))
        if (v !== null && v !== "")
          sim.edit(t.sheet, `${columnById(t, col as AnyColumnId).column}${t.firstRow + i}`, typed(v));
    });
  }
}
