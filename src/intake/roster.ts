/**
 * One roster intake for every host (the command line and the task pane): a roster file (名单) as
 * its name, its size and a way to read its bytes → the roster's units, or a Chinese reason that
 * calls it a roster and names the file. The size is judged before a byte is read, for .csv and
 * .xlsx alike; a .csv is decoded in the encoding its bytes show (src/read/roster-csv.ts), an .xlsx
 * goes through the project's guarded reader (src/read); the header is found by its labels
 * (src/core/merge/roster-table.ts). Row numbers are the file's own: a CSV's line, a worksheet's row.
 * Pure: the hosts supply the bytes (src/node/roster.ts from a file, the pane's 汇总 run src/taskpane/merge/job.ts from a File).
 */
import { formatBytes, type RefusalCode } from "../core/guard";
import { MAX_ROSTER_BYTES, rosterUnitsOf, type RosterLine, type RosterTable } from "../core/merge/roster-table";
import type { RosterUnit } from "../core/merge/model";
import { shownValue } from "../core/normalise/text";
import { readWorkbook, type Codec } from "../read";
import { csvLines, CsvSplitError, decodeCsv, type CsvEncoding } from "../read/roster-csv";

export interface RosterSource {
  /** The name the user knows the file by (the path as typed, or the chosen file's name): messages name it. */
  readonly name: string;
  /** Its size in bytes, as the host's file system or the browser's File tells it. */
  readonly size: number;
  /** Its bytes. Called at most once, and only once the size is known to be within the limit. */
  read(): Promise<Uint8Array>;
}

export type RosterIntake =
  | {
      readonly ok: true;
      /** The file name without folders. */
      readonly file: string;
      readonly units: readonly RosterUnit[];
      /** The encoding a .csv was read in; absent for an .xlsx. */
      readonly encoding?: CsvEncoding;
    }
  | { readonly ok: false; readonly reason: string };

export interface RosterIntakeOptions {
  /** The reader's byte services (default: pure; Node passes its own, as for reports). */
  readonly codec?: Codec;
}

/** What the roster must be: said when the file is of another kind. */
export const ROSTER_KINDS = "名单须为 .xlsx 或 .csv 文件（.csv 可为 UTF-8、GBK/GB18030 或 UTF-16 编码）";

/** Why the guarded reader refused an .xlsx, told of a roster (its own messages speak of reports). */
const XLSX_REFUSAL: Readonly<Record<RefusalCode, string>> = {
  empty: "文件是空的（0 字节）",
  lock_file: "这是 Excel 打开文件时生成的临时锁定文件（~$ 开头），不是名单本身",
  not_spreadsheet: `它不是 Excel 工作簿（.xlsx）；${ROSTER_KINDS}`,
  corrupt: "工作簿已损坏或不是 .xlsx 文件",
  legacy_xls: "它是旧版 Excel 97-2003 格式（.xls），请在 Excel 中另存为 .xlsx 或 .csv",
  encrypted: "工作簿设置了打开密码，请取消密码后保存",
  ods: "它是 OpenDocument 电子表格（.ods），请另存为 .xlsx 或 .csv",
  too_large: "工作簿过大，名单应为每行一个单位的表格",
  zip_bomb: "工作簿解压后的内容异常庞大或与文件记录不符，可能已损坏，已拒绝读取",
  not_template: "工作簿无法读取",
};

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

function tooLarge(size: number): string | null {
  return size > MAX_ROSTER_BYTES
    ? `文件过大（${formatBytes(size)}，上限 ${formatBytes(MAX_ROSTER_BYTES)}），名单应为每行一个单位的表格`
    : null;
}

/** Why the host could not give the bytes: a Node error code or a browser DOMException name. */
function readFailure(e: unknown): string {
  const { code, name } = (e ?? {}) as { code?: unknown; name?: unknown };
  if (code === "EACCES" || code === "EPERM") return "没有读取权限";
  if (code === "ENOENT" || name === "NotFoundError") return "找不到该文件（可能已被移动或删除）";
  return "读取文件时出错（文件可能已被移动、修改或正被其他程序占用）";
}

function csvTable(bytes: Uint8Array): { table: RosterTable; encoding?: CsvEncoding } {
  const text = decodeCsv(bytes);
  if (!text.ok) return { table: text };
  try {
    return { table: rosterUnitsOf(csvLines(text.text)), encoding: text.encoding };
  } catch (e) {
    if (e instanceof CsvSplitError) return { table: { ok: false, reason: e.message } };
    throw e;
  }
}

/** The roster on the first visible sheet (a report workbook's later sheets have columns called 名称 too). */
async function xlsxTable(name: string, bytes: Uint8Array, codec: Codec | undefined): Promise<RosterTable> {
  const read = await readWorkbook(name, bytes, { maxFileBytes: MAX_ROSTER_BYTES }, codec ? { codec } : {});
  if (!read.ok) return { ok: false, reason: XLSX_REFUSAL[read.code] };
  const sheet = read.grid.sheets.find((s) => !s.hidden);
  if (!sheet) return { ok: false, reason: "工作簿中没有可见的工作表" };
  const lines: RosterLine[] = [];
  sheet.rows.forEach((r, i) => {
    const cells = (r ?? []).map((v) => shownValue(v));
    if (cells.some((c) => c !== "")) lines.push({ row: i + 1, cells });
  });
  const table = rosterUnitsOf(lines);
  return table.ok ? table : { ok: false, reason: `工作表“${sheet.name}”${table.reason}` };
}

/** A roster that cannot be read: the reason names the file as a roster (hosts use it for what only they see). */
export function rosterFailure(name: string, why: string): RosterIntake {
  return { ok: false, reason: `名单文件“${name}”无法读取：${why}` };
}

export async function takeRoster(source: RosterSource, options: RosterIntakeOptions = {}): Promise<RosterIntake> {
  const fail = (why: string) => rosterFailure(source.name, why);
  const file = baseName(source.name);
  const kind = /\.csv$/i.test(file) ? "csv" : /\.xlsx$/i.test(file) ? "xlsx" : null;
  if (kind === null) return fail(/\.xls$/i.test(file) ? XLSX_REFUSAL.legacy_xls : ROSTER_KINDS);
  if (source.size === 0) return fail(XLSX_REFUSAL.empty);
  const large = tooLarge(source.size);
  if (large) return fail(large);
  let bytes: Uint8Array;
  try {
    bytes = await source.read();
  } catch (e) {
    return fail(readFailure(e));
  }
  // The file may have grown since its size was taken.
  const grown = tooLarge(bytes.length);
  if (grown) return fail(grown);
  const { table, encoding } = kind === "csv" ? csvTable(bytes) : { table: await xlsxTable(file, bytes, options.codec) };
  if (!table.ok) return fail(table.reason);
  return { ok: true, file, units: table.units, ...(encoding ? { encoding } : {}) };
}
