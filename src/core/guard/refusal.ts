/**
 * Why a submitted file is refused before (or instead of) reading it, and what the unit should do.
 * Codes are a contract (spec §6: an `unreadable` result carries `code`); messages are for people.
 */

import { printableText } from "../text";
import type { ConversionFailure, ConversionUnavailable, ConvertibleFormat } from "./conversion";
import { formatBytes } from "./limits";

export type RefusalCode =
  | "empty"
  | "lock_file"
  | "not_spreadsheet"
  | "corrupt"
  | "legacy_xls"
  | "encrypted"
  | "ods"
  | "too_large"
  | "zip_bomb"
  | "not_template";

export interface Refusal {
  readonly code: RefusalCode;
  /** Chinese, names the file and says what to do. */
  readonly message: string;
}

export const REFUSAL_CODES: readonly RefusalCode[] = [
  "empty",
  "lock_file",
  "not_spreadsheet",
  "corrupt",
  "legacy_xls",
  "encrypted",
  "ods",
  "too_large",
  "zip_bomb",
  "not_template",
];

/** What the unit should do to get a readable file; every route ends in "save as .xlsx and send again". */
const SAVE_AS_XLSX =
  "请用 Excel 打开后选择“文件-另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，然后重新发送新保存的文件。";

/** The same for a file WPS 表格 made (.et): WPS names the .xlsx type its own way. */
const SAVE_AS_XLSX_WPS =
  "请用 WPS 表格（或 Excel）打开后选择“文件-另存为”，文件类型选“Microsoft Excel 文件(*.xlsx)”，然后重新发送新保存的文件。";

/** A Word, PDF or text file holds no template to save as .xlsx: the unit should send the filled template itself. */
const SEND_TEMPLATE =
  "报表须填写在下发的《标准化研学行动总结》模板（.xlsx）中：请把内容填入模板，保存后发送填好的模板文件，不要发送 Word、PDF 等其他文件。";

/** Each message takes the file name and an optional Chinese detail (`b` shows it in brackets, `s` as a clause). */
const b = (d?: string) => (d ? `（${d}）` : "");
const s = (d?: string) => (d ? `：${d}` : "");

const MESSAGES: Readonly<Record<RefusalCode, (file: string, detail?: string) => string>> = {
  empty: (f) => `“${f}”是空文件（0 字节），没有任何内容。请确认报表已保存，然后重新发送填写好的 .xlsx 文件。`,
  lock_file: (f) =>
    `“${f}”是 Excel 打开文件时自动生成的临时锁定文件（文件名以 ~$ 开头），不是报表本身。请发送文件名不带 ~$ 的那个真正的工作簿。`,
  not_spreadsheet: (f, d) => `“${f}”不是 Excel 工作簿（.xlsx），无法读取${s(d)}。${SEND_TEMPLATE}`,
  corrupt: (f, d) =>
    `“${f}”已损坏或不完整${b(d)}（可能在下载、复制或传输时中断），无法读取。请确认该文件在 Excel 中能正常打开，重新保存为 .xlsx 后再发送。`,
  legacy_xls: (f) =>
    /\.ett?$/i.test(f)
      ? `“${f}”是 WPS 表格格式（.et），无法直接读取。${SAVE_AS_XLSX_WPS}`
      : `“${f}”是旧版 Excel 97-2003 格式（.xls），无法读取。${SAVE_AS_XLSX}`,
  encrypted: (f) =>
    `“${f}”设置了打开密码，无法读取。请在 Excel 中打开该文件，点击“文件-信息-保护工作簿-用密码进行加密”，清空密码并保存，然后重新发送。`,
  ods: (f) => `“${f}”是 OpenDocument 电子表格（.ods，常见于 WPS 或 LibreOffice），无法读取。${SAVE_AS_XLSX}`,
  too_large: (f, d) =>
    `“${f}”文件过大${b(d)}，一份报表不应有这么大。请删除报表中多余的图片、工作表或无关内容，重新保存为 .xlsx 后再发送。`,
  zip_bomb: (f, d) =>
    `“${f}”解压后的内容异常庞大或与文件记录不符${b(d)}，可能已损坏或被恶意构造，已拒绝读取。请用下发的模板重新填写，保存为 .xlsx 后再发送。`,
  not_template: (f, d) =>
    `“${f}”不是用下发的《标准化研学行动总结》模板填写的，无法读取${s(d)}。请下载最新模板，把内容填入模板后重新发送。`,
};

