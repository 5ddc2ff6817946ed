/**
 * `merge INPUT... -o MASTER.xlsx [--roster FILE] [--type 阶段性总结|年度总结] [--force] [--json]`
 * (spec §5–6): read every report under the inputs, merge them in the pure core, write the master
 * workbook through a temporary file, and print a closing summary. Inputs are only ever read.
 * Exit codes as `check`: 0 all merged units pass or wait for 说明, 1 a unit has errors or a file could
 * not be read (the master is still written), 2 bad usage (nothing written).
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Command } from "commander";
import { SingleBar } from "cli-progress";
import { REPORT_TYPES, type ReportType } from "../../core/definition";
import { mergeSubmissions, type MergeInput } from "../../core/merge";
import { mergeSummaryLines } from "../../core/words";
import type { MergeResult, MergeSummary } from "../../core/merge/model";
import { masterDate } from "../../core/master/describe";
import { printableText } from "../../core/text";
import { identityOf, sameFile, type FileIdentity } from "../../node/file-identity";
import { expandInputs, type OutsideLink, type ReadableEntry } from "../../node/inputs";
import { undoOnInterrupt } from "../../node/interrupt";
import { makeFolder } from "../../node/make-folder";
import { intakeEntries, isMasterWorkbook } from "../../node/merge-read";
import { readRosterFile } from "../../node/roster";
import {
  conversionOf,
  convertedLines,
  convertTimeoutOption,
  noSofficeOption,
  sofficeOption,
  type ConversionFlags,
} from "../conversion-options";
import { FEEDBACK_HELP, feedbackRequest, prepareFeedback, writeFeedback, type FeedbackOptions } from "../feedback";
import { LINKS_HELP, outsideLinkLine } from "../input-notices";
import { CliError, EXIT, type CliIO } from "../io";

interface MergeOptions extends FeedbackOptions, ConversionFlags {
  output: string;
  roster?: string;
  type?: string;
  force?: boolean;
  json?: boolean;
}

/** A progress bar only when the work has taken over a second and stderr is a terminal. */
const PROGRESS_AFTER_MS = 1000;

function progress(io: CliIO, total: number) {
  const started = Date.now();
  let bar: SingleBar | null = null;
  let release: () => void = () => undefined;
  return {
    tick(done: number) {
      if (!bar && io.isTTY && Date.now() - started > PROGRESS_AFTER_MS) {
        const shown = new SingleBar({
          stream: process.stderr,
          format: "汇总中 [{bar}] {value}/{total} 个文件",
          hideCursor: true,
          clearOnComplete: true,
        });
        bar = shown;
        shown.start(total, done);
        // Stopped on Ctrl+C too: the bar hides the terminal's cursor until it is stopped.
        release = undoOnInterrupt(() => shown.stop());
      } else bar?.update(done);
    },
    stop: () => {
      bar?.stop();
      release();
    },
  };
}

function summaryLines(s: MergeSummary, output: string): string[] {
  return [...mergeSummaryLines(s), `总表已写入：${printableText(output)}（详见“问题清单”“未报送单位”工作表）。`];
}

/** One line per file or unit to look at; names and messages come from the files, so they are shown escaped. */
function detailLines(r: MergeResult): string[] {
  const lines: string[] = [];
  for (const u of r.unreadable) lines.push(`  无法读取：${u.source.path}：${u.message}`);
  for (const p of r.problems) if (p.kind === "master_input") lines.push(`  未汇总：${p.file}：${p.message}`);
  for (const p of r.problems)
    if (p.kind === "identity_conflict" && p.severity === "error") lines.push(`  单位身份冲突：${p.file}：${p.message}`);
  for (const u of r.roster?.unmatched ?? [])
    lines.push(`  不在名单中：${u.unit || u.file}${u.suggestion ? `（名单中最接近的是“${u.suggestion.name}”）` : ""}`);
  return lines.map(printableText);
}

function parseType(type: string | undefined): ReportType | undefined {
  if (type === undefined) return undefined;
  const t = type.trim();
  if ((REPORT_TYPES as readonly string[]).includes(t)) return t as ReportType;
  throw new CliError(`--type 只能是 ${REPORT_TYPES.join(" 或 ")}，而不是“${type}”。`, EXIT.usage);
}

