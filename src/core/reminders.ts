/**
 * 催报: the units to chase, as a list the bureau calls down. The roster units that sent nothing (with
 * the roster's contacts and what they sent instead), and the files that came in but count as not
 * received (unreadable; a report of the other type). The same lines as 未报送单位 shows (missing.ts),
 * without the ones about units that did report; the same columns, without the closest-name ones.
 */
import { csvText } from "./csv";
import { MISSING_COLUMNS, missingLines, type MissingLine } from "./master/missing";
import type { MasterCell } from "./master/model";
import type { MergeResult } from "./merge/model";

const CHASED: ReadonlySet<MissingLine["situation"]> = new Set(["missing", "unreadable", "otherType"]);
const LEFT_OUT: ReadonlySet<string> = new Set(["最接近的名单单位", "其名单行号", "相差字数"]);
const REMINDER_COLUMNS = MISSING_COLUMNS.filter((c) => !LEFT_OUT.has(c.header));

export function reminderLines(result: MergeResult): MissingLine[] {
  return missingLines(result).filter((l) => CHASED.has(l.situation));
}

function cellText(v: MasterCell): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** The 催报 list as CSV text: a header row, then one row per line to chase. */
export function remindersCsv(result: MergeResult): string {
  return csvText([
    REMINDER_COLUMNS.map((c) => c.header),
    ...reminderLines(result).map((l) => REMINDER_COLUMNS.map((c) => cellText(c.value(l)))),
  ]);
}

/** What the 催报 list holds, in a sentence both hosts show beside it. */
export function remindersSummary(result: MergeResult): string {
  const lines = reminderLines(result);
  const count = (s: MissingLine["situation"]) => lines.filter((l) => l.situation === s).length;
  if (lines.length === 0)
    return result.roster
      ? "无需催报：名单中的单位均已报送，也没有无法读取或报告类型不符的文件"
      : "无需催报：没有无法读取或报告类型不符的文件（未提供名单，无法列出未报送单位）";
  const parts = [
    result.roster ? `名单中未报送的单位 ${count("missing")} 个` : "未提供名单，未列出未报送单位",
    count("unreadable") ? `无法读取的文件 ${count("unreadable")} 个` : "",
    count("otherType") ? `报告类型不符的文件 ${count("otherType")} 个` : "",
  ].filter(Boolean);
  return `共 ${lines.length} 行：${parts.join("，")}`;
}
