/**
 * A roster saved as CSV, for every host (the command line and the task pane): its text in whatever
 * encoding the bureau's program wrote (UTF-8 with or without BOM; GB18030/GBK, the default of
 * Chinese Excel and WPS; UTF-16, Excel's “Unicode 文本”), then its records with the line each
 * starts on, so the roster's row numbers are the ones the file shows. Records are split by
 * csv-parse's browser build, which needs nothing from Node.
 */
import { parse } from "csv-parse/browser/esm/sync";
import type { RosterLine } from "../core/merge/roster-table";

export type CsvEncoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export type CsvText =
  | { readonly ok: true; readonly text: string; readonly encoding: CsvEncoding }
  | { readonly ok: false; readonly reason: string };

const SAVE_AS = "请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再选择";

const decode = (encoding: CsvEncoding, bytes: Uint8Array): string | null => {
  try {
    // ignoreBOM false (the default): a BOM of the encoding is dropped, not kept as text.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/**
 * UTF-16 without a BOM, told by where its zero bytes fall: the ASCII in a roster (commas, line
 * breaks, credit codes) has a zero high byte, on odd offsets in little-endian and even ones in
 * big-endian. A stray NUL in UTF-8 or GBK text is a zero or two, not one byte in twenty.
 */
function bomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const half = bytes.length / 2;
  if (odd >= half / 20 && odd >= 4 * even) return "utf-16le";
  if (even >= half / 20 && even >= 4 * odd) return "utf-16be";
  return null;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The text of a CSV file's bytes, or why it cannot be read (Chinese, naming the encoding found). */
export function decodeCsv(bytes: Uint8Array): CsvText {
  const as = (encoding: CsvEncoding, what: string): CsvText => {
    const text = decode(encoding, bytes);
    return text === null
      ? { ok: false, reason: `文件${what}，但其中有不合该编码的字节；${SAVE_AS}` }
      : { ok: true, text, encoding };
  };
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff]))
    return { ok: false, reason: `文件是 UTF-32 编码，无法读取；${SAVE_AS}` };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return as("utf-8", "以 UTF-8 标记开头");
  if (startsWith(bytes, [0xff, 0xfe])) return as("utf-16le", "以 UTF-16LE 标记开头");
  if (startsWith(bytes, [0xfe, 0xff])) return as("utf-16be", "以 UTF-16BE 标记开头");
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return as(utf16, `看起来是不带标记的 ${utf16 === "utf-16le" ? "UTF-16LE" : "UTF-16BE"} 编码`);
  // A GBK file of Chinese text is almost never valid UTF-8, so UTF-8 is tried first.
  const utf8 = decode("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8" };
  const gb = decode("gb18030", bytes);
  if (gb !== null) return { ok: true, text: gb, encoding: "gb18030" };
  return { ok: false, reason: `文件既不是 UTF-8 也不是 GBK/GB18030 或 UTF-16 编码的文本；${SAVE_AS}` };
}

/** Why csv-parse could not split the text, with the line it stopped at when it says. */
export class CsvSplitError extends Error {
  constructor(readonly line: number | null) {
    super(`CSV 格式有误${line === null ? "" : `（第 ${line} 行附近）`}：可能有引号不成对`);
  }
}

/**
 * The records of a CSV text, each with the line of the file it starts on (1-based, blank lines
 * counted, a quoted cell over several lines counted as the lines it spans). Line breaks are made
 * uniform first: csv-parse counts a CR LF inside a quoted cell as two lines when it took CR for
 * the record delimiter. Blank records are left out. Throws CsvSplitError.
 */
export function csvLines(text: string): RosterLine[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/\r\n?/g, "\n"), {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      trim: true,
      info: true,
    }) as typeof records;
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    throw new CsvSplitError(typeof line === "number" ? line : null);
  }
  const lines: RosterLine[] = [];
  let next = 1;
  for (const { record, info } of records) {
    if (record.some((cell) => cell !== "")) lines.push({ row: next, cells: record });
    next = info.lines + 1;
  }
  return lines;
}
