/**
 * Reading a roster file (Node adapter): .xlsx through the project's guarded reader, or .csv in UTF-8
 * (with or without BOM) or GB18030/GBK, which Chinese Excel and WPS write by default. The rows go to
 * the pure roster reader (src/core/merge/roster-table.ts). Every failure is a Chinese reason: the CLI
 * turns it into a usage error.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { parse } from "csv-parse/sync";
import { readRosterRows } from "../core/merge/roster-table";
import type { RosterUnit } from "../core/merge/model";
import { shownValue } from "../core/normalise/text";
import { readWorkbookFile } from "../xlsx/file-guard";

export type RosterFile =
  | { readonly ok: true; readonly file: string; readonly units: readonly RosterUnit[] }
  | { readonly ok: false; readonly reason: string };

/** A roster bigger than this is not a list of units (a few thousand rows is a few hundred KB). */
const MAX_CSV_BYTES = 20 * 1024 * 1024;

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

function csvRows(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true, trim: true }) as string[][];
}

async function xlsxRows(filePath: string): Promise<string[][] | string> {
  const read = await readWorkbookFile(filePath);
  if (!read.ok) return read.message;
  const sheet = read.grid.sheets.find((s) => !s.hidden);
  if (!sheet) return "工作簿中没有可见的工作表";
  return sheet.rows.map((r) => r.map((v) => shownValue(v)));
}

export async function readRosterFile(filePath: string, display = filePath): Promise<RosterFile> {
  const fail = (why: string): RosterFile => ({ ok: false, reason: `名单文件“${display}”无法读取：${why}` });
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (!stat) return fail("找不到该文件，请检查路径");
  if (!stat.isFile()) return fail("这不是一个普通文件");
  const ext = path.extname(filePath).toLowerCase();
  let rows: string[][];
  try {
    if (ext === ".csv") {
      if (stat.size > MAX_CSV_BYTES)
        return fail(`文件过大（${Math.round(stat.size / 1048576)} MB），名单应为每行一个单位的表格`);
      rows = csvRows(decodeCsv(await fs.readFile(filePath)).text);
    } else if (ext === ".xlsx") {
      const read = await xlsxRows(filePath);
      if (typeof read === "string") return fail(read);
      rows = read;
    } else return fail("名单须为 .xlsx 或 .csv 文件（.csv 可为 UTF-8 或 GBK 编码）");
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === "EACCES" || code === "EPERM") return fail("没有读取权限");
    return fail(ext === ".csv" ? "CSV 格式有误（如引号不成对）" : "工作簿已损坏或不是 .xlsx 文件");
  }
  const table = readRosterRows(rows);
  return table.ok ? { ok: true, file: path.basename(filePath), units: table.units } : fail(table.reason);
}
