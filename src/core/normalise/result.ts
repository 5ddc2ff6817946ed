/**
 * What every normaliser returns: the value it read, or why it could not read one. A value that
 * was accepted only after spec §3 normalisation carries a note, so the rules can say so — nothing
 * is coerced silently.
 */
import type { CellValue } from "../model";
import { foldWidth } from "../text";

export type NoteKind = "normalized" | "approximate";

export interface Note {
  readonly kind: NoteKind;
  /** Chinese: what the value was read as, e.g. "120". */
  readonly readAs: string;
}

export type Normalised<T> =
  { readonly ok: true; readonly value: T; readonly note?: Note } | { readonly ok: false; readonly problem: string };

export function accepted<T>(value: T, note?: Note): Normalised<T> {
  return note ? { ok: true, value, note } : { ok: true, value };
}

export function rejected<T>(problem: string): Normalised<T> {
  return { ok: false, problem };
}

/**
 * Blank as a person sees it: the template's empty cells are null; "" (Office.js's blank) and white
 * space only (including U+3000 and zero-width characters) count as blank too.
 */
export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && fold(v).trim() === "");
}

const NEEDS_FOLDING = /[\uff01-\uff5e\u3000\u200b-\u200d\u2060\ufeff]/;

/** foldWidth, skipping the work for the usual text that has nothing full-width in it. */
export function fold(s: string): string {
  return NEEDS_FOLDING.test(s) ? foldWidth(s) : s;
}
