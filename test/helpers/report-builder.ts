/**
 * Builds RawReport objects for tests from plain values, each placed at the cell the template
 * definition gives it (or where `sheetNames` / `rowShift` move it, to imitate edited workbooks).
 *
 *   rawReport({ fields: { training_sessions: "3次" }, tables: { events: [{ participants: 12.5 }] } })
 *   validReport({ fields: { sealed: "否" } })   // a correct report with one change
 */
import {
  FIELDS,
  REPORT_SHEETS,
  TABLES,
  cellOf,
  tableById,
  type AnyColumnId,
  type FieldId,
  type TableId,
} from "../../src/core/definition";
import type { CellValue, LayoutChange, Located, RawReport, RawRow } from "../../src/core/model";
import { isBlank } from "../../src/core/normalise/result";
import { plainFields, plainRows, RULE_TESTS_BASE } from "../lo/plans/reports";

export type RowInput = Readonly<Record<string, CellValue>> | null;

export interface ReportInput {
  /** By field id; a field left out is blank (null). */
  readonly fields?: Readonly<Record<string, CellValue>>;
  /** By table id: one entry per worksheet row from the table's first row; null stands for an empty row. */
  readonly tables?: Readonly<Record<string, readonly RowInput[]>>;
  readonly layoutChanges?: readonly LayoutChange[];
  readonly date1904?: boolean;
  readonly templateVersion?: string;
  /** Template sheet name → the name the sheet has in this workbook (null: the workbook lacks it). */
  readonly sheetNames?: Readonly<Record<string, string | null>>;
  /** Template sheet name → rows inserted above its content. */
  readonly rowShift?: Readonly<Record<string, number>>;
}

export function rawReport(input: ReportInput = {}): RawReport {
  const sheetName = (s: string) => input.sheetNames?.[s] ?? s;
  const sheets = Object.fromEntries(
    REPORT_SHEETS.map((s) => [s, input.sheetNames?.[s] === null ? null : sheetName(s)]),
  );
  const shift = (s: string) => input.rowShift?.[s] ?? 0;

  const fields = {} as Record<FieldId, Located>;
  for (const f of FIELDS) {
    const cell = cellOf(f).replace(/\d+$/, (n) => String(Number(n) + shift(f.sheet)));
    fields[f.id] = { value: input.fields?.[f.id] ?? null, sheet: sheetName(f.sheet), cell };
  }

  const tables = {} as Record<TableId, RawRow[]>;
  for (const t of TABLES) {
    const rows: RawRow[] = [];
    (input.tables?.[t.id] ?? []).forEach((values, i) => {
      if (values === null || t.columns.every((c) => isBlank(values[c.id]))) return; // empty rows are not rows
      const row = t.firstRow + shift(t.sheet) + i;
      const cells = {} as Record<AnyColumnId, Located>;
      for (const c of t.columns)
        cells[c.id] = { value: values[c.id] ?? null, sheet: sheetName(t.sheet), cell: `${c.column}${row}` };
      rows.push({ row, cells });
    });
    tables[t.id] = rows;
  }

  return {
    sheets,
    fields,
    tables,
    layoutChanges: [...(input.layoutChanges ?? [])],
    ...(input.templateVersion ? { templateVersion: input.templateVersion } : {}),
    ...(input.date1904 ? { date1904: true } : {}),
  };
}

/** The single fields of a correct 年度总结 2023 of a 区市场监管局: no finding at all (test/lo/plans/reports.ts). */
export const VALID_FIELDS: Readonly<Record<string, CellValue>> = plainFields(RULE_TESTS_BASE);

/** Two events whose totals match the fields above: 《条例》 300 ≤ 300, 《纲要》 200 ≤ 250. */
export const VALID_EVENTS: readonly Readonly<Record<string, CellValue>>[] = plainRows(RULE_TESTS_BASE, "events");

export const VALID_MEDIA: readonly Readonly<Record<string, CellValue>>[] = plainRows(RULE_TESTS_BASE, "media");

export const VALID_EVIDENCE: readonly Readonly<Record<string, CellValue>>[] = plainRows(RULE_TESTS_BASE, "evidence");

/** A correct report, with the given fields replaced and the given tables replaced wholesale. */
export function validReport(changes: ReportInput = {}): RawReport {
  return rawReport({
    ...changes,
    fields: { ...VALID_FIELDS, ...changes.fields },
    tables: {
      events: VALID_EVENTS,
      media: VALID_MEDIA,
      evidence: VALID_EVIDENCE,
      explanations: [],
      ...changes.tables,
    },
  });
}

/** The cell `工作表!A1` a table column has in worksheet row `row` of the untouched template. */
export function tableCell(tableId: TableId, row: number, columnId: string): string {
  const t = tableById(tableId);
  const c = t.columns.find((x) => x.id === columnId);
  if (!c) throw new Error(`unknown column ${tableId}.${columnId}`);
  return `${t.sheet}!${c.column}${row}`;
}
