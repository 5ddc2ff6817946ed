/**
 * A list sheet: a header row (frozen, filtered), one row per item, then optional closing rows (totals)
 * outside the filter. Rows are produced as the writer asks for them, so a sheet of 50,000 detail rows
 * never exists whole in memory.
 */
import { columnLetter } from "../a1";
import type { MasterColumn } from "./columns";
import type { MasterCell, MasterRow, MasterSheet, NumberFormat, PrintSetup } from "./model";
import { HEADER_HEIGHT } from "./palette";
import { rowHeight } from "./row-height";

export interface ListSheetPlan<R> {
  readonly name: string;
  readonly columns: readonly MasterColumn<R>[];
  readonly items: readonly R[];
  /** Rows under the data, outside the filter (a totals row): cells by column index. */
  readonly closing?: readonly (readonly MasterCell[])[];
  /** How many leading columns stay in view when scrolling right (0: none). */
  readonly frozenColumns?: number;
}

/** Page numbers at the foot of every printed page of the master (as on the template's printed copy). */
export const PAGE_FOOTER = "第 &P 页，共 &N 页";

/** Landscape A4 as wide as the page, the header row on every printed page, numbered pages. */
export const LIST_PRINT: PrintSetup = { landscape: true, fitToWidth: true, titleRows: "1:1", footer: PAGE_FOOTER };

/** A header row, tall enough for its longest label wrapped in its column (never shorter than HEADER_HEIGHT). */
export function headerRow(headers: readonly string[], widths?: readonly number[]): MasterRow {
  const height = widths
    ? rowHeight(
        headers,
        widths,
        headers.map(() => true),
      )
    : undefined;
  return { style: "header", cells: headers, ...(height !== undefined && height > HEADER_HEIGHT ? { height } : {}) };
}

export function dataRow<R>(columns: readonly MasterColumn<R>[], item: R): MasterRow {
  const cells = columns.map((c) => c.value(item));
  const height = columns.some((c) => c.wrap)
    ? rowHeight(
        cells,
        columns.map((c) => c.width),
        columns.map((c) => c.wrap),
      )
    : undefined;
  return {
    style: "data",
    cells,
    formats: columns.map((c) => c.format),
    tones: columns.map((c) => c.tone?.(item) ?? null),
    ...(height !== undefined ? { height } : {}),
  };
}

/** A bold, shaded row of fixed cells (totals), in the columns' number formats. */
export function closingRow(
  columns: readonly { readonly format?: NumberFormat }[],
  cells: readonly MasterCell[],
): MasterRow {
  return { style: "totals", cells: columns.map((_, i) => cells[i] ?? null), formats: columns.map((c) => c.format) };
}

export function listSheet<R>(plan: ListSheetPlan<R>): MasterSheet {
  const { columns, items } = plan;
  return {
    name: plan.name,
    widths: columns.map((c) => c.width),
    frozen: { rows: 1, columns: plan.frozenColumns ?? 0 },
    autoFilter: `A1:${columnLetter(columns.length)}${Math.max(items.length + 1, 1)}`,
    wrap: columns.map((c) => c.wrap === true),
    print: LIST_PRINT,
    chart: null,
    *rows() {
      yield headerRow(
        columns.map((c) => c.header),
        columns.map((c) => c.width),
      );
      for (const item of items) yield dataRow(columns, item);
      for (const cells of plan.closing ?? []) yield closingRow(columns, cells);
    },
  };
}