/**
 * The Chinese message for a refusal of `fileName`; `detail` (Chinese) is shown in brackets where it
 * helps. Both may come from the submission (its file name, a part name inside it), so their control
 * characters are shown escaped: the message stays one line, and prints nothing a terminal obeys.
 */
export function refusalMessage(code: RefusalCode, fileName: string, detail?: string): string {
  return MESSAGES[code](printableText(fileName), detail === undefined ? undefined : printableText(detail));
}

/**
 * Why a file could not be read at all: the guard's codes, plus a path that names nothing (or a folder
 * that cannot be listed) and a file that may not be read. The host (file system, browser) says which.
 */
export type UnreadableCode = RefusalCode | HostCode;

/**
 * What only the host can find: a path naming nothing, a file it may not read, and an .xls, .et or
 * .ods its converter (the command line's LibreOffice) could not turn into .xlsx.
 */
type HostCode = "not_found" | "no_access" | "conversion_failed";

const HOST_MESSAGES: Readonly<Record<HostCode, (file: string, detail?: string) => string>> = {
  not_found: (f, d) => `找不到“${f}”${b(d)}，请检查路径（相对路径从运行命令的文件夹算起）。`,
  no_access: (f) =>
    `没有读取“${f}”的权限，无法打开。请检查文件或文件夹的权限，或把文件复制到自己有权限的文件夹后重试。`,
  conversion_failed: (f, d) =>
    `“${f}”用 LibreOffice 转换为 .xlsx 时失败${b(d)}，无法读取。请确认该文件在 Excel 或 WPS 中能正常打开（设置了打开密码的请先取消密码），“文件-另存为” .xlsx 后重新发送。`,
};

const isHostCode = (code: UnreadableCode): code is HostCode =>
  code === "not_found" || code === "no_access" || code === "conversion_failed";

/** The Chinese message for any reason a file could not be read. */
export function unreadableMessage(code: UnreadableCode, fileName: string, detail?: string): string {
  if (!isHostCode(code)) return refusalMessage(code, fileName, detail);
  return HOST_MESSAGES[code](printableText(fileName), detail === undefined ? undefined : printableText(detail));
}

export function refusal(code: RefusalCode, fileName: string, detail?: string): Refusal {
  return { code, message: refusalMessage(code, fileName, detail) };
}

/** A rule's verdict before the file name is known to it: the caller turns it into a Refusal. */
export interface GuardProblem {
  readonly code: RefusalCode;
  /** Chinese detail shown in brackets in the message. */
  readonly detail?: string;
}

export function problemToRefusal(problem: GuardProblem, fileName: string): Refusal {
  return refusal(problem.code, fileName, problem.detail);
}

/**
 * Said after the refusal of an .xls, .et or .ods that was not converted: how the bureau's side can
 * read it anyway. The unit's part (save as .xlsx) is the refusal's own message; this part is for
 * whoever runs the merge, and says so.
 */
const CONVERSION_HINTS: Readonly<Record<ConversionUnavailable, string>> = {
  pane: "任务窗格不能转换 .xls、.et、.ods 文件：请先用 Excel 或 WPS 打开该文件，“文件-另存为” .xlsx 后再选择；或改用命令行的 check、merge 命令，装有 LibreOffice 的电脑会自动转换。",
  not_installed:
    "（汇总方：安装 LibreOffice 后，命令行的 check、merge 会自动转换此类文件；LibreOffice 装在别处时用 --soffice 指明 soffice 程序的位置。）",
  disabled: "（汇总方：本次运行加了 --no-soffice，未用 LibreOffice 转换此类文件。）",
};

export function conversionHint(why: ConversionUnavailable): string {
  return CONVERSION_HINTS[why];
}

/** The Chinese detail of a failed conversion of a `from` file, shown in brackets in conversion_failed's message. */
export function conversionFailureDetail(failure: ConversionFailure, from: ConvertibleFormat): string {
  switch (failure.reason) {
    case "timeout":
      return `转换 .${from} 超过 ${failure.seconds} 秒仍未完成，已停止`;
    case "start":
      return `无法启动 LibreOffice：${failure.detail}`;
    case "exit":
      return failure.signal
        ? `LibreOffice 被异常终止：${failure.signal}`
        : `LibreOffice 异常退出，退出码 ${failure.code ?? "未知"}`;
    case "no_output":
      return `LibreOffice 打不开这个 .${from} 文件，可能已损坏或设置了打开密码`;
    case "too_large":
      return `转换后的文件有 ${formatBytes(failure.bytes)}，超过上限 ${formatBytes(failure.limit)}`;
  }
}
