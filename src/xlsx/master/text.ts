/**
 * Text from submissions goes into the master as text and only as text.
 *
 * exceljs writes a JavaScript string as a shared string (t="s"), never as a formula, so
 * `=HYPERLINK(…)`, `+1`, `-1` and `@SUM(A1)` stay the characters the unit typed. Two things a
 * string alone does not guarantee are handled here:
 * - SpreadsheetML reads `_xHHHH_` inside a string as an escaped character, so a unit's literal
 *   `_x0041_` would show as `A`; the underscore is escaped (`_x005F_`) to keep it literal.
 * - U+FFFE, U+FFFF and lone surrogates are not XML characters (exceljs already drops the C0 controls
 *   that XML forbids); they are dropped rather than make the part invalid.
 * - A cell holds at most 32,767 characters (Excel repairs a file with more); a longer text is cut
 *   and ends in “…” so the cut shows.
 */

const ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;
const NOT_XML_CHAR = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A submission's text as the string to store in a master cell. */
export const MAX_CELL_CHARS = 32_767;

export function asCellText(text: string): string {
  const kept = text.replace(NOT_XML_CHAR, "").replace(ESCAPE_LOOKALIKE, "_x005F_$1");
  if (kept.length <= MAX_CELL_CHARS) return kept;
  // Cut on a character boundary: never leave half a surrogate pair.
  let cut = MAX_CELL_CHARS - 1;
  if (/[\uD800-\uDBFF]/.test(kept[cut - 1])) cut--;
  return kept.slice(0, cut) + "…";
}
