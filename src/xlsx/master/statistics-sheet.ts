/**
 * 统计: totals by district, then by unit category (both from the merge, in the definition's option
 * order), and under them a column chart of participants by district that references the district
 * table's cells. The chart itself is added to the package after exceljs has written it
 * (chart-package.ts); this module says what it shows and where.
 */
import type ExcelJS from "exceljs";
import { fieldById } from "../../core/definition";
import { COUNTED_TABLES, HEADCOUNT_FIELDS } from "../../core/merge/columns";
import type { GroupTotals, MergeResult, Totals } from "../../core/merge/model";
import { STATUS_LABELS } from "../../core/model";
import type { MasterCell, MasterColumn } from "./columns";
import type { BarChartSpec } from "./chart-xml";
import { SHEET_NAMES, TOTALS_LABEL, UNREAD_GROUP_LABEL } from "./labels";
import { columnLetter, writeClosingRow, writeHeader, writeRows, type MasterBook, finishSheet } from "./sheet-writer";
import { FIT_WIDTH_PAGE_SETUP, NUMBER_FORMAT } from "./styles";

/** The participant totals the chart shows, one series each (spec §1 ids). */
export const CHARTED_FIELDS = ["regulation_participants", "outline_participants"] as const;
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000"];

export const CHART_TITLE = "各区域研学人次";
const CHART_HEIGHT_ROWS = 24;
const CHART_WIDTH_COLUMNS = 12;

export function statisticsColumns(groupHeader: string): MasterColumn<Totals & { group?: string | null }>[] {
  const count = (header: string, value: (t: Totals) => number): MasterColumn<Totals> => ({
    header,
    width: 12,
    format: NUMBER_FORMAT.count,
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
    ...COUNTED_TABLES.map((t) => count(`${t.label}行数`, (x) => x.tableRows[t.id] ?? 0)),
    count("活动明细参加人次合计", (t) => t.eventParticipants),
  ];
}

/**
 * Writes one group table (header at `headerRow`, its groups, a totals row); returns the totals row's
 * number. `breakAfter` starts a printed page after it, so the chart below prints on one page.
 */
async function writeGroupTable(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  groupHeader: string,
  groups: readonly GroupTotals[],
  totals: Totals,
  breakAfter = false,
): Promise<number> {
  const columns = statisticsColumns(groupHeader);
  writeHeader(
    ws,
    headerRow,
    columns.map((c) => c.header),
  );
  const last = await writeRows(ws, headerRow + 1, columns, groups);
  const totalsCells: MasterCell[] = columns.map((c) => c.value(totals));
  writeClosingRow(ws, last + 1, columns, totalsCells, breakAfter);
  return last + 1;
}

/** Writes 统计 and returns the chart to put on it (null when no unit was merged: nothing to draw). */
export async function writeStatisticsSheet(wb: MasterBook, result: MergeResult): Promise<BarChartSpec | null> {
  const columns = statisticsColumns("");
  const ws = wb.addWorksheet(SHEET_NAMES.statistics, {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2", activeCell: "B2" }],
    pageSetup: FIT_WIDTH_PAGE_SETUP,
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const { byDistrict, byCategory } = result.statistics;
  const districtTotalsRow = await writeGroupTable(ws, 1, fieldById("district").label, byDistrict, result.totals);
  const categoryTotalsRow = await writeGroupTable(
    ws,
    districtTotalsRow + 2,
    fieldById("unit_category").label,
    byCategory,
    result.totals,
    true,
  );
  finishSheet(ws);
  if (byDistrict.length === 0) return null;

  const firstRow = 2;
  const lastRow = firstRow + byDistrict.length - 1;
  const headers = columns.map((c) => c.header);
  return {
    sheet: SHEET_NAMES.statistics,
    title: CHART_TITLE,
    categoriesRange: `$A$${firstRow}:$A$${lastRow}`,
    categories: byDistrict.map((g) => g.group ?? UNREAD_GROUP_LABEL),
    series: CHARTED_FIELDS.map((id, i) => {
      const label = fieldById(id).label;
      const at = headers.indexOf(label);
      if (at < 0) throw new Error(`charted field ${id} is not a column of ${SHEET_NAMES.statistics}`);
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
      fromRow: categoryTotalsRow + 1,
      toCol: CHART_WIDTH_COLUMNS,
      toRow: categoryTotalsRow + 1 + CHART_HEIGHT_ROWS,
    },
  };
}
