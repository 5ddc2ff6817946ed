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
  /** Long text wraps within the column (and its row grows) rather than running into the next cells. */
  readonly wrap?: boolean;
}

/** Suffix of the column that shows a value's original text when it could not be read. */
export const UNREAD_SUFFIX = "（原文）";

/**
 * Widths of single fields' columns by type: 汇总表 has a column per field and prints one page wide,
 * so they are narrow; text wraps in them (WRAPPED_TYPES) and its rows grow.
 */
const WIDTH_BY_TYPE: Readonly<Record<ValueSpec["type"], number>> = {
  text: 20,
  longtext: 22,
  headcount: 8,
  integer: 6,
  date: 11,
  enum: 10,
  phone: 13,
  email: 18,
  url: 24,
  credit_code: 20,
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

/** Types whose text may run past its column: wrapped. Numbers, dates, codes and phone numbers fit. */
const WRAPPED_TYPES: ReadonlySet<ValueSpec["type"]> = new Set(["text", "longtext", "enum", "email", "url"]);

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
      wrap: WRAPPED_TYPES.has(spec.type),
      value: (r) => typedCell(spec, judged(r).values[spec.id]),
    });
    if (unreadIds.has(spec.id)) {
      out.push({
        header: spec.label + UNREAD_SUFFIX,
        width: 16,
        wrap: true,
        value: (r) => judged(r).unread[spec.id] ?? null,
      });
    }
  }
  return out;
}
