/** The Chinese lines of 问题清单 that the merge itself adds (file-level lines); rendered here only. */
import type { ReportType } from "../definition";
import { CHAIN_SEPARATOR } from "./carried";
import type { SourceFile } from "./model";

/** Another merged file as an identity-conflict line names it. */
export interface OtherFile {
  readonly source: FileNamed;
  readonly unit: string | null;
  readonly creditCode: string | null;
}

/** A roster unit as an identity-conflict line names it. */
export interface RosterRow {
  readonly name: string;
  readonly row: number;
}

/** What a line needs of a file to name it. */
export type FileNamed = Pick<SourceFile, "path" | "carried">;

/** A file as a line names it: a master's copy with the masters it came through. */
export function fileRef(source: FileNamed): string {
  return source.carried
    ? `总表“${source.carried.via.join(CHAIN_SEPARATOR)}”中的文件“${source.carried.file}”`
    : `文件“${source.path}”`;
}

/** How many other files a line names before it says “等 N 个”. */
const NAMED_FILES = 3;

function listed<T>(items: readonly T[], show: (item: T) => string): string {
  const shown = items.slice(0, NAMED_FILES).map(show).join("、");
  return items.length > NAMED_FILES ? `${shown}等 ${items.length} 个文件` : shown;
}

const fileAndUnit = (o: OtherFile) => `${fileRef(o.source)}（报送单位“${o.unit ?? "未填写"}”）`;
const fileAndCode = (o: OtherFile) =>
  `${fileRef(o.source)}（${o.creditCode === null ? "未填写信用代码" : `信用代码 ${o.creditCode}`}）`;
const COPIED = "常见原因是以其他单位的报表为底稿填写后未改信用代码。各文件按各自填写的单位名称分别汇总，互不替代";

export const mergeMessages = {
  superseded: (by: string, byDate: string | null) =>
    `同一单位另有较新的报送文件“${by}”${byDate ? `（填报日期 ${byDate}）` : ""}，本文件已被替代，未计入汇总。`,
  otherType: (own: ReportType | null, chosen: ReportType) =>
    `本文件为${own ?? "其他类型"}，本次汇总的是${chosen}，两类报告不合并计算，本文件未计入汇总。`,
  lockFile: () => "这是 Excel/WPS 打开文件时生成的临时锁定文件（~$ 开头），不是报送文件，已跳过。",
  /**
   * The file's credit code is given to a differently named unit: by the roster (`owner`, when the
   * roster gives it to another unit) and/or by other merged files (`others`). `confirmed`: the roster
   * gives the code to this file's own unit, so the other files are the ones to correct.
   */
  codeOfOtherUnit: (
    code: string,
    ownName: string,
    owner: RosterRow | null,
    confirmed: boolean,
    others: readonly OtherFile[],
  ) => {
    const own = `本文件的统一社会信用代码 ${code} `;
    const alsoIn = `${listed(others, fileAndUnit)}也填写了这一代码`;
    if (confirmed)
      return `${own}与单位名单一致，但${alsoIn}，其单位名称与本文件（“${ownName}”）不同。${COPIED}；请填错代码的单位更正后重新报送。`;
    if (owner)
      return `${own}与单位名称“${ownName}”不符：该代码在单位名单中属于“${owner.name}”（名单第 ${owner.row} 行）${others.length > 0 ? `；${alsoIn}` : ""}。${COPIED}；请核实并更正信用代码。`;
    return `${own}也填写在${listed(others, fileAndUnit)}中，而单位名称与本文件（“${ownName}”）不同：一个信用代码只属于一家单位。${COPIED}；请核实并更正信用代码。`;
  },
  /**
   * Files of the same name (`tied`: of names the roster lists as one unit) that state other codes:
   * kept apart, neither replaces the other.
   */
  sameNameOtherCode: (ownCode: string | null, others: readonly OtherFile[], tied: boolean) =>
    `${tied ? "单位名单列为同一单位" : "单位名称与本文件相同"}的${listed(others, fileAndCode)}，信用代码与本文件（${ownCode ?? "未填写"}）不同，无法确定是否同一单位：各自单独汇总，互不替代。如为同一单位重报，请核实信用代码，撤下不再有效的文件后重新汇总。`,
  /** Matched by name; the file states a code the roster gives no unit, the roster has another for it. */
  rosterCodeDiffers: (code: string, row: RosterRow, rosterCode: string) =>
    `单位名单中“${row.name}”（名单第 ${row.row} 行）的统一社会信用代码为 ${rosterCode}，本文件填写的是 ${code}，请核实哪一个正确。`,
  /**
   * One unit twice where a master's copy is involved (multi-level 汇总): `by` is the copy or file that
   * counts (described by fileRef), `sameBytes` when both are one file (the same SHA-256).
   */
  supersededCopy: (by: string, byDate: string | null, sameBytes: boolean) =>
    sameBytes
      ? `与${by}是同一个文件（SHA-256 相同），该单位只计一次，本份未重复计入汇总。`
      : `同一单位另有${by}${byDate ? `（填报日期 ${byDate}）` : ""}。按填报日期较晚者为准、同一天以直接报送的文件为准，本份未计入汇总。`,
  masterInput: () =>
    "这是汇总生成的总表，不是单位报送的文件，已跳过。如需把下级单位的总表连同其中各单位的数据一并汇总，请在命令行用 merge 的 --include-master 选项指定它。",
  temporaryMaster: () => "这是一次中断的汇总留下的临时文件，不是报送文件，已跳过，可以删除。",
} as const;

/** Rule ids of the file-level lines (not spec §4 rules: they name what happened to a file). */
export const MERGE_RULES = {
  superseded: "merge.superseded",
  otherType: "merge.other_type",
  lockFile: "file.lock_file",
  masterInput: "file.master_input",
  temporaryMaster: "file.temporary_master",
  /** A credit code given to a differently named unit, or one name with different codes (error). */
  identityConflict: "merge.identity_conflict",
  /** Matched to the roster by name while stating a code the roster gives no unit (warning). */
  rosterCodeDiffers: "merge.roster_code_differs",
  unreadable: (code: string) => `file.${code}`,
} as const;
