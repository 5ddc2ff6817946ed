/**
 * Reading the settings file `merge --settings` names (Node adapter over src/core/feedback/settings):
 * what only the file system can say is said here, the size is checked before the bytes are read,
 * the text is decoded in the encoding its bytes show (UTF-8 with or without BOM, GBK as Notepad and
 * WPS save it on a Chinese system, UTF-16), and every failure is a Chinese reason naming the file.
 */
import { promises as fs } from "fs";
import { MAX_SETTINGS_BYTES, parseSettingsText, type FeedbackSettings } from "../core/feedback";
import { printableText } from "../core/text";
import { decodeCsv } from "../read/roster-csv";

export type SettingsFile =
  { readonly ok: true; readonly feedback: FeedbackSettings } | { readonly ok: false; readonly reason: string };

/** `display` is the path as the user typed it: messages name it. */
export async function readSettingsFile(filePath: string, display: string): Promise<SettingsFile> {
  const fail = (why: string): SettingsFile => ({ ok: false, reason: `设置文件“${printableText(display)}”${why}` });
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (!stat) return fail("找不到，请检查路径。");
  if (!stat.isFile()) return fail("不是一个普通文件。");
  if (stat.size > MAX_SETTINGS_BYTES)
    return fail(`有 ${stat.size} 字节，超过设置文件的上限 ${MAX_SETTINGS_BYTES} 字节：请只写退回意见的几项设置。`);
  const bytes = await fs.readFile(filePath).catch(() => undefined);
  if (!bytes) return fail("无法读取，请检查文件权限。");
  const text = decodeCsv(new Uint8Array(bytes));
  if (!text.ok) return fail("不是 UTF-8 或 GBK 编码的文本文件：请用记事本打开，另存为 UTF-8 编码。");
  const parsed = parseSettingsText(text.text);
  return parsed.ok ? parsed : fail(`有误：${parsed.problem}`);
}
