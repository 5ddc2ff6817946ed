/** The Chinese lines of 问题清单 that the merge itself adds (file-level lines); rendered here only. */
import type { ReportType } from "../definition";

export const mergeMessages = {
  superseded: (by: string, byDate: string | null) =>
    `同一单位另有较新的报送文件“${by}”${byDate ? `（填报日期 ${byDate}）` : ""}，本文件已被替代，未计入汇总。`,
  otherType: (own: ReportType | null, chosen: ReportType) =>
    `本文件为${own ?? "其他类型"}，本次汇总的是${chosen}，两类报告不合并计算，本文件未计入汇总。`,
  lockFile: () => "这是 Excel/WPS 打开文件时生成的临时锁定文件（~$ 开头），不是报送文件，已跳过。",
  masterInput: () =>
    "这是汇总生成的总表，不是单位报送的文件，已跳过（合并多个总表暂不支持）。请只选择各单位报送的文件。",
  temporaryMaster: () => "这是一次中断的汇总留下的临时文件，不是报送文件，已跳过，可以删除。",
} as const;

/** Rule ids of the file-level lines (not spec §4 rules: they name what happened to a file). */
export const MERGE_RULES = {
  superseded: "merge.superseded",
  otherType: "merge.other_type",
  lockFile: "file.lock_file",
  masterInput: "file.master_input",
  temporaryMaster: "file.temporary_master",
  unreadable: (code: string) => `file.${code}`,
} as const;
