/** How names and credit codes are compared (spec §5), and the orders every merge list is sorted by. */
import { canonicalText } from "../text";

/**
 * Characters that show nothing: control characters other than line breaks and tabs (a NUL pasted
 * from another program), format characters (zero-width spaces and joiners, bidi marks, the soft
 * hyphen, a stray BOM) and variation selectors. Two names that look the same must compare the same.
 */
const INVISIBLE = /(?![\t\n\v\f\r])[\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;

/**
 * A unit name as two people typing "the same" name agree on it: compatibility forms unified (NFKC:
 * full-width letters, Kangxi radicals that PDFs put for the ideographs they look like), invisible
 * characters dropped, trimmed, inner white space collapsed.
 */
export function foldName(name: string): string {
  return canonicalText(name.normalize("NFKC").replace(INVISIBLE, ""));
}

/** A credit code as compared: width-folded, invisible characters and spaces dropped, upper case. */
export function foldCreditCode(code: string): string {
  return canonicalText(code.replace(INVISIBLE, "")).replace(/\s+/g, "").toUpperCase();
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

/**
 * How many code points of a name the edit distance looks at. A unit name is at most 100 characters
 * (spec §1), so every real name is compared whole; a 32,767-character cell costs no more than this.
 */
export const MAX_COMPARED_CHARS = 200;

/** The first MAX_COMPARED_CHARS code points of `s`, without spreading the rest of a huge string. */
export function comparedChars(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    if (out.length === MAX_COMPARED_CHARS) break;
    out.push(ch.codePointAt(0)!);
  }
  return out;
}

/**
 * Levenshtein distance between two lists of code points (a CJK character counts once), or any
 * number above `limit` as soon as the distance is known to exceed it: a length difference over the
 * limit, or a row of the table whose smallest entry is over it (no later row can be smaller).
 */
export function boundedEditDistance(x: readonly number[], y: readonly number[], limit = Infinity): number {
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = new Uint32Array(y.length + 1).map((_, j) => j);
  let cur = new Uint32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** Levenshtein distance over the first MAX_COMPARED_CHARS code points of each string. */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(comparedChars(a), comparedChars(b));
}
