/**
 * `merge --reminders FILE.csv [--encoding gb18030|utf-8]`: the 催报 list (src/core/reminders.ts) as a
 * CSV file beside the master. Checked before anything is read, as the master is: a .csv name, not a
 * folder, not an existing file without --force, never the roster or the master itself (compared by
 * identity). Written after the master, through a temporary file renamed into place.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { CSV_OUTPUT_ENCODINGS, type CsvOutputEncoding } from "../core/csv";
import type { MergeResult } from "../core/merge/model";
import { printableText } from "../core/text";
import { identityOf, sameFile, type FileIdentity } from "../node/file-identity";
import { replaceFile } from "../node/replace-file";
import { reminderBytes } from "../xlsx/csv-bytes";
import { CliError, EXIT } from "./io";
import { writeFailureReason } from "./write-failure";

export interface RemindersTarget {
  /** Absolute. */
  readonly path: string;
  /** As the user wrote it, escaped for messages. */
  readonly shown: string;
  readonly identity: FileIdentity;
  readonly encoding: CsvOutputEncoding;
}

/** The encoding `--encoding` names (gb18030 also as gbk; utf-8 also as utf8), any letter case. */
export function parseEncoding(given: string | undefined): CsvOutputEncoding {
  if (given === undefined) return "gb18030";
  const name = given.trim().toLowerCase();
  if (name === "gbk") return "gb18030";
  if (name === "utf8") return "utf-8";
  if ((CSV_OUTPUT_ENCODINGS as readonly string[]).includes(name)) return name as CsvOutputEncoding;
  throw new CliError(
    `--encoding 只能是 gb18030（默认，Windows 上的 Excel 和 WPS 直接打开）或 utf-8，而不是“${printableText(given)}”。`,
    EXIT.usage,
  );
}

/** What `--reminders` may write, or why not. `others` are the files it must never be (roster, master). */
export async function remindersTarget(
  given: string,
  encoding: CsvOutputEncoding,
  cwd: string,
  force: boolean,
  others: readonly { readonly identity: FileIdentity; readonly what: string }[],
): Promise<RemindersTarget> {
  const file = path.resolve(cwd, given);
  const shown = printableText(given);
  if (path.extname(file).toLowerCase() !== ".csv")
    throw new CliError(`催报名单文件须以 .csv 结尾：“${shown}”。`, EXIT.usage);
  const existing = await fs.stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`“${shown}”是一个文件夹，请给出催报名单的文件名。`, EXIT.usage);
  if (existing && !force)
    throw new CliError(`催报名单文件“${shown}”已存在，未覆盖。如需覆盖请加 --force。`, EXIT.usage);
  const identity = await identityOf(file);
  for (const other of others)
    if (sameFile(identity, other.identity))
      throw new CliError(`催报名单文件“${shown}”就是${other.what}，不能覆盖它。请另选一个文件名。`, EXIT.usage);
  return { path: file, shown, identity, encoding };
}

/** Writes the 催报 list of `result`; a failure is a usage error naming the file (the master is already written). */
export async function writeReminders(result: MergeResult, target: RemindersTarget): Promise<void> {
  const bytes = reminderBytes(result, target.encoding);
  await fs.mkdir(path.dirname(target.path), { recursive: true }).catch(() => undefined);
  await replaceFile(target.path, (temporary) => fs.writeFile(temporary, bytes)).catch((e: unknown) => {
    throw new CliError(
      `总表已写出，但催报名单未能写入“${target.shown}”（${writeFailureReason(e)}）。请换一个位置后重试。`,
      EXIT.usage,
    );
  });
}
