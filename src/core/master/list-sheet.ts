/**
 * A list sheet: a header row (frozen, filtered), one row per item, then optional closing rows (totals)
 * outside the filter. Rows are produced as the writer asks for them, so a sheet of 50,000 detail rows
 * never exists whole in memory.
 */
import { columnLetter } from "../a1";
import type { MasterColumn } from "./columns";
import type { MasterCell, MasterRow, MasterSheet, NumberFormat, PrintSetup } from "./model";

export interface ListSheetPlan<R> {
  readonly name: string;
  readonly columns: readonly MasterColumn<R>[];
  readonly items: readonly R[];
  /** Rows under the data, outside the filter (a totals row): cells by column index. */
  readonly closing?: readonly (readonly MasterCell[])[];
  /** How many leading columns stay in view when scrolling right (0: none). */
  readonly frozenColumns?: number;
}

/** Landscape A4, the header row on every printed page. */
export const LIST_PRINT: PrintSetup = { landscape: true, fitToWidth: false, titleRows: "1:1" };

export function headerRow(headers: readonly string[]): MasterRow {
  return { style: "header", cells: headers };
}

export function dataRow<R>(columns: readonly MasterColumn<R>[], item: R): MasterRow {
  return {
    style: "data",
    cells: columns.map((c) => c.value(item)),
    formats: columns.map((c) => c.format),
    tones: columns.map((c) => c.tone?.(item) ?? null),
  };
}

/** A bold, shaded row of fixed cells (totals), in the columns' number formats. */
export function closingRow(
  columns: readonly { readonly format?: NumberFormat }[],
  cells: readonly MasterCell[],
  pageBreakAfter = false,
): MasterRow {
  return {
    style: "totals",
    cells: columns.map((_, i) => cells[i] ?? null),
    formats: columns.map((c) => c.format),
    ...(pageBreakAfter ? { pageBreakAfter } : {}),
  };
}

export function listSheet<R>(plan: ListSheetPlan<R>): MasterSheet {
  const { columns, items } = plan;
  return {
    name: plan.name,
    widths: columns.map((c) => c.width),
    frozen: { rows: 1, columns: plan.frozenColumns ?? 0 },
    autoFilter: `A1:${columnLetter(columns.length)}${Math.max(items.length + 1, 1)}`,
    print: LIST_PRINT,
    chart: null,
    *rows() {
      yield headerRow(columns.map((c) => c.header));
      for (const item of items) yield dataRow(columns, item);
      for (const cells of plan.closing ?? []) yield closingRow(columns, cells);
    },
  };
}
