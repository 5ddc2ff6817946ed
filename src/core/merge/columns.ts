/**
 * The master's column lists, derived from the template definition so a field added there is a column
 * here without an edit. Pure data.
 */
import { FIELDS, TABLES, type ColumnDef, type FieldDef, type TableDef } from "../definition";
import type { DetailTableId } from "./model";

/** The tables that become detail sheets, in the order the master writes them. */
export const DETAIL_TABLE_IDS: readonly DetailTableId[] = ["events", "media", "evidence"];

/** 汇总表's value columns: every single field, in definition order. */
export const SUMMARY_FIELDS: readonly FieldDef[] = FIELDS;

/** Single fields that are totalled (every headcount). */
export const HEADCOUNT_FIELDS: readonly FieldDef[] = FIELDS.filter((f) => f.type === "headcount");

/** Every table of the definition: UnitRow.tableCounts and Totals.tableRows are keyed by these ids. */
export const COUNTED_TABLES: readonly TableDef[] = TABLES;

export function detailTable(id: DetailTableId): TableDef {
  const t = TABLES.find((x) => x.id === id);
  if (!t) throw new Error(`unknown table id: ${id}`);
  return t;
}

/** A detail sheet's value columns, in definition order. */
export function detailColumns(id: DetailTableId): readonly ColumnDef[] {
  return detailTable(id).columns;
}
