/**
 * A master sheet is a list of columns over rows of one kind. Value columns come from the template
 * definition (label, type), so a field added there is a column here without an edit.
 */
import type { ValueSpec } from "../definition";
import type { JudgedValues } from "../merge/model";
import type { FieldValue } from "../submission";
import type { MasterCell, NumberFormat, Tone } from "./model";

export interface MasterColumn<R> {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  readonly format?: NumberFormat;
  readonly value: (row: R) => MasterCell;
  /** A cell coloured by meaning (status, severity); none when undefined or null. */
  readonly tone?: (row: R) => Tone | null;
}

/** Suffix of the column that shows a value's original text when it could not be read. */
export const UNREAD_SUFFIX = "（原文）";

const WIDTH_BY_TYPE: Readonly<Record<ValueSpec["type"], number>> = {
  text: 24,
  longtext: 40,
  headcount: 14,
  integer: 8,
  date: 12,
  enum: 16,
  phone: 16,
  email: 24,
  url: 36,
  credit_code: 22,
};

/** `YYYY-MM-DD` as a date cell (midnight UTC: the writer turns UTC into the serial number). */
export function dateCell(iso: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : iso;
}

function typedCell(spec: ValueSpec, v: FieldValue | undefined): MasterCell {
  if (v === null || v === undefined) return null;
  if (spec.type === "date" && typeof v === "string") return dateCell(v);
  return v;
}

function formatOf(spec: ValueSpec): NumberFormat | undefined {
  if (spec.type === "headcount") return "count";
  if (spec.type === "integer") return "plain";
  if (spec.type === "date") return "date";
  return undefined;
}

/**
 * One column per value spec, in order. Beside a column whose value some row could not read, a
 * `（原文）` column keeps what the unit typed (a headcount “见签到表” stays visible next to its blank).
 * Only such columns get one, so a clean merge is not cluttered; the same result always gives the
 * same columns.
 */
export function valueColumns<R>(
  specs: readonly (ValueSpec & { readonly width?: number })[],
  rows: readonly R[],
  judged: (row: R) => JudgedValues,
): MasterColumn<R>[] {
  const unreadIds = new Set<string>();
  for (const r of rows) for (const id of Object.keys(judged(r).unread)) unreadIds.add(id);
  const out: MasterColumn<R>[] = [];
  for (const spec of specs) {
    out.push({
      header: spec.label,
      width: spec.width ?? WIDTH_BY_TYPE[spec.type],
      format: formatOf(spec),
      value: (r) => typedCell(spec, judged(r).values[spec.id]),
    });
    if (unreadIds.has(spec.id)) {
      out.push({ header: spec.label + UNREAD_SUFFIX, width: 16, value: (r) => judged(r).unread[spec.id] ?? null });
    }
  }
  return out;
}
