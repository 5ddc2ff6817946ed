/**
 * `--soffice PATH`, `--no-soffice` and `--convert-timeout SECONDS`, shared by `check` and `merge`: how the command reads the .xls,
 * .et and .ods files it meets. By default with the LibreOffice it finds (node/soffice.ts); with the one
 * given; or not at all, when told so or when none is found — then such a file is unreadable and its
 * message says how to get it read.
 */
import * as path from "path";
import { Option } from "commander";
import type { ConvertibleFormat } from "../core/guard";
import type { MergeInput } from "../core/merge";
import { printableText } from "../core/text";
import { convertedNote } from "../core/words";
import type { Conversion } from "../intake";
import { DEFAULT_CONVERT_TIMEOUT_MS, libreOfficeConverter } from "../node/libreoffice-convert";
import { findSoffice, isRunnable } from "../node/soffice";
import { CliError, EXIT, type CliIO } from "./io";

export interface ConversionFlags {
  /** The path given with --soffice; false with --no-soffice; undefined: look for it. */
  readonly soffice?: string | false;
  /** --convert-timeout, in seconds as typed. */
  readonly convertTimeout?: string;
}

/** `--soffice PATH`, made afresh for each command (commander keeps state in an Option). */
export const sofficeOption = (): Option =>
  new Option(
    "--soffice <路径>",
    "LibreOffice 的 soffice 程序。遇到 .xls、.et（WPS 表格）和 .ods 文件时，用它在后台转换为 .xlsx 后照常读取；不给出时在 PATH 和常见安装位置中查找",
  );

/** `--no-soffice`: added after `--soffice`, so that giving neither means "look for it". */
export const noSofficeOption = (): Option =>
  new Option("--no-soffice", "不转换 .xls、.et、.ods 文件（即使装有 LibreOffice），它们按无法读取列出");

/** `--convert-timeout SECONDS`: how long one conversion may run before it is stopped. */
export const convertTimeoutOption = (): Option =>
  new Option(
    "--convert-timeout <秒>",
    `转换一个 .xls、.et 或 .ods 文件最多用多少秒，超时即停止并把该文件列为无法读取（默认 ${DEFAULT_CONVERT_TIMEOUT_MS / 1000}）`,
  );

function timeoutMsOf(flags: ConversionFlags): number {
  if (flags.convertTimeout === undefined) return DEFAULT_CONVERT_TIMEOUT_MS;
  const seconds = Number(flags.convertTimeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600)
    throw new CliError(
      `--convert-timeout 应为 1 到 3600 之间的秒数，给出的是“${printableText(flags.convertTimeout)}”。`,
      EXIT.usage,
    );
  return seconds * 1000;
}

/** What the command does with .xls, .et and .ods, from its flags. */
export function conversionOf(flags: ConversionFlags, io: CliIO): Conversion {
  if (flags.soffice === false) return { unavailable: "disabled" };
  const timeoutMs = timeoutMsOf(flags);
  if (flags.soffice === undefined) {
    const found = findSoffice();
    return found ? { convert: libreOfficeConverter({ soffice: found, timeoutMs }) } : { unavailable: "not_installed" };
  }
  const given = path.resolve(io.cwd, flags.soffice);
  if (!isRunnable(given))
    throw new CliError(
      `--soffice 给出的“${printableText(flags.soffice)}”不是可以运行的程序。请给出 LibreOffice 的 soffice 程序的路径（Windows 上通常是 C:\\Program Files\\LibreOffice\\program\\soffice.exe）。`,
      EXIT.usage,
    );
  return { convert: libreOfficeConverter({ soffice: given, timeoutMs }) };
}

/** How many files were read converted, by format, for the closing summary; no line when none was. */
export function convertedLines(inputs: readonly MergeInput[]): string[] {
  const counts = new Map<ConvertibleFormat, number>();
  for (const i of inputs) {
    const from = (i.kind === "report" ? i.candidate.source : i.source).convertedFrom;
    if (from) counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  const each = [...counts].map(([from, n]) => `${convertedNote(from)} ${n} 个`).join("、");
  return [`用 LibreOffice 转换后读取的文件：${each}（总表的“来源文件”中同样注明）。`];
}
