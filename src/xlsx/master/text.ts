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
 */

const ESCAPE_LOOKALIKE = /_(x[0-9A-Fa-f]{4}_)/g;
const NOT_XML_CHAR = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A submission's text as the string to store in a master cell. */
export function asCellText(text: string): string {
  return text.replace(NOT_XML_CHAR, "").replace(ESCAPE_LOOKALIKE, "_x005F_$1");
}