interface OutputTarget {
  /** Absolute. */
  readonly path: string;
  /** As the user wrote it, escaped for messages. */
  readonly shown: string;
  readonly exists: boolean;
  readonly identity: FileIdentity;
}

/**
 * The output as the options name it, once it is known that it may be written: an .xlsx name, not a
 * folder, not an existing file without --force, never the roster (compared by identity).
 */
async function outputTarget(opts: MergeOptions, cwd: string): Promise<OutputTarget> {
  const output = path.resolve(cwd, opts.output);
  const shown = printableText(opts.output);
  if (path.extname(output).toLowerCase() !== ".xlsx")
    throw new CliError(`总表文件须以 .xlsx 结尾：“${shown}”。`, EXIT.usage);
  const existing = await fs.stat(output).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`“${shown}”是一个文件夹，请给出总表的文件名。`, EXIT.usage);
  if (existing && !opts.force)
    throw new CliError(`总表文件“${shown}”已存在，未覆盖。如需覆盖请加 --force。`, EXIT.usage);
  const identity = await identityOf(output);
  if (opts.roster !== undefined && sameFile(identity, await identityOf(path.resolve(cwd, opts.roster))))
    throw new CliError(
      `总表文件“${shown}”就是名单文件“${printableText(opts.roster)}”，不能覆盖它。请另选一个总表文件名。`,
      EXIT.usage,
    );
  return { path: output, shown, exists: existing !== undefined, identity };
}

/**
 * Every input file but the output itself, compared by identity (device and inode, real path), not
 * by how the paths are spelled: a master left in an input folder by an earlier run is not read
 * again; an output that is one of the submissions is refused, so inputs are never overwritten. A
 * link leading outside the folders given is not read: `skipped` is told of it.
 */
async function collectEntries(
  inputs: readonly string[],
  cwd: string,
  output: OutputTarget,
  skipped: (entry: OutsideLink) => void,
): Promise<ReadableEntry[]> {
  const entries: ReadableEntry[] = [];
  for await (const e of expandInputs(inputs, cwd)) {
    if (e.kind === "outside_link") skipped(e);
    // An output not made yet cannot be any input: only an existing one is compared.
    else if (e.kind !== "file" || !output.exists || !sameFile(output.identity, await identityOf(e.path)))
      entries.push(e);
    else if (!(await isMasterWorkbook(e.path)))
      throw new CliError(
        `总表文件“${output.shown}”是要汇总的输入文件之一（“${printableText(e.display)}”），不能覆盖它。请另选一个总表文件名。`,
        EXIT.usage,
      );
  }
  return entries;
}

/**
 * `-o 新文件夹/汇总.xlsx` works as people expect: the folder is made, nothing else is touched. Returns
 * how to remove what was made (the new folders, innermost first, only while empty), for a run that
 * ends without a master.
 */
function makeOutputFolder(output: string, shown: string): () => void {
  // Synchronous, so the caller registers the undo before a signal can be handled in between.
  try {
    return makeFolder(path.dirname(output));
  } catch {
    throw new CliError(`无法创建保存总表的文件夹“${printableText(path.dirname(shown))}”，请换一个位置。`, EXIT.usage);
  }
}

