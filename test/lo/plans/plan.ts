/**
 * Turns a report written by field and column id into a lo-fill PLAN (the steps
 * ../../../scripts/lo-fill.py applies in LibreOffice), resolving every id to its cell through
 * `describe` (the template definition). Layout steps (inserted rows or columns, renamed or removed
 * sheets) given before the report move where it is typed, the way they move a unit's cells: a case
 * never names a template cell itself, so a changed template layout means regenerating, not editing.
 */
import { describeTemplate, type DescribedTable } from "../../../src/core/describe";
import { FIELDS, TABLES } from "../../../src/core/definition";

/** Ids of the definition (literal unions once the definition's ids are literal types). */
export type FieldId = (typeof FIELDS)[number]["id"];
export type TableId = (typeof TABLES)[number]["id"];
export type ColumnId = (typeof TABLES)[number]["columns"][number]["id"];

/** What is typed into one cell: a value, text typed as a person would (`input`), a formula, or clearing it. */
export type Input =
  string | number | boolean | { readonly input: string } | { readonly formula: string } | { readonly clear: true };
export type Row = Readonly<Partial<Record<ColumnId, Input>>>;

/** A filled-in report by id: the single fields, and per table its rows from the first data row (null: a row left empty). */
export interface Report {
  readonly fields: Readonly<Partial<Record<FieldId, Input>>>;
  readonly tables: Readonly<Partial<Record<TableId, readonly (Row | null)[]>>>;
}

type Write = { value: string | number | boolean } | { input: string } | { formula: string } | { clear: true };

/** The steps of ../../../scripts/lo-fill.py and ../../../scripts/lo-fill-extra.py, as written to PLAN.json. */
export type PlanStep =
  | ({ sheet: string; cell: string } & Write)
  | { rename_sheet: string; to: string }
  | { insert_rows: string; before: number; count?: number }
  | { delete_rows: string; at: number; count?: number }
  | { insert_columns: string; before: string; count?: number }
  | { hide_column: string; column: string }
  | { add_sheet: string; position: number; cells: Record<string, string> }
  | { remove_sheet: string };

/** A write into a field's or a table cell's current place (wherever earlier layout steps moved it). */
export type CaseStep =
  PlanStep | ({ field: FieldId } & Write) | ({ table: TableId; row: number; column: ColumnId } & Write);

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string =>
  n <= 0 ? "" : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/** Where the template's cells are after the layout steps so far: sheet names, and row/column moves per sheet. */
class Layout {
  private readonly names = new Map<string, string | null>();
  private readonly moves = new Map<string, { axis: "row" | "column"; at: number; count: number }[]>();

  apply(step: PlanStep): void {
    if ("rename_sheet" in step) this.names.set(this.templateSheet(step.rename_sheet), step.to);
    else if ("remove_sheet" in step) this.names.set(this.templateSheet(step.remove_sheet), null);
    else if ("insert_rows" in step) this.move(step.insert_rows, "row", step.before, step.count ?? 1);
    else if ("delete_rows" in step) this.move(step.delete_rows, "row", step.at, -(step.count ?? 1));
    else if ("insert_columns" in step)
      this.move(step.insert_columns, "column", columnNumber(step.before), step.count ?? 1);
  }

  /** The current address of template cell `column``row` of template sheet `sheet`. */
  cell(sheet: string, column: string, row: number): { sheet: string; cell: string } {
    const name = this.names.has(sheet) ? this.names.get(sheet) : sheet;
    if (name === null || name === undefined)
      throw new Error(`plan writes to sheet ${sheet}, which an earlier step removed`);
    let r = row;
    let c = columnNumber(column);
    for (const m of this.moves.get(sheet) ?? []) {
      const pos = m.axis === "row" ? r : c;
      if (m.count < 0 && pos >= m.at && pos < m.at - m.count)
        throw new Error(`plan writes to ${sheet}!${column}${row}, which an earlier step deleted`);
      const moved = pos >= m.at ? pos + m.count : pos;
      if (m.axis === "row") r = moved;
      else c = moved;
    }
    return { sheet: name, cell: `${columnLetters(c)}${r}` };
  }

  private templateSheet(current: string): string {
    for (const [template, name] of this.names) if (name === current) return template;
    return current;
  }

  private move(current: string, axis: "row" | "column", at: number, count: number): void {
    const sheet = this.templateSheet(current);
    this.moves.set(sheet, [...(this.moves.get(sheet) ?? []), { axis, at, count }]);
  }
}

function write(v: Input): Write {
  if (typeof v === "object") return v;
  return { value: v };
}

function tableOf(id: string): DescribedTable {
  const t = describeTemplate().tables.find((x) => x.id === id);
  if (!t) throw new Error(`unknown table id ${id}`);
  return t;
}

function resolve(step: CaseStep, layout: Layout): PlanStep {
  if ("field" in step) {
    const { field, ...w } = step;
    const f = describeTemplate().fields.find((x) => x.id === field);
    if (!f) throw new Error(`unknown field id ${field}`);
    const at = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
    return { ...layout.cell(f.sheet, at[1], Number(at[2])), ...w } as PlanStep;
  }
  if ("table" in step) {
    const { table, row, column, ...w } = step;
    const t = tableOf(table);
    const c = t.columns.find((x) => x.id === column);
    if (!c) throw new Error(`unknown column id ${table}.${column}`);
    return { ...layout.cell(t.sheet, c.column, t.firstRow + row), ...w } as PlanStep;
  }
  return step;
}

/**
 * The plan that applies `before`, types `report` field by field (definition order) and table row by
 * row, then applies `after`. Ids resolve to the cells the layout steps before them have moved them to.
 */
export function planOf(report: Report, before: readonly CaseStep[] = [], after: readonly CaseStep[] = []): PlanStep[] {
  const layout = new Layout();
  const steps: PlanStep[] = [];
  const run = (s: CaseStep) => {
    const p = resolve(s, layout);
    layout.apply(p);
    steps.push(p);
  };
  before.forEach(run);
  const d = describeTemplate();
  for (const f of d.fields) {
    const v = report.fields[f.id as FieldId];
    if (v !== undefined) run({ field: f.id as FieldId, ...write(v) });
  }
  for (const t of d.tables) {
    (report.tables[t.id as TableId] ?? []).forEach((row, i) => {
      if (!row) return;
      for (const c of t.columns) {
        const v = row[c.id as ColumnId];
        if (v !== undefined) run({ table: t.id as TableId, row: i, column: c.id as ColumnId, ...write(v) });
      }
    });
  }
  after.forEach(run);
  return steps;
}
