/**
 * 问题清单: every finding of every merged file, and one line per file that was not merged (unreadable,
 * skipped, superseded, other report type) — the list the bureau sends back to units.
 */
import { MASTER_SHEETS, TABLES } from "../definition";
import type { MergeResult, ProblemRow } from "../merge/model";
import { PROBLEM_KIND_LABELS, SEVERITY_LABELS } from "../words";
import type { MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, PROVENANCE_WIDTHS, fieldLabel, ruleName } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet } from "./model";
import { carriedSources, convertedFiles, fileColumns } from "./sources";
import { SEVERITY_TONE } from "./tones";

export const PROBLEM_HEADERS = {
  file: PROVENANCE_HEADERS.file,
  unit: "报送单位",
  kind: "类型",
  severity: "严重程度",
  rule: "规则",
  ruleName: "规则名称",
  field: "字段",
  /** The table a finding is about: 字段 alone cannot tell 活动明细's 日期 from 宣传报道's. */
  table: "明细表",
  sheet: "工作表",
  cell: "单元格",
  row: "行",
  message: "问题说明",
  explanation: "核实说明",
} as const;

/** The table's label (研学宣贯活动明细, …); null for a line about no table. */
export function tableLabel(table: string | null): string | null {
  return table === null ? null : (TABLES.find((t) => t.id === table)?.label ?? table);
}

/** Every column after 来源文件 (and 来源总表). */
const LINE_COLUMNS: readonly MasterColumn<ProblemRow>[] = [
  { header: PROBLEM_HEADERS.unit, width: 20, wrap: true, value: (p) => p.unit },
  { header: PROBLEM_HEADERS.kind, width: 12, wrap: true, value: (p) => PROBLEM_KIND_LABELS[p.kind] },
  {
    header: PROBLEM_HEADERS.severity,
    width: 8,
    value: (p) => SEVERITY_LABELS[p.severity],
    tone: (p) => SEVERITY_TONE[p.severity],
  },
  { header: PROBLEM_HEADERS.rule, width: 22, value: (p) => p.rule },
  { header: PROBLEM_HEADERS.ruleName, width: 18, wrap: true, value: (p) => ruleName(p.rule) || null },
  { header: PROBLEM_HEADERS.field, width: 16, wrap: true, value: (p) => fieldLabel(p.field, p.table) || null },
  { header: PROBLEM_HEADERS.table, width: 14, wrap: true, value: (p) => tableLabel(p.table) },
  { header: PROBLEM_HEADERS.sheet, width: 10, value: (p) => p.sheet },
  { header: PROBLEM_HEADERS.cell, width: 8, value: (p) => p.cell },
  { header: PROBLEM_HEADERS.row, width: 6, format: "plain", value: (p) => p.row },
  { header: PROBLEM_HEADERS.message, width: 48, wrap: true, value: (p) => p.message },
  { header: PROBLEM_HEADERS.explanation, width: 30, wrap: true, value: (p) => p.explanation },
];

/** 问题清单's columns for lines that name files read directly (a merge without --include-master). */
export const PROBLEM_COLUMNS: readonly MasterColumn<ProblemRow>[] = [
  { header: PROBLEM_HEADERS.file, width: PROVENANCE_WIDTHS.file, wrap: true, value: (p) => p.file },
  ...LINE_COLUMNS,
];

/** 问题清单's columns for `result`: a master's copy shows its own file and the masters it came through. */
export function problemColumns(result: MergeResult): readonly MasterColumn<ProblemRow>[] {
  const sources = carriedSources(result);
  return [...fileColumns<ProblemRow>(sources, (p) => p.file, convertedFiles(result)), ...LINE_COLUMNS];
}

export function problemsSheet(result: MergeResult): MasterSheet {
  return listSheet({ name: MASTER_SHEETS.problems, columns: problemColumns(result), items: result.problems });
}
