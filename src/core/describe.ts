/** The `describe` JSON of spec §6, derived from the template definition. */
import { FIELDS, TABLES, TEMPLATE, cellOf, type FieldType } from "./definition";

export interface DescribedField {
  id: string;
  label: string;
  sheet: string;
  cell: string;
  type: FieldType;
  required: boolean;
  options?: string[];
}

export interface DescribedColumn {
  id: string;
  label: string;
  column: string;
  type: FieldType;
  required: boolean;
  options?: string[];
}

export interface DescribedTable {
  id: string;
  sheet: string;
  headerRow: number;
  firstRow: number;
  columns: DescribedColumn[];
}

export interface Description {
  templateId: string;
  version: string;
  fields: DescribedField[];
  tables: DescribedTable[];
}

const withOptions = (options: readonly string[] | undefined) => (options ? { options: [...options] } : {});

export function describeTemplate(): Description {
  return {
    templateId: TEMPLATE.id,
    version: TEMPLATE.version,
    fields: FIELDS.map((f) => ({
      id: f.id,
      label: f.label,
      sheet: f.sheet,
      cell: cellOf(f),
      type: f.type,
      required: f.required,
      ...withOptions(f.options),
    })),
    tables: TABLES.map((t) => ({
      id: t.id,
      sheet: t.sheet,
      headerRow: t.headerRow,
      firstRow: t.firstRow,
      columns: t.columns.map((c) => ({
        id: c.id,
        label: c.label,
        column: c.column,
        type: c.type,
        required: c.required,
        ...withOptions(c.options),
      })),
    })),
  };
}
