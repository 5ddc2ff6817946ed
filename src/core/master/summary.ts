/**
 * 汇总表: one row per unit — status, every single field (with 原文 beside unread values), rows per
 * table, error and warning counts, roster standing, provenance — then a totals row for every
 * headcount and row count. Totals come from the merge (every unit, whatever its status).
 */
import { MASTER_SHEETS } from "../definition";
import { COUNTED_TABLES, HEADCOUNT_FIELDS, SUMMARY_FIELDS } from "../merge/columns";
import type { MergeResult, UnitRow } from "../merge/model";
import { STATUS_LABELS } from "../words";
import { valueColumns, type MasterColumn } from "./columns";
import { COUNT_HEADERS, PROVENANCE_HEADERS, PROVENANCE_WIDTHS, TOTALS_LABEL, rosterLabel, rowsHeader } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterCell, MasterSheet } from "./model";
import { carriedSources, convertedFiles, fileColumns } from "./sources";
import { STATUS_TONE } from "./tones";

export const STATUS_HEADER = "审核状态";

/** Fields narrower than their type's width: a name of a person, 是/否, a category of ten characters at most. */
const FIELD_WIDTHS: Readonly<Record<string, number>> = { contact_name: 8, sealed: 7, unit_category: 12 };

export function summaryColumns(result: MergeResult): MasterColumn<UnitRow>[] {
  const count = (header: string, value: (u: UnitRow) => number): MasterColumn<UnitRow> => ({
    header,
    width: 6,
    format: "count",
    value,
  });
  return [
    { header: STATUS_HEADER, width: 8, value: (u) => STATUS_LABELS[u.status], tone: (u) => STATUS_TONE[u.status] },
    ...valueColumns(
      SUMMARY_FIELDS.map((f) => (f.id in FIELD_WIDTHS ? { ...f, width: FIELD_WIDTHS[f.id] } : f)),
      result.units,
      (u) => u,
    ),
    ...COUNTED_TABLES.map((t) => count(rowsHeader(t), (u) => u.tableCounts[t.id] ?? 0)),
    count(COUNT_HEADERS.errors, (u) => u.errors),
    count(COUNT_HEADERS.warnings, (u) => u.warnings),
    count(COUNT_HEADERS.unexplainedWarnings, (u) => u.unexplainedWarnings),
    ...(result.roster
      ? [{ header: "单位名单", width: 16, wrap: true, value: (u: UnitRow) => rosterLabel(u.roster) || null }]
      : []),
    // The path as given, as the other sheets show it: many units return a file of the same name.
    ...fileColumns<UnitRow>(carriedSources(result), (u) => u.source.path, convertedFiles(result)),
    { header: PROVENANCE_HEADERS.sha256, width: PROVENANCE_WIDTHS.sha256, value: (u) => u.source.sha256 },
    {
      header: PROVENANCE_HEADERS.templateVersion,
      width: PROVENANCE_WIDTHS.templateVersion,
      value: (u) => u.templateVersion,
    },
  ];
}

/** The totals row: 合计 and the unit count first, each headcount and row count under its column. */
export function totalsRow(result: MergeResult, columns: readonly MasterColumn<UnitRow>[]): MasterCell[] {
  const { totals } = result;
  const byHeader = new Map<string, MasterCell>();
  for (const f of HEADCOUNT_FIELDS) byHeader.set(f.label, totals.headcounts[f.id] ?? 0);
  for (const t of COUNTED_TABLES) byHeader.set(rowsHeader(t), totals.tableRows[t.id] ?? 0);
  const cells = columns.map((c) => byHeader.get(c.header) ?? null);
  cells[0] = TOTALS_LABEL;
  const unitName = SUMMARY_FIELDS.find((f) => f.id === "unit_name");
  const nameAt = columns.findIndex((c) => c.header === unitName?.label);
  if (nameAt >= 0) cells[nameAt] = `共 ${totals.units} 家单位`;
  return cells;
}

export function summarySheet(result: MergeResult): MasterSheet {
  const columns = summaryColumns(result);
  // Status and every column up to the unit's name stay in view while scrolling right.
  const unitName = SUMMARY_FIELDS.find((f) => f.id === "unit_name")?.label;
  return listSheet({
    name: MASTER_SHEETS.summary,
    columns,
    items: result.units,
    closing: [totalsRow(result, columns)],
    frozenColumns: columns.findIndex((c) => c.header === unitName) + 1,
  });
}
