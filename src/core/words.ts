/**
 * The Chinese words every host shows for the product's codes, defined once: `check`, 自检, the pane,
 * 问题清单 and the master all render from these tables, so one word has one meaning everywhere.
 * 提示 is a warning (spec §4: 提示性), never anything else. Nothing parses these words back and no
 * state is keyed by them: code holds the keys, screens show the labels.
 */
import type { MergeSummary, ProblemKind, ProblemSeverity } from "./merge/model";
import type { CheckStatus, ReportStatus, Severity } from "./model";
import { CHANGE_FACTOR } from "./merge/previous";
import type { ConvertibleFormat } from "./guard/conversion";

/** A finding's severity (spec §4), and `info` for 问题清单's lines that need no fix (被替代, 已跳过). */
export const SEVERITY_LABELS: Readonly<Record<ProblemSeverity, string>> = {
  error: "错误",
  warning: "提示",
  info: "备注",
};

/** A finding's severity as a user reads it in a list: 错误 must be fixed, 提示 checked. */
export function severityLabel(severity: Severity | ProblemSeverity): string {
  return SEVERITY_LABELS[severity];
}

/**
 * A report's verdict by its JSON word (spec §6 `status`): errors when any error; else warnings when a
 * warning is unexplained; else ok. A file that could not be read is unreadable.
 */
export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  ok: "通过",
  warnings: "待说明",
  errors: "有错误",
  unreadable: "无法读取",
};

/** What each kind of line of 问题清单 is. */
export const PROBLEM_KIND_LABELS: Readonly<Record<ProblemKind, string>> = {
  finding: "审核发现",
  unreadable: "无法读取",
  lock_file: "锁定文件（非报送文件）",
  master_input: "汇总表文件（未合并）",
  identity_conflict: "单位身份冲突",
  temporary_master: "汇总临时文件（未合并）",
  superseded: "被替代",
  other_type: "其他报告类型（未合并）",
};

/**
 * What became of one file of a merge, as the pane lists it and the master counts it: its report's
 * verdict when merged, else why not. `pending` is a file not read yet.
 */
export type FileFate = "pending" | ReportStatus | "superseded" | "other_type" | "unreadable" | "skipped";

export const FATE_LABELS: Readonly<Record<FileFate, string>> = {
  pending: "待读取",
  ok: STATUS_LABELS.ok,
  warnings: STATUS_LABELS.warnings,
  errors: STATUS_LABELS.errors,
  superseded: "被替代",
  other_type: "未汇总",
  unreadable: STATUS_LABELS.unreadable,
  skipped: "已跳过",
};

/** "2 个错误、3 个提示（1 个待说明）", or "未发现问题"; `unexplained` of the warnings lack a 核实说明. */
export function findingCountsText(errors: number, warnings: number, unexplained = warnings): string {
  if (errors === 0 && warnings === 0) return "未发现问题";
  const explained = warnings - unexplained;
  const warned =
    warnings === 0
      ? ""
      : explained === warnings
        ? `${warnings} 个${SEVERITY_LABELS.warning}（均已说明）`
        : explained > 0
          ? `${warnings} 个${SEVERITY_LABELS.warning}（${unexplained} 个${STATUS_LABELS.warnings}）`
          : `${warnings} 个${SEVERITY_LABELS.warning}`;
  return [errors > 0 ? `${errors} 个${SEVERITY_LABELS.error}` : "", warned].filter(Boolean).join("、");
}

/** The merge's closing summary, line by line: the command line prints these lines, the pane shows them. */
export function mergeSummaryLines(s: MergeSummary): string[] {
  const typeNote =
    s.reportType === null
      ? "未能确定报告类型"
      : `报告类型：${s.reportType}（${s.reportTypeFrom === "given" ? "按指定" : "按多数文件确定"}）`;
  const lines = [
    `共读取 ${s.filesRead} 个文件，汇总 ${s.unitsMerged} 个单位，${typeNote}。`,
    `有错误的单位 ${s.unitsWithErrors} 个；无法读取的文件 ${s.unreadable} 个；被替代的文件 ${s.superseded} 个；其他报告类型未汇总 ${s.skipped} 个；跳过的锁定文件、临时文件或总表 ${s.ignored} 个。`,
  ];
  if (s.identityConflicts > 0)
    lines.push(`单位身份冲突的文件 ${s.identityConflicts} 个：各自单独汇总，互不替代，请核实其信用代码。`);
  if (s.missingFromRoster !== null)
    lines.push(`名单中未报送的单位 ${s.missingFromRoster} 个；不在名单中的报送单位 ${s.notOnRoster} 个。`);
  if (s.includedMasters)
    lines.push(
      `其中 ${s.unitsFromMasters ?? 0} 个单位来自 ${s.includedMasters} 个下级总表（同一单位直接报送或在多个总表中出现的只计一次，另一份列为被替代）。`,
    );
  if (s.previous)
    lines.push(
      `与上次的总表“${s.previous.file}”核对：人次或次数变化超过 ${CHANGE_FACTOR} 倍的单位 ${s.previous.changed} 个；上次报送、本次未报送的单位 ${s.previous.gone} 个；本次新报送的单位 ${s.previous.new} 个（见“与上年核对”工作表）。`,
    );
  return lines;
}

/** Provenance of a file the command line read after LibreOffice converted it to .xlsx: "由 .xls 转换". */
export function convertedNote(from: ConvertibleFormat): string {
  return `由 .${from} 转换`;
}

/** A file's name or path as the master and `check` show it: with its conversion, when it was converted. */
export function fileWithConversion(file: string, from: ConvertibleFormat | undefined): string {
  return from ? `${file}（${convertedNote(from)}）` : file;
}
