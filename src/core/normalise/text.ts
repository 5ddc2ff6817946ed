/**
 * Text, spec §3: trimmed; a value starting with `=`, `+`, `-` or `@` is just text (the reader gives
 * formula results, never formulas, and nothing here evaluates anything).
 */
import { isCellError, type CellValue, isDateValue } from "../model";
import { isoOfDate } from "./date";
import { accepted, rejected, type Normalised } from "./result";

/** White space and zero-width characters: trimmed at either end as a person would trim what they cannot see. */
const INVISIBLE = /[\s\u200b-\u200d\u2060]/;

/**
 * `s` without invisible characters at either end. A loop, not `/[…]+$/`: that regex retries from every
 * position of an inner run, so "x" + 100,000 spaces + "x" took 8 s (and a million, minutes).
 */
export function trimInvisible(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && INVISIBLE.test(s[start])) start++;
  while (end > start && INVISIBLE.test(s[end - 1])) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export function normaliseText(v: CellValue): Normalised<string> {
  if (typeof v === "string") return accepted(trimInvisible(v));
  if (typeof v === "number") return Number.isFinite(v) ? accepted(String(v)) : rejected("单元格的值不是有效数字");
  if (typeof v === "boolean") return accepted(v ? "TRUE" : "FALSE");
  if (isDateValue(v)) {
    const iso = isoOfDate(v);
    return iso ? accepted(iso) : rejected("单元格中的日期无效");
  }
  if (isCellError(v)) return rejected(`单元格是错误值“${v.error}”，应填写文字`);
  return rejected("单元格为空");
}

/** The value as a person sees it in the cell, for quoting in messages (an error value shows as `#DIV/0!`). */
export function shownValue(v: CellValue): string {
  if (isCellError(v)) return v.error;
  const t = normaliseText(v);
  return t.ok ? t.value : "";
}

/** Length as a person counts it: characters, not UTF-16 code units. */
export function textLength(s: string): number {
  if (!/[\uD800-\uDFFF]/.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}
