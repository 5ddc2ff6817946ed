/**
 * Reading a roster file (Node adapter): .xlsx through the project's guarded reader, or .csv in UTF-8
 * (with or without BOM) or GB18030/GBK (src/read/roster-csv.ts, shared with the task pane). The
 * rows go to the pure roster reader (src/core/merge/roster-table.ts). Every failure is a Chinese reason: the CLI
 * turns it into a usage error.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { csvRows, csvTooLarge } from "../read/roster-csv";
import { readRosterRows } from "../core/merge/roster-table";
import type { RosterUnit } from "../core/merge/model";
import { shownValue } from "../core/normalise/text";
import { readWorkbookFile } from "./file-guard";

export type RosterFile =
  | { readonly ok: true; readonly file: string; readonly units: readonly RosterUnit[] }
  | { readonly ok: false; readonly reason: string };

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
      const tooLarge = csvTooLarge(stat.size);
      if (tooLarge) return fail(tooLarge);
      rows = csvRows(await fs.readFile(filePath));
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
