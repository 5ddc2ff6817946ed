/**
 * A LibreOffice fixture case: a base report, the differences from it by field and column id, and the
 * layout steps a unit took before or after typing it. `planOfCase` resolves it to a lo-fill PLAN.
 */
import {
  planOf,
  type CaseStep,
  type ColumnId,
  type FieldId,
  type Input,
  type Report,
  type Row,
  type TableId,
} from "./plan";

/** Column values to change in one row; null removes a value (the cell is not typed). */
export type RowPatch = Readonly<Partial<Record<ColumnId, Input | null>>>;

/** New rows for a table (replacing the base's), or patches of rows by 0-based index (null empties a row). */
export type RowsChange = readonly (Row | null)[] | Readonly<Record<number, RowPatch | null>>;

export interface Changes {
  /** Fields to change; null leaves the field untyped. */
  readonly set?: Readonly<Partial<Record<FieldId, Input | null>>>;
  readonly rows?: Readonly<Partial<Record<TableId, RowsChange>>>;
}

export interface PlanCase extends Changes {
  readonly base: Report;
  /** Steps before the report is typed (layout changes move where it is typed). */
  readonly before?: readonly CaseStep[];
  /** Steps after the report is typed. */
  readonly after?: readonly CaseStep[];
}

function patched(row: Row | null | undefined, patch: RowPatch | null): Row | null {
  if (patch === null) return null;
  const out: Record<string, Input | undefined> = { ...(row ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out;
}

/** `base` with `changes` applied. */
export function changed(base: Report, changes: Changes): Report {
  const fields: Record<string, Input | undefined> = { ...base.fields };
  for (const [k, v] of Object.entries(changes.set ?? {})) {
    if (v === null) delete fields[k];
    else if (v !== undefined) fields[k] = v;
  }
  const tables: Record<string, readonly (Row | null)[] | undefined> = { ...base.tables };
  for (const [id, change] of Object.entries(changes.rows ?? {}) as [TableId, RowsChange][]) {
    if (Array.isArray(change)) {
      tables[id] = change as readonly (Row | null)[];
      continue;
    }
    const rows = [...(tables[id] ?? [])];
    for (const [i, patch] of Object.entries(change as Record<number, RowPatch | null>)) {
      while (rows.length <= Number(i)) rows.push(null);
      rows[Number(i)] = patched(rows[Number(i)], patch);
    }
    while (rows.length > 0 && rows[rows.length - 1] === null) rows.pop();
    tables[id] = rows;
  }
  return { fields, tables };
}

export function planOfCase(c: PlanCase) {
  return planOf(changed(c.base, c), c.before, c.after);
}
