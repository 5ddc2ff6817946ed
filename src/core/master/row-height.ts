/**
 * How tall a row must be for its wrapped text to show whole. Excel does not fit row heights when it
 * opens a file, so the master states them: lines of text a cell takes in its column's width, times a
 * line's height. Measured as the template's print sheet measures (src/xlsx/template/print-sheet.ts):
 * a column of width w is w × 7 + 5 pixels; a CJK character of 11-point text is 14.7 pixels wide in
 * Excel and WPS (LibreOffice fits more); a Latin letter or digit about 7.5.
 */

/** Points per line: the tallest of the three programs (LibreOffice's CJK fallback font) plus a little. */
export const LINE_PT = 16;
/** The tallest row Excel allows (points); a text taller than this is cut, whole in the cell. */
export const MAX_ROW_PT = 409;

const WIDE_PX = 14.7;
const NARROW_PX = 7.5;
/** East Asian wide characters: CJK, kana, hangul, full-width forms, CJK punctuation. */
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;

/**
 * Lines one paragraph of `text` takes in `room` pixels, filled character by character as CJK text
 * wraps (a character never splits; Latin words may wrap a little earlier, which only adds room).
 */
function paragraphLines(text: string, room: number): number {
  let lines = 1;
  let px = 0;
  for (const ch of text) {
    const w = WIDE.test(ch) ? WIDE_PX : NARROW_PX;
    if (px + w > room && px > 0) {
      lines++;
      px = 0;
    }
    px += w;
  }
  return lines;
}

/** Lines `text` takes wrapped in a column `width` characters wide (its own line breaks kept). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(width * 7 + 5 - 6, WIDE_PX);
  // Most cells are short: no character can make them wider than the room (UTF-16 length ≥ characters).
  if (text.length * WIDE_PX <= room && !text.includes("\n")) return 1;
  let lines = 0;
  for (const part of text.split("\n")) lines += paragraphLines(part, room);
  return lines;
}

/**
 * The height of a row whose cells `wrap` by column, in points; undefined when one line is enough (the
 * default height). Only text is measured: numbers and dates never wrap.
 */
export function rowHeight(
  cells: readonly unknown[],
  widths: readonly number[],
  wrap: readonly (boolean | undefined)[],
): number | undefined {
  let lines = 1;
  cells.forEach((v, i) => {
    if (wrap[i] && typeof v === "string" && v !== "") lines = Math.max(lines, wrappedLines(v, widths[i] ?? 8));
  });
  return lines > 1 ? Math.min(MAX_ROW_PT, lines * LINE_PT) : undefined;
}
