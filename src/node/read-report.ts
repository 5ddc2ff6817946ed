/**
 * A submitted file, end to end: one pass of guard and reader (src/read) → grid → locate → judge. Every
 * failure becomes a result with a code and a Chinese message; nothing here throws, so one bad file never
 * stops a batch.
 */
import { statSync, type Stats } from "fs";
import * as path from "path";
import { guardLimits, refusalMessage, type GuardLimits, type RefusalCode } from "../core/guard";
import { judgeLocated } from "../core/check-grid";
import type { JudgeOptions } from "../core/judge";
import { locateReport, reportReadsCellsOf } from "../core/locate";
import type { CheckStatus, Finding, RawReport } from "../core/model";
import { readWorkbookFile } from "./file-guard";

/** Why a file could not be read: the guard's codes, plus a path that is not a file at all or may not be read. */
export type UnreadableCode = RefusalCode | "not_found" | "no_access";

export type ReadOutcome =
  | {
      readonly ok: true;
      readonly name: string;
      readonly raw: RawReport;
      /** The year the template was made for, when its 模板信息 says so. */
      readonly templateYear?: number;
      readonly sha256: string;
      readonly macroEnabled: boolean;
    }
  | { readonly ok: false; readonly name: string; readonly code: UnreadableCode; readonly message: string };

function messageOf(code: UnreadableCode, name: string, detail?: string): string {
  if (code === "not_found") return `找不到文件“${name}”${detail ? `（${detail}）` : ""}，请检查路径。`;
  if (code === "no_access")
    return `没有读取“${name}”的权限，无法打开。请检查文件权限，或把文件复制到自己有权限的文件夹后重试。`;
  return refusalMessage(code, name, detail);
}

/** Opening failed for lack of permission (not damage: the file was never read). */
function isAccessError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "EACCES" || code === "EPERM";
}

function unreadable(name: string, code: UnreadableCode, detail?: string): ReadOutcome {
  return { ok: false, name, code, message: messageOf(code, name, detail) };
}

/** The outcome of a file that could not be read for `code` (a batch uses it when a worker dies on a file). */
export const refusalFor = unreadable;

/** The path's stat, or undefined when there is none to have (synchronous: see readSubmittedBytes). */
function statOrUndefined(filePath: string): Stats | undefined {
  try {
    return statSync(filePath);
  } catch {
    return undefined;
  }
}

/** Reads one file as far as the RawReport (what `check` and `merge` both start from). Never throws. */
export async function readReportFile(filePath: string, limits?: Partial<GuardLimits>): Promise<ReadOutcome> {
  const name = path.basename(filePath);
  try {
    const stat = statOrUndefined(filePath);
    if (!stat) return unreadable(name, "not_found");
    if (stat.isDirectory()) return unreadable(name, "not_found", "这是一个文件夹，不是文件");
    if (!stat.isFile()) return unreadable(name, "not_spreadsheet", "这不是普通文件，而是设备、管道之类的特殊文件");
    const read = await readWorkbookFile(filePath, limits, { cellsOf: reportReadsCellsOf }).catch((e: unknown) => {
      if (isAccessError(e)) return undefined;
      throw e;
    });
    if (!read) return unreadable(name, "no_access");
    if (!read.ok) return { ok: false, name, code: read.code, message: read.message };
    const { grid } = read;
    if (grid.sheets.length === 0) return unreadable(name, "not_template", "文件中没有工作表");
    const located = locateReport(grid, guardLimits(limits));
    if (!located.ok) return unreadable(name, located.code, located.detail);
    return {
      ok: true,
      name,
      raw: located.report,
      ...(located.templateYear !== undefined ? { templateYear: located.templateYear } : {}),
      sha256: read.sha256,
      macroEnabled: read.macroEnabled,
    };
  } catch {
    return unreadable(name, "corrupt", "读取时发生意外错误");
  }
}

/** One finding as spec §6 prints it (optional keys only when present, in the documented order). */
export interface FindingJson {
  rule: string;
  severity: "error" | "warning";
  field: string;
  table?: string;
  row?: number;
  sheet: string;
  cell: string;
  /** The workbook has no such sheet: `sheet` is the template's name for it. */
  sheetMissing?: true;
  message: string;
  explanation?: string;
}

/** The per-file object of `check --json` (spec §6). */
export interface CheckResult {
  file: string;
  unit: string | null;
  status: CheckStatus;
  findings: FindingJson[];
  code?: UnreadableCode;
  message?: string;
}

export function findingToJson(f: Finding): FindingJson {
  return {
    rule: f.rule,
    severity: f.severity,
    field: f.field,
    ...(f.table !== undefined ? { table: f.table } : {}),
    ...(f.row !== undefined ? { row: f.row } : {}),
    sheet: f.sheet,
    cell: f.cell,
    ...(f.sheetMissing ? { sheetMissing: true as const } : {}),
    message: f.message,
    ...(f.explanation !== undefined ? { explanation: f.explanation } : {}),
  };
}

export interface CheckOptions extends JudgeOptions {
  /** How the file is named in the result (default: the path as given). */
  readonly displayName?: string;
}

/** `check` of one file: the spec §6 object. Never throws. */
export async function checkFile(filePath: string, options: CheckOptions = {}): Promise<CheckResult> {
  const file = options.displayName ?? filePath;
  const read = await readReportFile(filePath);
  if (!read.ok) return { file, unit: null, status: "unreadable", findings: [], code: read.code, message: read.message };
  try {
    const { judgement, unit } = judgeLocated(read.raw, read.templateYear, options);
    return { file, unit, status: judgement.status, findings: judgement.findings.map(findingToJson) };
  } catch {
    return {
      file,
      unit: null,
      status: "unreadable",
      findings: [],
      code: "corrupt",
      message: messageOf("corrupt", read.name, "校验时发生意外错误"),
    };
  }
}
