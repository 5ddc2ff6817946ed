/**
 * Judging one report: read and normalise every value (spec §3), run every rule of spec §4, attach
 * 核实说明, sort the findings as they stand in the workbook, and decide the status.
 */
import { parseA1 } from "./a1";
import { REPORT_SHEETS } from "./definition";
import { boundMessage } from "./bounded-text";
import { applyExplanations, explanationsOf } from "./explanations";
import type { Finding, RawReport, ReportStatus } from "./model";
import { CROSS_FIELD_RULES, readValues } from "./rules";
import type { RuleContext } from "./rules/context";
import type { Submission } from "./submission";

export interface JudgeOptions {
  /** The report year to use when the 年度 field is blank or invalid (e.g. the CLI's --year). */
  readonly reportYearFallback?: number;
}

export interface Judgement {
  readonly submission: Submission;
  readonly findings: Finding[];
  readonly status: ReportStatus;
  readonly counts: { readonly errors: number; readonly warnings: number; readonly unexplainedWarnings: number };
}

export function judgeReport(raw: RawReport, options: JudgeOptions = {}): Judgement {
  const { submission, findings: valueFindings, reportYear } = readValues(raw, options.reportYearFallback ?? null);
  const ctx: RuleContext = { raw, submission, reportYear };
  const all = [...valueFindings];
  for (const rule of CROSS_FIELD_RULES) all.push(...rule(ctx));
  const findings = sortFindings(
    applyExplanations(all.map(withBoundedMessage), explanationsOf(submission)),
    sheetOrder(raw),
  );
  const counts = countFindings(findings);
  return { submission, findings, status: statusOf(counts), counts };
}

/**
 * Long quoted values cut (see bounded-text.ts): each finding carries its own copy. A finding on a
 * sheet the workbook lacks says so, here for every rule.
 */
function withBoundedMessage(f: Finding): Finding {
  const bounded = boundMessage(f.message);
  const message = f.sheetMissing ? `${bounded}（工作簿中没有工作表“${f.sheet}”）` : bounded;
  return message === f.message ? f : { ...f, message };
}

function countFindings(findings: readonly Finding[]): Judgement["counts"] {
  let errors = 0;
  let warnings = 0;
  let unexplainedWarnings = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else {
      warnings++;
      if (!f.explanation) unexplainedWarnings++;
    }
  }
  return { errors, warnings, unexplainedWarnings };
}

/** errors (有错误) when any error; else warnings (待说明) when any warning is unexplained; else ok (通过). */
export function statusOf(counts: Pick<Judgement["counts"], "errors" | "unexplainedWarnings">): ReportStatus {
  if (counts.errors > 0) return "errors";
  return counts.unexplainedWarnings > 0 ? "warnings" : "ok";
}

/** Sheets in the template's order (基本情况, then the tables), each under the name it has in this workbook. */
function sheetOrder(raw: RawReport): Map<string, number> {
  const order = new Map<string, number>();
  for (const name of REPORT_SHEETS) {
    const actual = raw.sheets[name] ?? name;
    if (!order.has(actual)) order.set(actual, order.size);
  }
  return order;
}

function sortFindings(findings: Finding[], order: Map<string, number>): Finding[] {
  const keyed = findings.map((f, i) => {
    const ref = parseA1(f.cell);
    return { f, i, sheet: order.get(f.sheet) ?? order.size, row: ref?.row ?? 0, column: ref?.column ?? 0 };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.column - b.column || a.i - b.i);
  return keyed.map((k) => k.f);
}
