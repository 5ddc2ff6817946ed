/**
 * 问题清单: every finding of every merged file, and one line per file that was not merged (unreadable,
 * skipped, superseded, other report type) — the list the bureau sends back to units.
 */
import { MASTER_SHEETS } from "../definition";
import type { MergeResult, ProblemRow } from "../merge/model";
import { PROBLEM_KIND_LABELS, SEVERITY_LABELS } from "../words";
import type { MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, PROVENANCE_WIDTHS, fieldLabel, ruleName } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet } from "./model";
import { SEVERITY_TONE } from "./tones";

export const PROBLEM_COLUMNS: readonly MasterColumn<ProblemRow>[] = [
  { header: PROVENANCE_HEADERS.file, width: PROVENANCE_WIDTHS.file, wrap: true, value: (p) => p.file },
  { header: "报送单位", width: 20, wrap: true, value: (p) => p.unit },
  { header: "类型", width: 12, wrap: true, value: (p) => PROBLEM_KIND_LABELS[p.kind] },
  { header: "严重程度", width: 8, value: (p) => SEVERITY_LABELS[p.severity], tone: (p) => SEVERITY_TONE[p.severity] },
  { header: "规则", width: 22, value: (p) => p.rule },
  { header: "规则名称", width: 18, wrap: true, value: (p) => ruleName(p.rule) || null },
  { header: "字段", width: 16, wrap: true, value: (p) => fieldLabel(p.field, p.table) || null },
  { header: "工作表", width: 10, value: (p) => p.sheet },
  { header: "单元格", width: 8, value: (p) => p.cell },
  { header: "行", width: 6, format: "plain", value: (p) => p.row },
  { header: "问题说明", width: 48, wrap: true, value: (p) => p.message },
  { header: "核实说明", width: 30, wrap: true, value: (p) => p.explanation },
];

export function problemsSheet(result: MergeResult): MasterSheet {
  return listSheet({ name: MASTER_SHEETS.problems, columns: PROBLEM_COLUMNS, items: result.problems });
}
