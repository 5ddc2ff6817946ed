/** Words the master shows beside the ones every host shares (core/words.ts): headers, roster standing. */
import { FIELDS, TABLES, type TableDef } from "../definition";
import type { RosterStanding } from "../merge/model";
import { RULES, ruleNameOf } from "../rules/catalogue";
import { SEVERITY_LABELS } from "../words";

export const PROVENANCE_HEADERS = {
  file: "来源文件",
  sha256: "SHA-256",
  templateVersion: "模板版本",
  sheet: "来源工作表",
  row: "来源行号",
  /** The masters a unit's copy came through (multi-level 汇总); only on sheets that hold such a copy. */
  via: "来源总表",
} as const;

/** 汇总表's and 统计's column of a table's row count. */
export const rowsHeader = (t: Pick<TableDef, "label">): string => `${t.label}行数`;

/** 汇总表's finding counts. */
export const COUNT_HEADERS = {
  errors: `${SEVERITY_LABELS.error}数`,
  warnings: `${SEVERITY_LABELS.warning}数`,
  unexplainedWarnings: `未说明${SEVERITY_LABELS.warning}数`,
} as const;

/**
 * Widths of the provenance columns: narrow enough that a sheet fitted to an A4 page stays legible.
 * The file name wraps; the SHA-256 shows its start in print (the cell holds all of it).
 */
export const PROVENANCE_WIDTHS = { file: 20, sha256: 12, templateVersion: 7, sheet: 10, row: 6 } as const;

export const UNREAD_GROUP_LABEL = "（未填写或无法识别）";
export const TOTALS_LABEL = "合计";
export const UNIT_HEADER = "报送单位";

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
