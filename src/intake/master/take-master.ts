/**
 * A master workbook named by the user, for every host: as a lower level's master to merge with the
 * reports (--include-master: every unit, detail row and finding, read exactly), or as last time's
 * master to compare with (--previous: its units' names, codes and figures). A master this product
 * cannot read is refused by name with a Chinese reason, never misread: not a master, a master from
 * before 汇总信息 or of an older layout (for --include-master), a newer one, another template's, or
 * one changed by hand. Pure: the hosts supply the bytes (src/node/master-file.ts, the pane's job).
 */
import { MASTER_SHEETS, SHEETS, TEMPLATE } from "../../core/definition";
import { guardLimits, type GuardLimits, type RefusalCode } from "../../core/guard";
import { MASTER_FORMAT } from "../../core/master";
import type { IncludedMaster, MasterStamp, PreviousMaster, SourceFile } from "../../core/merge/model";
import type { WorkbookGrid } from "../../core/model";
import { printableText } from "../../core/text";
import { isIssuedTemplateVersion } from "../../core/template-versions";
import { readWorkbook, type Codec } from "../../read";
import { judgeNameAndSize } from "../../read/guard";
import { HostReadError, type ByteSource, type FileFacts } from "../file";
import { readMasterContent } from "./read-content";
import { readPreviousUnits } from "./read-previous";
import { MasterDamage } from "./sheet-rows";
import { readStamp, type ReadStamp } from "./stamp";

/**
 * A master holds every unit's rows: a city's 1,000 units × 50 events are 50,000 rows of 活动明细
 * (about 3.3 MB as written). The reader's cost model (reader-cost.ts, made for exceljs) puts it
 * between 450 and 700 MB, where src/read took about 320 MB of RSS in all to read it; a report's
 * 200 MB would refuse it. These limits admit about twice that city and keep memory bounded all the same.
 */
export const MASTER_LIMITS: GuardLimits = guardLimits({
  maxFileBytes: 100 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxRatio: 400,
  maxReaderBytes: 1400 * 1024 * 1024,
});

export type MasterRole = "lower" | "previous";

const ROLE_WORDS: Readonly<Record<MasterRole, string>> = { lower: "下级总表", previous: "上次的总表" };

export type TakenMaster<T> =
  { readonly ok: true; readonly master: T } | { readonly ok: false; readonly reason: string };

export interface MasterIntakeOptions {
  readonly codec?: Codec;
}

const REGENERATE = "请用本程序的最新版本重新汇总生成该总表后再使用。";
const ORIGINAL = "总表须是本程序生成的 .xlsx 文件，请使用生成时的原文件。";

/** Why the guarded reader refused a master, told of a master (its own messages speak to units of their reports). */
const READ_REFUSAL: Readonly<Record<RefusalCode, string>> = {
  empty: "文件是空的。",
  lock_file: "这是 Excel 打开文件时生成的临时锁定文件（~$ 开头），不是总表本身。",
  not_spreadsheet: `它不是 Excel 工作簿（.xlsx）。${ORIGINAL}`,
  corrupt: `工作簿已损坏或不完整（可能在复制或传输时中断），无法读取。${ORIGINAL}`,
  legacy_xls: `它是旧版 Excel 97-2003 格式（.xls）。${ORIGINAL}`,
  encrypted: "工作簿设置了打开密码，请取消密码后保存。",
  ods: `它是 OpenDocument 电子表格（.ods）。${ORIGINAL}`,
  too_large: "工作簿过大。",
  zip_bomb: "工作簿解压后的内容异常庞大或与文件记录不符，可能已损坏或被恶意构造，已拒绝读取。",
  not_template: "工作簿无法读取。",
};

function refuse(role: MasterRole, facts: FileFacts, why: string): { ok: false; reason: string } {
  return { ok: false, reason: `${ROLE_WORDS[role]}“${printableText(facts.path)}”不能使用：${why}` };
}

/** Why an unmarked workbook is not one of this product's masters (or is one too old to say what it is). */
function unmarked(grid: WorkbookGrid): string {
  const names = grid.sheets.map((s) => s.name);
  if (names.includes(MASTER_SHEETS.summary) && names.includes(MASTER_SHEETS.problems))
    return `它是旧版程序生成的总表（没有“${MASTER_SHEETS.info}”表），无法确认各列的含义。${REGENERATE}`;
  if (names.includes(SHEETS.basic)) return "它是单位报送的报表，不是汇总生成的总表。请把它和其他报送文件一起作为输入。";
  return "它不是本程序汇总生成的总表。";
}

