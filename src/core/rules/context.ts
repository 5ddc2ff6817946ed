/** What every rule module gets, and the helpers that turn a condition into a located Finding. */
import { SINGLE_FIELD_LAYOUT, fieldById, tableById, columnById } from "../definition";
import type { Finding, Located, RawReport, Severity } from "../model";
import type { Submission, SubmissionRow } from "../submission";
import { fixedSeverity } from "./catalogue";

export interface RuleContext {
  readonly raw: RawReport;
  readonly submission: Submission;
  /** The report year: the year field, else the caller's fallback; null when neither is known. */
  readonly reportYear: number | null;
}

export type Rule = (ctx: RuleContext) => Finding[];

export interface Place {
  readonly sheet: string;
  readonly cell: string;
}

/** Where a single field really is (the reader's Located), else where the template puts it. */
export function fieldPlace(raw: RawReport, fieldId: string): Place {
  const found: Located | undefined = raw.fields[fieldId];
  if (found) return { sheet: found.sheet, cell: found.cell };
  const def = fieldById(fieldId);
  return { sheet: def.sheet, cell: `${SINGLE_FIELD_LAYOUT.inputColumn}${def.row}` };
}

/** Where a table cell really is: the reader's Located, else the definition's column in that row. */
export function cellPlace(raw: RawReport, tableId: string, row: number, columnId: string): Place {
  const rawRow = raw.tables[tableId]?.find((r) => r.row === row);
  const found = rawRow?.cells[columnId];
  if (found) return { sheet: found.sheet, cell: found.cell };
  const anyCell = rawRow ? Object.values(rawRow.cells)[0] : undefined;
  const table = tableById(tableId);
  return { sheet: anyCell?.sheet ?? table.sheet, cell: `${columnById(table, columnId).column}${row}` };
}

export function fieldFinding(
  raw: RawReport,
  rule: string,
  fieldId: string,
  message: string,
  severity: Severity = fixedSeverity(rule),
): Finding {
  return { rule, severity, field: fieldId, ...fieldPlace(raw, fieldId), message };
}

export function cellFinding(
  raw: RawReport,
  rule: string,
  tableId: string,
  row: number,
  columnId: string,
  message: string,
  severity: Severity = fixedSeverity(rule),
): Finding {
  return { rule, severity, field: columnId, table: tableId, row, ...cellPlace(raw, tableId, row, columnId), message };
}

/** “标签”, the way messages name a single field. */
export function quoteLabel(fieldId: string): string {
  return `“${fieldById(fieldId).label}”`;
}

/** 第5行“参加人次”, the way messages name a table cell. */
export function quoteCell(tableId: string, row: number, columnId: string): string {
  return `第${row}行“${columnById(tableById(tableId), columnId).label}”`;
}

export function rowsOf(ctx: RuleContext, tableId: string): readonly SubmissionRow[] {
  return ctx.submission.tables[tableId] ?? [];
}
