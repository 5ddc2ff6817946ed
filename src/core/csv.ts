/**
 * CSV text that spreadsheets open as the characters written (RFC 4180: every cell quoted, quotes
 * doubled, records ended by CR LF), and never as a formula. Excel, WPS and LibreOffice read a cell
 * that starts with = + - @ (or a tab, a carriage return, a line feed or NUL, which they skip before
 * one) as a formula whatever its quotes (CSV injection, OWASP / ASVS 1.2.10): such a cell gets a
 * leading apostrophe, which the spreadsheet shows and never evaluates.
 */

const FORMULA_START = /^[=+\-@\t\r\n\0]/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The records as CSV text: one line per record, CR LF after each (the last too). */
export function csvText(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(csvCell).join(",") + "\r\n").join("");
}

/**
 * What a CSV is written in: GB18030 (a superset of GBK, which Excel and WPS on a Chinese Windows read
 * a CSV in without asking), or UTF-8 for other programs (with the byte-order mark Excel itself writes
 * for “CSV UTF-8”, so Excel on a Mac reads it too).
 */
export const CSV_OUTPUT_ENCODINGS = ["gb18030", "utf-8"] as const;
export type CsvOutputEncoding = (typeof CSV_OUTPUT_ENCODINGS)[number];
