/**
 * 统计: totals by district, then by unit category (both from the merge, in the definition's option
 * order), and under them a column chart of participants by district that references the district
 * table's cells.
 */
import { columnLetter } from "../a1";
import { MASTER_SHEETS, fieldById } from "../definition";
import { COUNTED_TABLES, HEADCOUNT_FIELDS } from "../merge/columns";
import type { GroupTotals, MergeResult, Totals } from "../merge/model";
import { STATUS_LABELS } from "../words";
import type { MasterColumn } from "./columns";
import { TOTALS_LABEL, UNREAD_GROUP_LABEL, rowsHeader } from "./labels";
import { closingRow, dataRow, headerRow, PAGE_FOOTER } from "./list-sheet";
import type { BarChartSpec, MasterRow, MasterSheet } from "./model";
import { SERIES_COLORS } from "./palette";
import { LINE_PT, rowHeight } from "./row-height";

/** The participant totals the chart shows, one series each (spec §1 ids). */
export const CHARTED_FIELDS = ["regulation_participants", "outline_participants"] as const;
export const CHART_TITLE = "各区域研学人次";
const CHART_HEIGHT_ROWS = 24;
const CHART_WIDTH_COLUMNS = 12;

type GroupLine = Totals & { readonly group?: string | null };

export function statisticsColumns(groupHeader: string): MasterColumn<GroupLine>[] {
  const count = (header: string, value: (t: Totals) => number): MasterColumn<GroupLine> => ({
    header,
    width: 10,
    format: "count",
    value,
  });
  return [
    // A group row has `group` (null: not read); the totals row, a plain Totals, has none.
    {
      header: groupHeader,
      width: 22,
      wrap: true,
      value: (t) => (t.group === undefined ? TOTALS_LABEL : (t.group ?? UNREAD_GROUP_LABEL)),
    },
    count("单位数", (t) => t.units),
    count(STATUS_LABELS.ok, (t) => t.byStatus.ok ?? 0),
    count(STATUS_LABELS.warnings, (t) => t.byStatus.warnings ?? 0),
    count(STATUS_LABELS.errors, (t) => t.byStatus.errors ?? 0),
    ...HEADCOUNT_FIELDS.map((f) => count(f.label, (t) => t.headcounts[f.id] ?? 0)),
    ...COUNTED_TABLES.map((t) => count(rowsHeader(t), (x) => x.tableRows[t.id] ?? 0)),
    count("活动明细参加人次合计", (t) => t.eventParticipants),
  ];
}

/** One group table: its header, its groups, a totals row. */
function groupTable(groupHeader: string, groups: readonly GroupTotals[], totals: Totals): MasterRow[] {
  const columns = statisticsColumns(groupHeader);
  return [
    headerRow(
      columns.map((c) => c.header),
      columns.map((c) => c.width),
    ),
    ...groups.map((g) => dataRow(columns, g)),
    closingRow(
      columns,
      columns.map((c) => c.value(totals)),
    ),
  ];
}

/** `tableHeaderRow`: the 1-based row of the district table's header. */
function chartOf(result: MergeResult, tableHeaderRow: number, firstRowAfterTables: number): BarChartSpec | null {
  const { byDistrict } = result.statistics;
  if (byDistrict.length === 0) return null;
  const firstRow = tableHeaderRow + 1;
  const lastRow = firstRow + byDistrict.length - 1;
  const headers = statisticsColumns("").map((c) => c.header);
  return {
    sheet: MASTER_SHEETS.statistics,
    title: CHART_TITLE,
    categoriesRange: `$A$${firstRow}:$A$${lastRow}`,
    categories: byDistrict.map((g) => g.group ?? UNREAD_GROUP_LABEL),
    series: CHARTED_FIELDS.map((id, i) => {
      const label = fieldById(id).label;
      const at = headers.indexOf(label);
      if (at < 0) throw new Error(`charted field ${id} is not a column of ${MASTER_SHEETS.statistics}`);
      const col = columnLetter(at + 1);
      return {
        name: label,
        nameCell: `$${col}$${tableHeaderRow}`,
        valuesRange: `$${col}$${firstRow}:$${col}$${lastRow}`,
        values: byDistrict.map((g) => g.headcounts[id] ?? 0),
        color: SERIES_COLORS[i % SERIES_COLORS.length],
      };
    }),
    valueAxisTitle: "人次",
    anchor: {
      fromCol: 0,
      fromRow: firstRowAfterTables,
      toCol: CHART_WIDTH_COLUMNS,
      toRow: firstRowAfterTables + CHART_HEIGHT_ROWS,
    },
  };
}

/**
 * 统计: the bureau's summary paragraph (bureau-summary.ts) across the top, the two tables, and the
 * chart below them (none when no unit was merged: nothing to draw). Printed on one page.
 */
export function statisticsSheet(result: MergeResult, paragraph: string): MasterSheet {
  const { byDistrict, byCategory } = result.statistics;
  const widths = statisticsColumns("").map((c) => c.width);
  const across = widths.reduce((a, b) => a + b, 0);
  const lead: MasterRow[] = [
    { style: "paragraph", cells: [paragraph], height: rowHeight([paragraph], [across], [true]) ?? LINE_PT },
    { style: "data", cells: [] },
  ];
  const rows: MasterRow[] = [
    ...lead,
    ...groupTable(fieldById("district").label, byDistrict, result.totals),
    { style: "data", cells: [] },
    ...groupTable(fieldById("unit_category").label, byCategory, result.totals),
  ];
  return {
    name: MASTER_SHEETS.statistics,
    widths,
    merged: [`A1:${columnLetter(widths.length)}1`],
    // Nothing frozen: the paragraph on top is too tall to keep in view.
    frozen: { rows: 0, columns: 0 },
    autoFilter: null,
    print: { landscape: true, fitToWidth: true, fitToHeight: true, footer: PAGE_FOOTER },
    // Zero-based: the row after the category totals row, leaving one blank row above the chart.
    chart: chartOf(result, lead.length + 1, rows.length + 1),
    rows: () => rows,
  };
}
