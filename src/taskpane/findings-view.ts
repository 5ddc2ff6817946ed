/**
 * How the pane shows the core's verdict: findings grouped by sheet (in workbook order) and then by
 * severity, and the Chinese words for each status and severity. Pure, so the grouping is tested apart
 * from React.
 */
import { columnById, tableById } from "../core/definition";
import type { Judgement } from "../core/judge";
import type { Finding, ReportStatus, Severity } from "../core/model";
import { ruleNameOf } from "../core/rules/catalogue";
import { findingCountsText, SEVERITY_LABELS } from "../core/words";

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning"];

/** The list's group headings: the one word per severity (core/words) with what the user does about it. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: `${SEVERITY_LABELS.error}（必须改正）`,
  warning: `${SEVERITY_LABELS.warning}（请核实）`,
};

/** Fluent MessageBar intent for each status. */
export const STATUS_INTENT: Readonly<Record<ReportStatus, "success" | "warning" | "error">> = {
  ok: "success",
  warnings: "warning",
  errors: "error",
};

/** The longest 核实说明 reason, from the template's own column (spec: text ≤ 500). */
export const MAX_REASON_CHARS = columnById(tableById("explanations"), "text").maxLength ?? 500;

export interface SeverityGroup {
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

export interface SheetGroup {
  readonly sheet: string;
  /** Errors first, then warnings; a severity with no findings is left out. */
  readonly groups: readonly SeverityGroup[];
}

/** Findings by sheet, sheets in the order their first finding comes (the core sorts in workbook order). */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return [...bySheet].map(([sheet, list]) => ({
    sheet,
    groups: SEVERITY_ORDER.map((severity) => ({
      severity,
      findings: list.filter((f) => f.severity === severity),
    })).filter((g) => g.findings.length > 0),
  }));
}

/** The counts in the words `check` prints: "2 个错误、3 个提示（1 个待说明）。", or "未发现问题。". */
export function countsText(counts: Judgement["counts"]): string {
  return `${findingCountsText(counts.errors, counts.warnings, counts.unexplainedWarnings)}。`;
}

/** The rule's Chinese name (what a 核实说明 may name), or its id when the catalogue lacks it. */
export function ruleName(rule: string): string {
  return ruleNameOf(rule);
}

/** Findings worth a mark in the sheet: errors and warnings nobody has explained yet. */
export function findingsToMark(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error" || !f.explanation);
}
