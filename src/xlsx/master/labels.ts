/** Chinese words the master shows for the merge's codes (one place, rendered from data). */
import { FIELDS, TABLES } from "../../core/definition";
import type { ProblemKind, ProblemSeverity, RosterStanding } from "../../core/merge/model";
import { RULES, ruleNameOf } from "../../core/rules/catalogue";

export const SHEET_NAMES = {
  summary: "汇总表",
  events: "活动明细",
  media: "宣传报道",
  evidence: "佐证材料",
  problems: "问题清单",
  missing: "未报送单位",
  statistics: "统计",
} as const;

export const PROVENANCE_HEADERS = {
  file: "来源文件",
  sha256: "SHA-256",
  templateVersion: "模板版本",
  sheet: "来源工作表",
  row: "来源行号",
} as const;

export const SEVERITY_LABEL: Readonly<Record<ProblemSeverity, string>> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

export const PROBLEM_KIND_LABEL: Readonly<Record<ProblemKind, string>> = {
  finding: "审核发现",
  unreadable: "无法读取",
  lock_file: "锁定文件（非报送文件）",
  master_input: "汇总表文件（未合并）",
  superseded: "被替代",
  other_type: "其他报告类型（未合并）",
  identity_conflict: "单位身份冲突",
};

/** The rule's Chinese name from the catalogue; empty for file-level codes the catalogue does not list. */
export function ruleName(rule: string): string {
  return Object.prototype.hasOwnProperty.call(RULES, rule) ? ruleNameOf(rule) : "";
}

/** The label of a field (single field, or a column of `table`); the id itself when the definition does not know it. */
export function fieldLabel(field: string | null, table: string | null): string {
  if (!field) return "";
  if (table) return TABLES.find((t) => t.id === table)?.columns.find((c) => c.id === field)?.label ?? field;
  return FIELDS.find((f) => f.id === field)?.label ?? field;
}

export function rosterLabel(standing: RosterStanding): string {
  switch (standing.kind) {
    case "no_roster":
      return "";
    case "matched":
      if (standing.by === "credit_code") return "在名单中（信用代码）";
      return standing.rosterCode === undefined
        ? "在名单中（单位名称）"
        : `在名单中（单位名称；名单中的信用代码为 ${standing.rosterCode}，与本文件不同）`;
    case "unmatched":
      return standing.suggestion ? `不在名单中，最接近：${standing.suggestion.name}` : "不在名单中";
    case "conflict": {
      const code = `信用代码却属于名单第 ${standing.codeRow.rosterRow} 行“${standing.codeRow.name}”`;
      return standing.nameRow
        ? `名单冲突：单位名称为名单第 ${standing.nameRow.rosterRow} 行“${standing.nameRow.name}”，${code}；两家均未计为已报送`
        : `名单冲突：单位名称不在名单中，${code}；未计为该单位已报送`;
    }
  }
}

export const UNREAD_GROUP_LABEL = "（未填写或无法识别）";
export const TOTALS_LABEL = "合计";
