/**
 * The optional roster (名单) of the 汇总 view, read in the browser: an .xlsx through the same guarded
 * reader as the reports, its first visible sheet's rows to the pure roster reader. Every failure is a
 * Chinese reason naming the file.
 */
import { readRosterRows } from "../../core/merge/roster-table";
import type { RosterUnit } from "../../core/merge/model";
import { shownValue } from "../../core/normalise/text";
import { readWorkbook } from "../../read";
import type { ChosenFile } from "./read-inputs";

export type RosterRead =
  | {
      readonly ok: true;
      readonly file: string;
      readonly units: readonly RosterUnit[];
    }
  | { readonly ok: false; readonly reason: string };

export async function readRoster(file: ChosenFile): Promise<RosterRead> {
  const fail = (why: string): RosterRead => ({
    ok: false,
    reason: `名单文件“${file.name}”无法读取：${why}`,
  });
  if (!file.name.toLowerCase().endsWith(".xlsx"))
    return fail(
      "任务窗格中的名单须为 .xlsx 文件（.csv 名单请在 Excel 中另存为 .xlsx，或使用命令行工具的 merge --roster）",
    );
  const read = await readWorkbook(file.name, await file.bytes());
  if (!read.ok) return fail(read.message);
  const sheet = read.grid.sheets.find((s) => !s.hidden);
  if (!sheet) return fail("工作簿中没有可见的工作表");
  const table = readRosterRows(sheet.rows.map((r) => (r ?? []).map((v) => shownValue(v))));
  return table.ok ? { ok: true, file: file.name, units: table.units } : fail(table.reason);
}
