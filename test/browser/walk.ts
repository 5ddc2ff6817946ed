/** What the walk-through tests type and how they wait, on either stand-in's page. */
import { cellOf, columnById, FIELDS, tableById, type AnyColumnId, type TableId } from "../../src/core/definition";
import type { CellValue } from "../../src/core/model";
import { GOOD_FILL } from "../core/locate-helpers";

export type Typed = [sheet: string, address: string, value: string | number | boolean];

/** The correct report with no 宣传报道 rows: one warning (nothing reported in the media) to explain. */
export function reportWithoutMedia(): Typed[] {
  const out: Typed[] = [];
  const put = (sheet: string, address: string, v: CellValue | undefined) => {
    if (v !== null && v !== undefined && v !== "" && typeof v !== "object") out.push([sheet, address, v]);
  };
  for (const f of FIELDS) put(f.sheet, cellOf(f), GOOD_FILL.fields[f.id]);
  for (const [tableId, rows] of Object.entries(GOOD_FILL.tables)) {
    if (tableId === "media") continue;
    const t = tableById(tableId as TableId);
    rows.forEach((row, i) => {
      for (const [col, v] of Object.entries(row))
        put(t.sheet, `${columnById(t, col as AnyColumnId).column}${t.firstRow + i}`, v);
    });
  }
  return out;
}

/** Polls every `everyMs` until `ok(value)`, or fails with the last value after `timeoutMs`. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 5000,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