/** Whether this product can read every sheet of a master with this stamp; the reason when not. */
function unreadableStamp(stamp: ReadStamp): string | null {
  const made = `（产品版本 ${stamp.productVersion || "未记录"}，模板版本 ${stamp.templateVersion || "未记录"}）`;
  if (stamp.template !== TEMPLATE.id)
    return `它是另一种报表（“${stamp.template}”）的总表，不是${TEMPLATE.title}的总表。`;
  if (stamp.format > MASTER_FORMAT)
    return `它由更新版本的程序生成${made}，总表格式为第 ${stamp.format} 版，本程序只能读取到第 ${MASTER_FORMAT} 版。请升级本程序后再使用。`;
  if (stamp.format < MASTER_FORMAT)
    return `它由较早版本的程序生成${made}，当时的总表格式（第 ${stamp.format} 版）不能完整读回各单位的数据。${REGENERATE}`;
  if (!isIssuedTemplateVersion(stamp.templateVersion))
    return `它按模板版本 ${stamp.templateVersion || "未记录"} 生成，本程序不认识这一版本。请升级本程序后再使用。`;
  return null;
}

async function gridOf(
  role: MasterRole,
  facts: FileFacts,
  read: ByteSource,
  options: MasterIntakeOptions & { readonly cellsOf?: (sheet: string) => boolean },
): Promise<TakenMaster<{ grid: WorkbookGrid; sha256: string }>> {
  const early = judgeNameAndSize(facts.name, facts.size, MASTER_LIMITS);
  if (early) return refuse(role, facts, early.code === "too_large" ? `文件过大（${early.detail}）。` : "文件是空的。");
  let bytes: Uint8Array;
  try {
    bytes = await read();
  } catch (e) {
    const code = e instanceof HostReadError ? e.code : null;
    return refuse(
      role,
      facts,
      code === "no_access" ? "没有读取权限。" : code === "not_found" ? "找不到该文件。" : "读取文件时出错。",
    );
  }
  const book = await readWorkbook(facts.name, bytes, MASTER_LIMITS, options);
  if (!book.ok) return refuse(role, facts, READ_REFUSAL[book.code]);
  return { ok: true, master: { grid: book.grid, sha256: book.sha256 } };
}

const sourceOf = (facts: FileFacts, sha256: string): SourceFile => ({
  path: facts.path,
  name: facts.name,
  sha256,
  modified: facts.modified,
});

/** A lower level's master, all of it (--include-master). Never throws. */
export async function takeLowerMaster(
  facts: FileFacts,
  read: ByteSource,
  options: MasterIntakeOptions = {},
): Promise<TakenMaster<IncludedMaster>> {
  try {
    const taken = await gridOf("lower", facts, read, options);
    if (!taken.ok) return taken;
    const { grid, sha256 } = taken.master;
    const stamp = readStamp(grid);
    if (!stamp) return refuse("lower", facts, unmarked(grid));
    const why = unreadableStamp(stamp);
    if (why) return refuse("lower", facts, why);
    const content = readMasterContent(grid, stamp as MasterStamp);
    return { ok: true, master: { source: sourceOf(facts, sha256), content } };
  } catch (e) {
    if (e instanceof MasterDamage) return refuse("lower", facts, `${e.message}。总表可能被手工改动过，${REGENERATE}`);
    return refuse("lower", facts, "读取时发生意外错误。");
  }
}

/** Sheets --previous reads: 汇总表 and 汇总信息 (skipping 50,000 detail rows it does not compare). */
const PREVIOUS_SHEETS: ReadonlySet<string> = new Set([MASTER_SHEETS.summary, MASTER_SHEETS.info]);

/**
 * Last time's master (--previous): only its 汇总表's names, codes and figures, whose columns have
 * kept their labels and meaning since the first master, so a master of any version of this product
 * (last year's was likely made by an older one) is read. Never throws.
 */
export async function takePreviousMaster(
  facts: FileFacts,
  read: ByteSource,
  options: MasterIntakeOptions = {},
): Promise<TakenMaster<PreviousMaster>> {
  try {
    const taken = await gridOf("previous", facts, read, { ...options, cellsOf: (s) => PREVIOUS_SHEETS.has(s) });
    if (!taken.ok) return taken;
    const { grid } = taken.master;
    const stamp = readStamp(grid);
    if (stamp && stamp.template !== TEMPLATE.id) return refuse("previous", facts, unreadableStamp(stamp)!);
    if (stamp && stamp.format > MASTER_FORMAT) return refuse("previous", facts, unreadableStamp(stamp)!);
    if (!stamp && !grid.sheets.some((s) => s.name === MASTER_SHEETS.summary))
      return refuse("previous", facts, unmarked(grid));
    const { units, reportType } = readPreviousUnits(grid);
    return { ok: true, master: { file: facts.path, reportType: stamp?.reportType ?? reportType, units } };
  } catch (e) {
    if (e instanceof MasterDamage) return refuse("previous", facts, `${e.message}。总表可能被手工改动过。`);
    return refuse("previous", facts, "读取时发生意外错误。");
  }
}
