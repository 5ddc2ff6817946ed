/** What every rule module gets, and the helpers that turn a condition into a located Finding. */
import {
  cellOf,
  fieldById,
  tableById,
  columnById,
  type ColumnId,
  type FieldId,
  type TableDef,
  type TableId,
} from "../definition";
import type { Finding, Located, RawReport, Severity } from "../model";
import type { Submission, SubmissionRow } from "../submission";
import { fixedSeverity, type RuleId } from "./catalogue";

export interface RuleContext {
  readonly raw: RawReport;
  readonly submission: Submission;
  /** The report year: the year field, else the caller's fallback; null when neither is known. */
  readonly reportYear: number | null;
}

export type Rule = (ctx: RuleContext) => Finding[];

/** Where a finding points: a cell of a sheet the workbook has, or of a template sheet it lacks. */
export type Place = Pick<Finding, "sheet" | "cell" | "sheetMissing">;

/** A cell on a template sheet, under the name that sheet has in this workbook (or marked missing). */
export function templatePlace(raw: RawReport, templateSheet: string, cell: string): Place {
  const actual = raw.sheets[templateSheet];
  return actual === null || actual === undefined
    ? { sheet: templateSheet, cell, sheetMissing: true }
    : { sheet: actual, cell };
}

/** Where a single field really is (the reader's Located), else where the template puts it. */
export function fieldPlace(raw: RawReport, fieldId: FieldId): Place {
  const def = fieldById(fieldId);
  if (raw.sheets[def.sheet] === null) return templatePlace(raw, def.sheet, cellOf(def));
  const found: Located | undefined = raw.fields[fieldId];
  if (found) return { sheet: found.sheet, cell: found.cell };
  return templatePlace(raw, def.sheet, cellOf(def));
}

/** Where a table cell really is: the reader's Located, else the definition's column in that row. */
export function cellPlace<T extends TableId>(raw: RawReport, tableId: T, row: number, columnId: ColumnId<T>): Place {
  const found = raw.tables[tableId].find((r) => r.row === row)?.cells[columnId];
  if (found) return { sheet: found.sheet, cell: found.cell };
  const table: TableDef = tableById(tableId);
  return templatePlace(raw, table.sheet, `${columnById(table, columnId).column}${row}`);
}

export function fieldFinding(
  raw: RawReport,
  rule: RuleId,
  fieldId: FieldId,
  message: string,
  severity: Severity = fixedSeverity(rule),
): Finding {
  return { rule, severity, field: fieldId, ...fieldPlace(raw, fieldId), message };
}

export function cellFinding<T extends TableId>(
  raw: RawReport,
  rule: RuleId,
  tableId: T,
  row: number,
  columnId: ColumnId<T>,
  message: string,
  severity: Severity = fixedSeverity(rule),
): Finding {
  return { rule, severity, field: columnId, table: tableId, row, ...cellPlace(raw, tableId, row, columnId), message };
}

/** “标签”, the way messages name a single field. */
export function quoteLabel(fieldId: FieldId): string {
  return `“${fieldById(fieldId).label}”`;
}

/** 第5行“参加人次”, the way messages name a table cell. */
export function quoteCell<T extends TableId>(tableId: T, row: number, columnId: ColumnId<T>): string {
  const table: TableDef = tableById(tableId);
  return `第${row}行“${columnById(table, columnId).label}”`;
}

export function rowsOf<T extends TableId>(ctx: RuleContext, tableId: T): readonly SubmissionRow[] {
  return ctx.submission.tables[tableId];
}
