/**
 * 问题清单: every finding of every merged file, and one line per file that was not merged (unreadable,
 * lock file, master, superseded, other report type) — the list the bureau sends back to units.
 */
import type ExcelJS from "exceljs";
import type { MergeResult, ProblemRow } from "../../core/merge/model";
import type { MasterColumn } from "./columns";
import { PROBLEM_KIND_LABEL, PROVENANCE_HEADERS, SEVERITY_LABEL, SHEET_NAMES, fieldLabel, ruleName } from "./labels";
import { writeListSheet } from "./sheet-writer";
import { NUMBER_FORMAT, SEVERITY_LOOK } from "./styles";

export const PROBLEM_COLUMNS: readonly MasterColumn<ProblemRow>[] = [
  { header: PROVENANCE_HEADERS.file, width: 28, value: (p) => p.file },
  { header: "报送单位", width: 28, value: (p) => p.unit },
  { header: "类型", width: 14, value: (p) => PROBLEM_KIND_LABEL[p.kind] },
  { header: "严重程度", width: 8, value: (p) => SEVERITY_LABEL[p.severity], look: (p) => SEVERITY_LOOK[p.severity] },
  { header: "规则", width: 22, value: (p) => p.rule },
  { header: "规则名称", width: 22, value: (p) => ruleName(p.rule) || null },
  { header: "字段", width: 20, value: (p) => fieldLabel(p.field, p.table) || null },
  { header: "工作表", width: 10, value: (p) => p.sheet },
  { header: "单元格", width: 8, value: (p) => p.cell },
  { header: "行", width: 6, format: NUMBER_FORMAT.plain, value: (p) => p.row },
  { header: "问题说明", width: 60, value: (p) => p.message },
  { header: "核实说明", width: 40, value: (p) => p.explanation },
];

export async function writeProblemsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult): Promise<void> {
  await writeListSheet(wb, { name: SHEET_NAMES.problems, columns: PROBLEM_COLUMNS, rows: result.problems });
}
