/**
 * The Submission: a report after spec §3 normalisation, typed by the template definition. The zod
 * schema is built from src/core/definition.ts, so a field added there is a field here.
 *
 * A value that could not be read (blank, or rejected by a normaliser) is null; the findings say why.
 * Dates are `YYYY-MM-DD`; headcounts and the year are numbers; everything else is text.
 */
import { z } from "zod";
import {
  FIELDS,
  integerBounds,
  TABLES,
  type AnyColumnId,
  type FieldId,
  type TableId,
  type ValueSpec,
} from "./definition";

export type FieldValue = string | number | null;

export interface SubmissionRow<Column extends string = AnyColumnId> {
  /** Worksheet row the values were read from. */
  readonly row: number;
  /** By column id. */
  readonly values: Readonly<Record<Column, FieldValue>>;
}

export interface Submission {
  readonly templateVersion?: string;
  /** By field id: every single field of the definition. */
  readonly fields: Readonly<Record<FieldId, FieldValue>>;
  /** By table id: the non-empty rows of every table of the definition. */
  readonly tables: Readonly<Record<TableId, readonly SubmissionRow[]>>;
}

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The schema of one normalised value. Lengths are not part of the shape: an over-long text is kept and reported. */
function valueSchema(spec: ValueSpec): z.ZodType<FieldValue> {
  switch (spec.type) {
    case "headcount":
      return z.number().int().min(0).nullable();
    case "integer":
      return z.number().int().min(integerBounds(spec).min).max(integerBounds(spec).max).nullable();
    case "date":
      return z.iso.date().nullable();
    case "enum":
      return z.enum(spec.options as [string, ...string[]]).nullable();
    case "credit_code":
      return z.string().regex(CREDIT_CODE).nullable();
    default:
      return z.string().nullable();
  }
}

function objectOf(specs: readonly ValueSpec[]) {
  return z.strictObject(Object.fromEntries(specs.map((s) => [s.id, valueSchema(s)])));
}

// The schema is built from the definition at run time, so its inferred type is keyed by string; the
// definition.test checks that it accepts exactly the Submission shape.
export const submissionSchema = z.object({
  templateVersion: z.string().optional(),
  fields: objectOf(FIELDS),
  tables: z.strictObject(
    Object.fromEntries(
      TABLES.map((t) => [t.id, z.array(z.object({ row: z.number().int().positive(), values: objectOf(t.columns) }))]),
    ),
  ),
}) as unknown as z.ZodType<Submission>;

/** The number in a field, or null when it is blank or was not read. `id` must be a key of `values`. */
export function numberOf<K extends string>(values: Readonly<Record<K, FieldValue>>, id: NoInfer<K>): number | null {
  const v = values[id];
  return typeof v === "number" ? v : null;
}

/** The text (dates included) in a field, or null when it is blank or was not read. */
export function textOf<K extends string>(values: Readonly<Record<K, FieldValue>>, id: NoInfer<K>): string | null {
  const v = values[id];
  return typeof v === "string" ? v : null;
}
