/** Dates against the report year, the fill date and the deadlines (spec §4). */
import {
  DEADLINES,
  STAGE_REPORT,
  TABLES,
  type AnyColumnId,
  type ReportType,
  RULE_LIMITS,
  type TableId,
} from "../definition";
import type { Finding } from "../model";
import { isoDate } from "../normalise";
import { textOf } from "../submission";
import { cellFinding, fieldFinding, quoteCell, quoteLabel, rowsOf, type Rule, type RuleContext } from "./context";

interface DatedCell {
  readonly table: TableId;
  readonly row: number;
  readonly column: AnyColumnId;
  readonly date: string;
}

/** Every dated cell of every table (events and media today), derived from the definition. */
function datedCells(ctx: RuleContext): DatedCell[] {
  const out: DatedCell[] = [];
  for (const table of TABLES) {
    const dateColumns = table.columns.filter((c) => c.type === "date");
    if (dateColumns.length === 0) continue;
    for (const r of rowsOf(ctx, table.id)) {
      for (const c of dateColumns) {
        const date = textOf(r.values, c.id);
        if (date !== null) out.push({ table: table.id, row: r.row, column: c.id, date });
      }
    }
  }
  return out;
}

const inYear: Rule = (ctx) => {
  const year = ctx.reportYear;
  if (year === null) return [];
  const findings: Finding[] = [];
  for (const d of datedCells(ctx)) {
    if (Number(d.date.slice(0, 4)) === year) continue;
    findings.push(
      cellFinding(
        ctx.raw,
        "event.in_year",
        d.table,
        d.row,
        d.column,
        `${quoteCell(d.table, d.row, d.column)}为${d.date}，应在报告年度${year}年内`,
      ),
    );
  }
  return findings;
};

const afterFillDate: Rule = (ctx) => {
  const fill = textOf(ctx.submission.fields, "fill_date");
  if (fill === null) return [];
  const findings: Finding[] = [];
  for (const d of datedCells(ctx)) {
    // A date outside the report year is already an error at this cell (event.in_year): one typo, one finding.
    if (d.date <= fill || (ctx.reportYear !== null && Number(d.date.slice(0, 4)) !== ctx.reportYear)) continue;
    findings.push(
      cellFinding(
        ctx.raw,
        "event.after_fill_date",
        d.table,
        d.row,
        d.column,
        `${quoteCell(d.table, d.row, d.column)}为${d.date}，晚于${quoteLabel("fill_date")}${fill}，请核实`,
      ),
    );
  }
  return findings;
};

const stageAfterJune: Rule = (ctx) => {
  const year = ctx.reportYear;
  if (year === null || textOf(ctx.submission.fields, "report_type") !== STAGE_REPORT) return [];
  const lastDay = isoDate(year, RULE_LIMITS.stageLastDay.month, RULE_LIMITS.stageLastDay.day)!;
  const findings: Finding[] = [];
  for (const r of rowsOf(ctx, "events")) {
    const date = textOf(r.values, "date");
    // A date outside the report year is already an error (event.in_year).
    if (date === null || date <= lastDay || Number(date.slice(0, 4)) !== year) continue;
    findings.push(
      cellFinding(
        ctx.raw,
        "stage.after_june",
        "events",
        r.row,
        "date",
        `${quoteCell("events", r.row, "date")}为${date}，阶段性总结应只含${year}年6月30日以前的活动；该活动应列入年度总结`,
      ),
    );
  }
  return findings;
};

const deadlineLate: Rule = (ctx) => {
  const year = ctx.reportYear;
  const type = textOf(ctx.submission.fields, "report_type") as ReportType | null;
  const fill = textOf(ctx.submission.fields, "fill_date");
  if (year === null || type === null || fill === null || !(type in DEADLINES)) return [];
  const { month, day } = DEADLINES[type];
  const deadline = isoDate(year, month, day)!;
  if (fill <= deadline) return [];
  return [
    fieldFinding(
      ctx.raw,
      "deadline.late",
      "fill_date",
      `${quoteLabel("fill_date")}为${fill}，晚于${type}的报送期限${year}年${month}月${day}日`,
    ),
  ];
};

export const dateRules: readonly Rule[] = [inYear, afterFillDate, stageAfterJune, deadlineLate];
