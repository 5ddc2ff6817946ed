/** A1-style addresses: the only place that converts between letters and column numbers. */

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`bad column number: ${column}`);
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 1, "aa" → 27. */
export function columnNumber(letters: string): number {
  const s = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) throw new RangeError(`bad column letters: ${letters}`);
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface CellRef {
  /** 1-based. */
  row: number;
  /** 1-based. */
  column: number;
}

/** "$C$5" or "c5" → { row: 5, column: 3 }; null when it is not a single-cell address. */
export function parseA1(address: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

export function toA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * What a defined name refers to, as exceljs and Office.js both spell it: "'基本情况'!$C$5" →
 * { sheet: "基本情况", cell: "C5" }; null for ranges, other workbooks or broken references.
 */
export function parseNamedCell(ref: string): { sheet: string; cell: string } | null {
  const text = ref.trim().replace(/^=/, "");
  const bang = text.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = text.slice(0, bang).trim();
  const quoted = /^'(.*)'$/.exec(sheet);
  if (quoted) sheet = quoted[1].replace(/''/g, "'");
  if (sheet === "" || sheet.includes("[")) return null;
  const at = parseA1(text.slice(bang + 1));
  if (!at) return null;
  return { sheet, cell: toA1(at.row, at.column) };
}
