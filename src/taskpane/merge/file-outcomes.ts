/**
 * What the 汇总 view lists for each chosen file: its status and, in Chinese, why. Rendered from the
 * merge's data in this one place (never parsed back).
 */
import type { MergeInput } from "../../core/merge";
import type { MergeResult } from "../../core/merge/model";
import { STATUS_LABELS } from "../../core/model";

export type FileState = "reading" | "通过" | "待说明" | "有错误" | "被替代" | "未汇总" | "无法读取" | "已忽略";

export interface FileOutcome {
  readonly path: string;
  readonly state: FileState;
  /** Chinese; empty when the state says it all. */
  readonly reason: string;
}

const sourcePath = (i: MergeInput): string => (i.kind === "report" ? i.candidate.source.path : i.source.path);

/** The line for a file just read, before the merge has decided between submissions. */
export function outcomeOfInput(input: MergeInput): FileOutcome {
  const path = sourcePath(input);
  switch (input.kind) {
    case "lock_file":
      return {
        path,
        state: "已忽略",
        reason: "这是 Excel/WPS 打开文件时留下的锁定文件，不是报送文件。",
      };
    case "master_input":
      return {
        path,
        state: "已忽略",
        reason: "这是一个汇总工作簿，不是单位报送的总结；汇总工作簿不能再次汇总。",
      };
    case "unreadable":
      return { path, state: "无法读取", reason: input.message };
    case "report": {
      const { counts, status } = input.candidate.judgement;
      return {
        path,
        state: STATUS_LABELS[status],
        reason: countsText(counts.errors, counts.warnings),
      };
    }
  }
}

/** `unexplained` of the warnings lack a 核实说明 (unknown before the merge: all are counted as such). */
function countsText(errors: number, warnings: number, unexplained = warnings): string {
  if (errors === 0 && warnings === 0) return "未发现问题。";
  const explained = warnings - unexplained;
  const warned =
    warnings === 0
      ? ""
      : explained === warnings
        ? `${warnings} 个警告（均已说明）`
        : explained > 0
          ? `${warnings} 个警告（${unexplained} 个待说明）`
          : `${warnings} 个警告`;
  const parts = [errors > 0 ? `${errors} 个错误` : "", warned].filter(Boolean);
  return `${parts.join("、")}，详见“问题清单”。`;
}

/** Every file's line after the merge: superseded and other-type submissions are told as such. */
export function outcomesOfMerge(inputs: readonly MergeInput[], result: MergeResult): FileOutcome[] {
  const superseded = new Map(result.superseded.map((s) => [s.source.path, s]));
  const skipped = new Map(result.skipped.map((s) => [s.source.path, s]));
  const units = new Map(result.units.map((u) => [u.source.path, u]));
  const conflicted = new Set(
    result.problems.filter((p) => p.kind === "identity_conflict" && p.severity === "error").map((p) => p.file),
  );
  return inputs.map((input) => {
    const path = sourcePath(input);
    const gone = superseded.get(path);
    if (gone)
      return {
        path,
        state: "被替代",
        reason: `同一单位另有更新的报送“${gone.by.name}”，本文件未汇总。`,
      };
    const other = skipped.get(path);
    if (other)
      return {
        path,
        state: "未汇总",
        reason: `报告类型为“${other.reportType ?? "未填写"}”，本次汇总的是“${result.summary.reportType ?? ""}”，不同类型不合计。`,
      };
    const unit = units.get(path);
    if (unit) {
      const off =
        unit.roster.kind === "unmatched"
          ? rosterText(unit.roster.suggestion?.name ?? null)
          : unit.roster.kind === "conflict"
            ? `名单冲突：信用代码属于名单中的“${unit.roster.codeRow.name}”，未计为已报送。`
            : "";
      const identity = conflicted.has(path) ? IDENTITY_TEXT : "";
      return {
        path,
        state: STATUS_LABELS[unit.status],
        reason: countsText(unit.errors, unit.warnings, unit.unexplainedWarnings) + identity + off,
      };
    }
    return outcomeOfInput(input);
  });
}

/** A merged file whose credit code another file or the roster gives to a differently named unit. */
const IDENTITY_TEXT = "含单位身份冲突：相关文件各自单独汇总，互不替代。";

/** A merged unit the roster does not list, with the closest roster name when there is one. */
function rosterText(closest: string | null): string {
  return closest ? `不在单位名单中（最接近的是“${closest}”）。` : "不在单位名单中。";
}

/** The closing line of a merge, for the view's summary. */
export function summaryText(result: MergeResult): string {
  const s = result.summary;
  const parts = [
    `共读取 ${s.filesRead} 个文件，汇总 ${s.unitsMerged} 家单位（报告类型：${s.reportType ?? "无"}${s.reportTypeFrom === "majority" ? "，按多数" : ""}）`,
    `其中有错误 ${s.unitsWithErrors} 家`,
    `无法读取 ${s.unreadable} 个`,
    `被替代 ${s.superseded} 个`,
    `其他类型未汇总 ${s.skipped} 个`,
  ];
  if (s.missingFromRoster !== null)
    parts.push(`名单中未报送 ${s.missingFromRoster} 家`, `不在名单中 ${s.notOnRoster ?? 0} 家`);
  return `${parts.join("，")}。`;
}