export function registerMerge(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("merge")
    .description("把各单位报送的文件汇总成一个总表（汇总表、活动明细、宣传报道、佐证材料、问题清单、未报送单位、统计）")
    .argument("<输入...>", `报送的 .xlsx 文件或文件夹（文件夹会逐层读取），可以有多个；${LINKS_HELP}`)
    .requiredOption("-o, --output <文件>", "要写出的总表 .xlsx 文件")
    .option("--roster <文件>", "单位名单（.xlsx 或 .csv，UTF-8 或 GBK 编码），用于列出未报送单位")
    .option("--type <类型>", `只汇总这一类报告：${REPORT_TYPES.join(" 或 ")}（默认取文件最多的一类）`)
    .option(
      "--force",
      "总表文件已存在时覆盖它。输入文件和名单永远不会被覆盖：无论经由链接、./ 和 ../ 还是大小写不同的写法指向它们，都会拒绝",
    )
    .option("--json", "以 JSON 在标准输出打印汇总结果（供脚本使用）")
    .option("--feedback <文件夹>", FEEDBACK_HELP.feedback)
    .option("--settings <文件>", FEEDBACK_HELP.settings)
    .option("--deadline <日期>", FEEDBACK_HELP.deadline)
    .addOption(sofficeOption())
    .addOption(noSofficeOption())
    .addOption(convertTimeoutOption())
    .action(async (inputs: string[], opts: MergeOptions) => {
      const reportType = parseType(opts.type);
      const conversion = conversionOf(opts, io);
      const target = await outputTarget(opts, io.cwd);
      const { path: output, shown } = target;
      const roster =
        opts.roster === undefined ? undefined : await readRosterFile(path.resolve(io.cwd, opts.roster), opts.roster);
      if (roster && !roster.ok) throw new CliError(printableText(roster.reason), EXIT.usage);
      const feedback = await feedbackRequest(opts, inputs, io.cwd);

      const removeMadeFolder = makeOutputFolder(output, opts.output);
      const release = undoOnInterrupt(removeMadeFolder, "已中断：总表未写出，也没有留下临时文件；已有的文件都未改动。");
      let written = false;
      try {
        const skipped = (entry: OutsideLink) => io.stderr(outsideLinkLine(entry, "汇总"));
        const entries = await collectEntries(inputs, io.cwd, target, skipped);
        const bar = progress(io, entries.length);
        const read: MergeInput[] = [];
        try {
          for await (const input of intakeEntries(entries, { conversion })) {
            read.push(input);
            bar.tick(read.length);
          }
        } finally {
          bar.stop();
        }

        const result = mergeSubmissions(read, {
          ...(reportType ? { reportType } : {}),
          ...(roster?.ok ? { roster: { file: roster.file, units: roster.units } } : {}),
        });
        const kept = [
          ...entries.map((e) => e.path),
          output,
          ...(opts.roster ? [path.resolve(io.cwd, opts.roster)] : []),
        ];
        const feedbackFiles = feedback && (await prepareFeedback(feedback, result, read, kept, opts.force ?? false));
        // Loaded here: the master's writer (exceljs) is ~20 MB that `check` never needs.
        const { saveMaster } = await import("../../node/save-master");
        await saveMaster(result, output).catch((e: unknown) => {
          const why = (e as { code?: string } | null)?.code;
          const reason =
            why === "EACCES" || why === "EPERM" ? "没有写入权限" : why === "ENOSPC" ? "磁盘空间不足" : "写入失败";
          throw new CliError(`总表未能写入“${shown}”（${reason}），报送文件未受影响。请换一个位置后重试。`, EXIT.usage);
        });
        written = true;
        release();
        let feedbackDone: Awaited<ReturnType<typeof writeFeedback>> | undefined;
        if (feedbackFiles) {
          const { feedbackBytes } = await import("../../xlsx/feedback");
          const date = masterDate(result);
          feedbackDone = await writeFeedback(feedbackFiles, (f, settings) => feedbackBytes(f, settings, date));
        }
        const feedbackJson = feedbackDone && {
          feedback: { folder: opts.feedback, returns: feedbackDone.returns, receipts: feedbackDone.receipts },
        };
        if (opts.json)
          io.stdout(JSON.stringify({ ...result.summary, output: opts.output, ...feedbackJson }, null, 2) + "\n");
        else
          io.stdout(
            [
              ...summaryLines(result.summary, opts.output),
              ...convertedLines(read),
              ...(feedbackDone ? [feedbackDone.line] : []),
              ...detailLines(result),
            ].join("\n") + "\n",
          );
        setExit(result.summary.unitsWithErrors > 0 || result.summary.unreadable > 0 ? EXIT.findings : EXIT.ok);
      } finally {
        release();
        if (!written) removeMadeFolder();
      }
    });
}
