/**
 * The optional roster (名单) of the 汇总 view, read in the browser: an .xlsx through the same guarded
 * reader as the reports (its first visible sheet), or a .csv in UTF-8 or GBK as the command line
 * reads it (src/read/roster-csv.ts); the rows go to the pure roster reader. Every failure is a
 * Chinese reason naming the file.
 */
import { csvRows, csvTooLarge } from "../../read/roster-csv";
import { readRosterRows } from "../../core/merge/roster-table";
import type { RosterUnit } from "../../core/merge/model";
import { shownValue } from "../../core/normalise/text";
import { readWorkbook } from "../../read";

/** A roster file as the pane has it: its name and size, and its bytes when asked. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  bytes(): Promise<Uint8Array>;
}

export type RosterRead =
  | {
      readonly ok: true;
      readonly file: string;
      readonly units: readonly RosterUnit[];
    }
  | { readonly ok: false; readonly reason: string };

async function xlsxRows(file: ChosenFile): Promise<string[][] | string> {
  const read = await readWorkbook(file.name, await file.bytes());
  if (!read.ok) return read.message;
  const sheet = read.grid.sheets.find((s) => !s.hidden);
  if (!sheet) return "工作簿中没有可见的工作表";
  return sheet.rows.map((r) => (r ?? []).map((v) => shownValue(v)));
}

export async function readRoster(file: ChosenFile): Promise<RosterRead> {
  const fail = (why: string): RosterRead => ({
    ok: false,
    reason: `名单文件“${file.name}”无法读取：${why}`,
  });
  const name = file.name.toLowerCase();
  let rows: string[][];
  if (name.endsWith(".csv")) {
    const tooLarge = csvTooLarge(file.size);
    if (tooLarge) return fail(tooLarge);
    try {
      rows = csvRows(await file.bytes());
    } catch {
      return fail("CSV 格式有误（如引号不成对）");
    }
  } else if (name.endsWith(".xlsx")) {
    const read = await xlsxRows(file);
    if (typeof read === "string") return fail(read);
    rows = read;
  } else return fail("名单须为 .xlsx 或 .csv 文件（.csv 可为 UTF-8 或 GBK 编码）");
  const table = readRosterRows(rows);
  return table.ok ? { ok: true, file: file.name, units: table.units } : fail(table.reason);
}
