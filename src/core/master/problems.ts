/**
 * 问题清单: every finding of every merged file, and one line per file that was not merged (unreadable,
 * skipped, superseded, other report type) — the list the bureau sends back to units.
 */
import { MASTER_SHEETS } from "../definition";
import type { MergeResult, ProblemRow } from "../merge/model";
import type { ConvertibleFormat } from "../guard/conversion";
import { fileWithConversion, PROBLEM_KIND_LABELS, SEVERITY_LABELS } from "../words";
import type { MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, fieldLabel, ruleName } from "./labels";
import { listSheet } from "./list-sheet";
import type { MasterSheet } from "./model";
import { SEVERITY_TONE } from "./tones";

export const PROBLEM_COLUMNS: readonly MasterColumn<ProblemRow>[] = [
  { header: PROVENANCE_HEADERS.file, width: 28, value: (p) => p.file },
  { header: "报送单位", width: 28, value: (p) => p.unit },
  { header: "类型", width: 14, value: (p) => PROBLEM_KIND_LABELS[p.kind] },
  { header: "严重程度", width: 8, value: (p) => SEVERITY_LABELS[p.severity], tone: (p) => SEVERITY_TONE[p.severity] },
  { header: "规则", width: 22, value: (p) => p.rule },
  { header: "规则名称", width: 22, value: (p) => ruleName(p.rule) || null },
  { header: "字段", width: 20, value: (p) => fieldLabel(p.field, p.table) || null },
  { header: "工作表", width: 10, value: (p) => p.sheet },
  { header: "单元格", width: 8, value: (p) => p.cell },
  { header: "行", width: 6, format: "plain", value: (p) => p.row },
  { header: "问题说明", width: 60, value: (p) => p.message },
  { header: "核实说明", width: 40, value: (p) => p.explanation },
];

/** The files of a merge that were read converted (by path), so each of their lines says so. */
export function convertedFiles(result: MergeResult): ReadonlyMap<string, ConvertibleFormat> {
  const sources = [
    ...result.units.map((u) => u.source),
    ...result.superseded.map((f) => f.source),
    ...result.skipped.map((f) => f.source),
    ...result.unreadable.map((f) => f.source),
  ];
  return new Map(sources.flatMap((s) => (s.convertedFrom ? [[s.path, s.convertedFrom] as const] : [])));
}

/** PROBLEM_COLUMNS, with 来源文件 saying which files were read converted (由 .xls 转换). */
export function problemColumns(result: MergeResult): MasterColumn<ProblemRow>[] {
  const converted = convertedFiles(result);
  const [file, ...rest] = PROBLEM_COLUMNS;
  return [{ ...file, value: (p) => fileWithConversion(p.file, converted.get(p.file)) }, ...rest];
}

export function problemsSheet(result: MergeResult): MasterSheet {
  return listSheet({ name: MASTER_SHEETS.problems, columns: problemColumns(result), items: result.problems });
}
