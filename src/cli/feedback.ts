/**
 * `merge … --feedback DIR [--settings FILE] [--deadline DATE]`: one workbook per merged unit, a
 * 退回意见 or a 回执 (src/core/feedback), written into DIR by the master's writer. What can be judged
 * before reading is judged first (settings, deadline, the folder), what depends on the merge (the
 * file names) right after it and before anything is written, so bad usage writes nothing. Existing
 * files are replaced only with --force; an input, the roster or the master never.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  candidatesOf,
  deadlineOf,
  feedbackOf,
  NO_FEEDBACK_SETTINGS,
  type FeedbackSettings,
  type UnitFeedback,
} from "../core/feedback";
import { feedbackCountsText } from "../core/feedback/words";
import type { MergeInput } from "../core/merge";
import type { MergeResult } from "../core/merge/model";
import { printableText } from "../core/text";
import { undoOnInterrupt } from "../node/interrupt";
import { makeFolder } from "../node/make-folder";
import { inputFolderHolding, planFeedbackFiles, writeFeedbackFiles, type FeedbackFile } from "../node/save-feedback";
import { readSettingsFile } from "../node/settings-file";
import { CliError, EXIT } from "./io";

export interface FeedbackOptions {
  feedback?: string;
  settings?: string;
  deadline?: string;
  force?: boolean;
}

/** The help lines of the three options. */
export const FEEDBACK_HELP = {
  feedback:
    "给每个汇总的单位写一份工作簿到这个文件夹：有错误或未说明提示的写“退回意见”（每个问题的位置、填写的内容、要求和核实说明的写法），通过的写“回执”（含文件的 SHA-256）；文件夹不存在时自动创建，已有同名文件时须加 --force 才覆盖",
  settings: "设置文件（JSON）：退回意见的截止日期、经办单位、联系人、联系电话、电子邮箱、补充说明（格式见 README）",
  deadline: "退回意见中重新报送的截止日期，如 2023-11-25（覆盖设置文件中的截止日期）",
} as const;

export interface FeedbackRequest {
  /** Absolute. */
  readonly folder: string;
  /** As the user wrote it, escaped for messages. */
  readonly shown: string;
  readonly settings: FeedbackSettings;
}

async function settingsOf(opts: FeedbackOptions, cwd: string): Promise<FeedbackSettings> {
  let settings = NO_FEEDBACK_SETTINGS;
  if (opts.settings !== undefined) {
    const read = await readSettingsFile(path.resolve(cwd, opts.settings), opts.settings);
    if (!read.ok) throw new CliError(read.reason, EXIT.usage);
    settings = read.feedback;
  }
  if (opts.deadline !== undefined) {
    const deadline = deadlineOf(opts.deadline);
    if (!deadline.ok) throw new CliError(`--deadline ${printableText(deadline.problem)}。`, EXIT.usage);
    settings = { ...settings, deadline: deadline.iso };
  }
  return settings;
}

/**
 * What `--feedback` asks for, checked before any file is read: its settings, and a folder that is
 * not a file and not inside a folder being merged (the next 汇总 would read its workbooks as
 * submissions). Undefined without --feedback.
 */
export async function feedbackRequest(
  opts: FeedbackOptions,
  inputs: readonly string[],
  cwd: string,
): Promise<FeedbackRequest | undefined> {
  if (opts.feedback === undefined) {
    if (opts.settings !== undefined || opts.deadline !== undefined)
      throw new CliError(
        "--settings 和 --deadline 用于退回意见：请同时用 --feedback 给出保存退回意见的文件夹。",
        EXIT.usage,
      );
    return undefined;
  }
  const folder = path.resolve(cwd, opts.feedback);
  const shown = printableText(opts.feedback);
  const stat = await fs.stat(folder).catch(() => undefined);
  if (stat && !stat.isDirectory())
    throw new CliError(`“${shown}”是一个文件：--feedback 须给出保存退回意见的文件夹。`, EXIT.usage);
  const holder = await inputFolderHolding(folder, inputs, cwd);
  if (holder !== undefined)
    throw new CliError(
      `退回意见文件夹“${shown}”在要汇总的文件夹“${printableText(holder)}”之内，下次汇总时其中的文件会被当作报送文件读取。请另选一个文件夹（例如与总表放在一起）。`,
      EXIT.usage,
    );
  return { folder, shown, settings: await settingsOf(opts, cwd) };
}

export interface PreparedFeedback {
  readonly request: FeedbackRequest;
  readonly files: readonly FeedbackFile[];
}

/** How many names a refusal lists before it says “等 N 个”. */
const NAMES_SHOWN = 3;

function namesText(names: readonly string[]): string {
  const shown = names
    .slice(0, NAMES_SHOWN)
    .map((n) => `“${printableText(n)}”`)
    .join("、");
  return names.length > NAMES_SHOWN ? `${shown}等 ${names.length} 个文件` : shown;
}

/**
 * Each unit's feedback and where it goes, once the merge is done and before anything is written: a
 * usage error when a name is an input, the roster or the master (`kept`, absolute), or already exists
 * without --force.
 */
export async function prepareFeedback(
  request: FeedbackRequest,
  result: MergeResult,
  inputs: readonly MergeInput[],
  kept: readonly string[],
  force: boolean,
): Promise<PreparedFeedback> {
  const feedback = feedbackOf(result, candidatesOf(inputs));
  const plan = await planFeedbackFiles(request.folder, feedback, kept);
  if (plan.forbidden.length > 0)
    throw new CliError(
      `退回意见文件夹“${request.shown}”中的${namesText(plan.forbidden)}是输入文件、名单或总表，不能覆盖。请另选一个文件夹。`,
      EXIT.usage,
    );
  if (plan.existing.length > 0 && !force)
    throw new CliError(
      `退回意见文件夹“${request.shown}”中已有${namesText(plan.existing)}，未覆盖（总表也未写出）。如需覆盖请加 --force，或另选一个文件夹。`,
      EXIT.usage,
    );
  return { request, files: plan.files };
}

/** Makes the folder when missing and writes every unit's workbook; returns the line to print. */
export async function writeFeedback(
  prepared: PreparedFeedback,
  render: (feedback: UnitFeedback, settings: FeedbackSettings) => Promise<Uint8Array>,
): Promise<{ readonly line: string; readonly returns: number; readonly receipts: number }> {
  const { request, files } = prepared;
  let removeFolder: () => void;
  try {
    removeFolder = makeFolder(request.folder);
  } catch {
    throw new CliError(`总表已写入，但无法创建退回意见文件夹“${request.shown}”，请换一个位置后重试。`, EXIT.usage);
  }
  const release = undoOnInterrupt(removeFolder, "已中断：总表已写入；本次写出的退回意见已删除，已有的文件未改动。");
  try {
    await writeFeedbackFiles(files, (f) => render(f, request.settings));
  } catch (e) {
    removeFolder();
    const why = (e as { code?: string } | null)?.code;
    const reason =
      why === "EACCES" || why === "EPERM" ? "没有写入权限" : why === "ENOSPC" ? "磁盘空间不足" : "写入失败";
    throw new CliError(
      `总表已写入，但退回意见未能写入“${request.shown}”（${reason}）。请换一个位置后重试。`,
      EXIT.usage,
    );
  } finally {
    release();
  }
  const returns = files.filter((f) => f.feedback.kind === "return").length;
  const receipts = files.length - returns;
  return { line: `${feedbackCountsText(returns, receipts)}已写入文件夹：${request.shown}。`, returns, receipts };
}
