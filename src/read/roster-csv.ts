/**
 * A roster saved as CSV, for every host (the command line and the task pane): UTF-8 with or
 * without BOM, or GB18030/GBK, which Chinese Excel and WPS write by default. Rows are split by
 * csv-parse's browser build, which needs nothing from Node.
 */
import { parse } from "csv-parse/browser/esm/sync";

/** A roster bigger than this is not a list of units (a few thousand rows is a few hundred KB). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;

/**
 * UTF-8 when the bytes are valid UTF-8 (a GBK file of Chinese text almost never is), else GB18030, a
 * superset of GBK and GB2312. A BOM is dropped either way.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The rows of a CSV roster's bytes; throws on CSV that cannot be split (a quote never closed). */
export function csvRows(bytes: Uint8Array): string[][] {
  const { text } = decodeCsv(bytes);
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as string[][];
}

/** Why a roster file of `size` bytes is refused before it is read, if it is. */
export function csvTooLarge(size: number): string | undefined {
  return size > MAX_CSV_BYTES ? `文件过大（${Math.round(size / 1048576)} MB），名单应为每行一个单位的表格` : undefined;
}
