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
import { closingRow, dataRow, headerRow } from "./list-sheet";
import type { BarChartSpec, MasterRow, MasterSheet } from "./model";
import { SERIES_COLORS } from "./palette";

/** The participant totals the chart shows, one series each (spec §1 ids). */
export const CHARTED_FIELDS = ["regulation_participants", "outline_participants"] as const;
export const CHART_TITLE = "各区域研学人次";
const CHART_HEIGHT_ROWS = 24;
const CHART_WIDTH_COLUMNS = 12;

type GroupLine = Totals & { readonly group?: string | null };

export function statisticsColumns(groupHeader: string): MasterColumn<GroupLine>[] {
  const count = (header: string, value: (t: Totals) => number): MasterColumn<GroupLine> => ({
    header,
    width: 12,
    format: "count",
    value,
  });
  return [
    // A group row has `group` (null: not read); the totals row, a plain Totals, has none.
    {
      header: groupHeader,
      width: 20,
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

/** One group table: its header, its groups, a totals row (a printed page may end after it). */
function groupTable(
  groupHeader: string,
  groups: readonly GroupTotals[],
  totals: Totals,
  breakAfter: boolean,
): MasterRow[] {
  const columns = statisticsColumns(groupHeader);
  return [
    headerRow(columns.map((c) => c.header)),
    ...groups.map((g) => dataRow(columns, g)),
    closingRow(
      columns,
      columns.map((c) => c.value(totals)),
      breakAfter,
    ),
  ];
}

function chartOf(result: MergeResult, firstRowAfterTables: number): BarChartSpec | null {
  const { byDistrict } = result.statistics;
  if (byDistrict.length === 0) return null;
  const firstRow = 2;
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
        nameCell: `$${col}$1`,
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

/** 统计, with the chart below both tables (none when no unit was merged: nothing to draw). */
export function statisticsSheet(result: MergeResult): MasterSheet {
  const { byDistrict, byCategory } = result.statistics;
  const rows: MasterRow[] = [
    ...groupTable(fieldById("district").label, byDistrict, result.totals, false),
    { style: "data", cells: [] },
    ...groupTable(fieldById("unit_category").label, byCategory, result.totals, true),
  ];
  return {
    name: MASTER_SHEETS.statistics,
    widths: statisticsColumns("").map((c) => c.width),
    frozen: { rows: 1, columns: 1 },
    autoFilter: null,
    // One page wide, so the chart below the tables prints whole on the page after them.
    print: { landscape: true, fitToWidth: true },
    // Zero-based: the row after the category totals row, leaving one blank row above the chart.
    chart: chartOf(result, rows.length + 1),
    rows: () => rows,
  };
}
