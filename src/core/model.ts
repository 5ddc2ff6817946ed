/**
 * The shapes the pure core works on. A workbook arrives as a plain grid of values — what
 * Office.js `range.values` returns, or what the exceljs adapter produces — so the same rules run in
 * the task pane and in Node.
 */

import type { AnyColumnId, FieldId, TableId } from "./definition";
import type { RuleId, Severity } from "./rules/catalogue";

export type { Severity };

/** An error value in a cell (#DIV/0!, #REF!, …): shown to users as its text, never as data. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as a person sees it. Blank is null. Dates may be Date objects (exceljs) or serial
 * numbers (Office.js); types come from the template definition, never from number formats.
 */
export type CellValue = string | number | boolean | Date | null | CellError;

/**
 * Whether a cell holds a date. Not `instanceof Date`: a Date made in another realm (a worker thread's
 * structured clone seen inside a test sandbox, a frame of the pane) is a date all the same.
 */
export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !isDateValue(v) && typeof (v as CellError).error === "string";
}

export interface SheetGrid {
  readonly name: string;
  readonly hidden?: boolean;
  /** rows[r - 1][c - 1] is the cell at row r, column c (1-based worksheet coordinates). Ragged rows are fine. */
  readonly rows: readonly (readonly CellValue[])[];
}

/** Where a defined name points: a single cell on a sheet. */
export interface NamedCell {
  readonly sheet: string;
  /** A1 address without `$`. */
  readonly cell: string;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** Workbook-level defined names that point at one cell. */
  readonly names: Readonly<Record<string, NamedCell>>;
  /** The workbook counts serial dates from 1904-01-01 (old Mac Excel). */
  readonly date1904?: boolean;
}

/** A value found in the workbook, with where it really is (after any inserted rows). */
export interface Located {
  readonly value: CellValue;
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
}

export interface RawRow<Column extends string = AnyColumnId> {
  /** Worksheet row the values were read from. */
  readonly row: number;
  readonly cells: Readonly<Record<Column, Located>>;
}

/**
 * Template sheet name → the name that sheet has in this workbook, or null when the workbook has no
 * such sheet. Every finding takes its sheet from here, so none names a sheet the workbook lacks.
 */
export type SheetMap = Readonly<Record<string, string | null>>;

/** A single field found away from its template cell. */
export interface FieldMove {
  readonly field: FieldId;
  readonly templateSheet: string;
  readonly templateCell: string;
  /** Where it is in this workbook. */
  readonly sheet: string;
  readonly cell: string;
}

/**
 * One change to the template's layout, as data: what changed, on which template sheet, and where
 * it is in this workbook. Its Chinese description is rendered in one place (rules/layout.ts).
 */
export type LayoutChange =
  | { readonly kind: "sheetRenamed"; readonly templateSheet: string; readonly sheet: string }
  /** The hidden 模板信息 sheet is gone (typically: the content was copied into a new workbook). */
  | { readonly kind: "metaMissing" }
  | ({ readonly kind: "fieldMoved" } & FieldMove)
  /** Three or more fields moved by the same offset on one sheet: one change, not one per field. */
  | {
      readonly kind: "fieldsShifted";
      readonly moves: readonly FieldMove[];
      readonly rows: number;
      readonly columns: number;
    }
  | {
      readonly kind: "fieldMissing";
      readonly field: FieldId;
      readonly templateSheet: string;
      readonly templateCell: string;
    }
  /** No sheet of the workbook holds this table. */
  | { readonly kind: "tableSheetMissing"; readonly table: TableId; readonly templateSheet: string }
  | { readonly kind: "headerMissing"; readonly table: TableId; readonly templateSheet: string; readonly sheet: string }
  | {
      readonly kind: "headerMoved";
      readonly table: TableId;
      readonly templateSheet: string;
      readonly sheet: string;
      readonly templateRow: number;
      readonly row: number;
    }
  | {
      readonly kind: "columnMissing";
      readonly table: TableId;
      readonly column: AnyColumnId;
      readonly templateSheet: string;
      readonly sheet: string;
    }
  | {
      readonly kind: "columnMoved";
      readonly table: TableId;
      readonly column: AnyColumnId;
      readonly templateSheet: string;
      readonly sheet: string;
      /** Column letters. */
      readonly templateLetter: string;
      readonly letter: string;
    }
  /** Three or more columns moved by the same offset: the first of them stands for all. */
  | {
      readonly kind: "columnsShifted";
      readonly table: TableId;
      readonly columns: readonly AnyColumnId[];
      readonly templateSheet: string;
      readonly sheet: string;
      readonly offset: number;
    };

/** The report as found in a workbook, before normalisation. */
export interface RawReport {
  /** Every sheet of the template that holds report data (基本情况 and the tables' sheets). */
  readonly sheets: SheetMap;
  /** Every single field of the definition, by id (value null when the cell is blank). */
  readonly fields: Readonly<Record<FieldId, Located>>;
  /** Non-empty rows of every table, by table id, in worksheet order. */
  readonly tables: Readonly<Record<TableId, readonly RawRow[]>>;
  /** What the unit changed in the template's layout, found while locating (→ template.modified). */
  readonly layoutChanges: readonly LayoutChange[];
  readonly templateVersion?: string;
  readonly date1904?: boolean;
}

/** What a finding is about: a single field, a table column, a whole table, or the template's layout. */
export type FindingSubject = FieldId | AnyColumnId | TableId | "template";

/** One finding of a rule (spec §4, §6): the field names the id; a table finding also names table and row. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly field: FindingSubject;
  readonly table?: TableId;
  /** Worksheet row of a table finding. */
  readonly row?: number;
  /** The sheet as named in the workbook; the template's name when `sheetMissing`. */
  readonly sheet: string;
  readonly cell: string;
  /** The workbook has no sheet for this finding: `sheet` and `cell` are where the template puts it. */
  readonly sheetMissing?: true;
  /** Chinese: what was found and what is expected. */
  readonly message: string;
  /** The unit's 核实说明 for this warning, when one applies. */
  readonly explanation?: string;
}

/**
 * A report's verdict by its JSON word (spec §6 `status`); the Chinese labels are core/words.ts's
 * STATUS_LABELS. A judged report is errors / warnings / ok (spec §4); a file that could not be read is
 * unreadable.
 */
export type CheckStatus = "ok" | "warnings" | "errors" | "unreadable";
/** errors when any error; else warnings when a warning is unexplained; else ok. */
export type ReportStatus = Exclude<CheckStatus, "unreadable">;
