/**
 * One verdict: 自检 (as a spreadsheet program computed it) against `check` on the same report, rule by
 * rule. A line that shows ✗ needs a `check` finding of its rule, at its field or table, of the same
 * severity; a line that shows ✓ or — must have none; a line that shows ？ (请用校验核对) has deferred
 * to `check` and may show either. And every `check` finding of a rule 自检 has lines for must be met
 * by one of them showing ✗ or ？.
 */
import { RULES } from "../../src/core/rules/catalogue";
import type { CheckResult } from "../../src/intake";
import { SELF_CHECK, SELF_CHECK_LINES, type SelfCheckLine } from "../../src/xlsx/template/self-check-lines";
import { TABLES } from "../../src/core/definition";

type Finding = CheckResult["findings"][number];

export interface ShownSelfCheck {
  readonly byLine: Record<string, unknown>;
  readonly severities: Record<string, unknown>;
}

const SEVERITY: Record<string, string> = { 错误: "error", 提示: "warning" };

/** The table a line is about (its id ends in the table's id), if any. */
function tableOf(line: SelfCheckLine): string | undefined {
  return TABLES.find((t) => line.id === `${line.rule}.${t.id}`)?.id;
}

/** Whether a `check` finding is one this line judges. */
export function lineJudges(line: SelfCheckLine, f: Finding): boolean {
  if (f.rule !== line.rule) return false;
  if (line.field) return f.field === line.field && f.table === undefined;
  const table = tableOf(line);
  if (table) return f.table === table || f.field === table;
  return true;
}

/** Disagreements between 自检 and `check`, in words (empty when they give one verdict). */
export function disagreements(self: ShownSelfCheck, check: CheckResult): string[] {
  const out: string[] = [];
  for (const line of SELF_CHECK_LINES) {
    const shown = String(self.byLine[line.id] ?? "");
    const findings = check.findings.filter((f) => lineJudges(line, f));
    if (shown === SELF_CHECK.undecided) continue;
    if (shown === SELF_CHECK.fail) {
      const severity = SEVERITY[String(self.severities[line.id])];
      if (!findings.some((f) => f.severity === severity))
        out.push(`${line.id}: 自检 ✗ (${severity}), check ${findings.map((f) => f.severity).join("/") || "nothing"}`);
    } else if (findings.length > 0) {
      out.push(
        `${line.id}: 自检 ${shown || "(empty)"}, check ${findings.map((f) => `${f.severity} at ${f.cell}`).join(", ")}`,
      );
    }
  }
  for (const f of check.findings) {
    if (RULES[f.rule as keyof typeof RULES]?.selfCheck !== "line") continue;
    const lines = SELF_CHECK_LINES.filter((l) => lineJudges(l, f));
    if (lines.length === 0) out.push(`check ${f.rule} at ${f.sheet}!${f.cell}: no 自检 line judges it`);
  }
  return out;
}
