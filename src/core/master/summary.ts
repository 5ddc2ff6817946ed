/**
 * 汇总表: one row per unit — status, every single field (with 原文 beside unread values), rows per
 * table, error and warning counts, roster standing, provenance — then a totals row for every
 * headcount and row count. Totals come from the merge (every unit, whatever its status).
 */
import { MASTER_SHEETS } from "../definition";
import { COUNTED_TABLES, HEADCOUNT_FIELDS, SUMMARY_FIELDS } from "../merge/columns";
import type { MergeResult, UnitRow } from "../merge/model";
import { fileWithConversion, SEVERITY_LABELS, STATUS_LABELS } from "../words";
import { valueColumns, type MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, TOTALS_LABEL, rosterLabel } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterCell, MasterSheet } from "./model";
import { STATUS_TONE } from "./tones";

export const STATUS_HEADER = "审核状态";

export function summaryColumns(result: MergeResult): MasterColumn<UnitRow>[] {
  const count = (header: string, value: (u: UnitRow) => number): MasterColumn<UnitRow> => ({
    header,
    width: 10,
    format: "count",
    value,
  });
  return [
    { header: STATUS_HEADER, width: 10, value: (u) => STATUS_LABELS[u.status], tone: (u) => STATUS_TONE[u.status] },
    ...valueColumns(SUMMARY_FIELDS, result.units, (u) => u),
    ...COUNTED_TABLES.map((t) => count(`${t.label}行数`, (u) => u.tableCounts[t.id] ?? 0)),
    count(`${SEVERITY_LABELS.error}数`, (u) => u.errors),
    count(`${SEVERITY_LABELS.warning}数`, (u) => u.warnings),
    count(`未说明${SEVERITY_LABELS.warning}数`, (u) => u.unexplainedWarnings),
    ...(result.roster ? [{ header: "单位名单", width: 28, value: (u: UnitRow) => rosterLabel(u.roster) || null }] : []),
    {
      header: PROVENANCE_HEADERS.file,
      width: 28,
      value: (u) => fileWithConversion(u.source.name, u.source.convertedFrom),
    },
    { header: PROVENANCE_HEADERS.sha256, width: 20, value: (u) => u.source.sha256 },
    { header: PROVENANCE_HEADERS.templateVersion, width: 10, value: (u) => u.templateVersion },
  ];
}

/** The totals row: 合计 and the unit count first, each headcount and row count under its column. */
export function totalsRow(result: MergeResult, columns: readonly MasterColumn<UnitRow>[]): MasterCell[] {
  const { totals } = result;
  const byHeader = new Map<string, MasterCell>();
  for (const f of HEADCOUNT_FIELDS) byHeader.set(f.label, totals.headcounts[f.id] ?? 0);
  for (const t of COUNTED_TABLES) byHeader.set(`${t.label}行数`, totals.tableRows[t.id] ?? 0);
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
