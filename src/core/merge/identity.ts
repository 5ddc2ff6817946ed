/** Who a submission is from (spec §5): credit code, else unit name trimmed and width-folded. */
import { canonicalText } from "../text";

/** A unit name as two people typing "the same" name agree on it: trimmed, width-folded, inner spaces collapsed. */
export function foldName(name: string): string {
  return canonicalText(name);
}

/** A credit code as compared: width-folded, spaces dropped, upper case. */
export function foldCreditCode(code: string): string {
  return canonicalText(code).replace(/\s+/g, "").toUpperCase();
}

/** Byte-wise (code unit) order: the same on every machine and locale, unlike localeCompare. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Null sorts first (an unknown date or time loses to any known one). */
export function byNullableText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return byText(a, b);
}

/** Levenshtein distance over code points (a CJK character counts once). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}
