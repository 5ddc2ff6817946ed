/** The `describe` JSON of spec §6, derived from the template definition. */
import { FIELDS, TABLES, TEMPLATE, cellOf, type FieldType } from "./definition";
import { RULES, type RuleInfo } from "./rules/catalogue";

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

export interface DescribedRule {
  id: string;
  /** The Chinese name shown on 自检 and by `check`, accepted in 核实说明. */
  name: string;
  /** `depends`: an error in 年度总结, a warning in 阶段性总结 (public.min_one). */
  severity: RuleInfo["severity"];
  /** Whether a 核实说明 row can clear its findings (warnings can; errors must be fixed). */
  explainable: boolean;
}

export interface Description {
  templateId: string;
  version: string;
  fields: DescribedField[];
  tables: DescribedTable[];
  rules: DescribedRule[];
}

/**
 * Whether a 核实说明 can clear the rule's warnings. explanation.unused is about 核实说明 rows
 * themselves: it is found after they are applied, so none clears it.
 */
export const explainable = (id: string, info: RuleInfo) => info.severity !== "error" && id !== "explanation.unused";

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
    rules: Object.entries(RULES).map(([id, info]) => ({
      id,
      name: info.name,
      severity: info.severity,
      explainable: explainable(id, info),
    })),
  };
}
