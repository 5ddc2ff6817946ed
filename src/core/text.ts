/** Text folding shared by normalisation, label matching and unit identity. */

/**
 * Full-width ASCII (！ to ～) and the ideographic space become their half-width forms; zero-width
 * spaces and joiners (U+200B–U+200D, U+2060, U+FEFF) are dropped: invisible, yet text pasted from
 * web pages and chat apps carries them, and “是\u200b” must read as 是. 《》 are not in that range
 * and are kept, as the spec asks.
 */
export function foldWidth(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff) continue;
    else out += ch;
  }
  return out;
}

/** Trimmed, width-folded, inner white space collapsed: what two people typing "the same" agree on. */
export function canonicalText(s: string): string {
  return foldWidth(s).replace(/\s+/g, " ").trim();
}

/**
 * A label as a key for finding moved fields: width-folded, without white space, the required
 * marker `*`, or trailing colons.
 */
export function labelKey(s: string): string {
  // Edges stripped by loops: `/\*+$/` retries from every position of an inner run (quadratic on "**…*x").
  const k = foldWidth(s).replace(/\s+/g, "");
  let start = 0;
  let end = k.length;
  while (start < end && k[start] === "*") start++;
  while (end > start && k[end - 1] === "*") end--;
  while (end > start && (k[end - 1] === ":" || k[end - 1] === "：")) end--;
  return k.slice(start, end);
}

/** Short escapes for the control characters people know by sight. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Characters that must never reach a terminal or a one-line message as they are: C0 controls (a
 * newline splits a line, ESC starts a terminal command), DEL, C1 controls (NEL ends a line), bidi
 * marks, embeddings, overrides and isolates (U+202E shows "xslx.exe" as "exe.xlsx"), and the line
 * and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file name (or any text from outside: a path, a message quoting one) as one visible line: each
 * character above becomes an escape a person can read and copy, `\n`, `\r`, `\t` or `\u001B` (as in
 * JSON). Everything else, Chinese and backslash path separators included, is kept. Applying it
 * twice changes nothing more.
 */
export function printableText(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}
