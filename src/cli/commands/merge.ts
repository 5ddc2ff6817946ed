/**
 * `merge INPUT... -o MASTER.xlsx [--roster FILE] [--type 阶段性总结|年度总结] [--include-master FILE]...
 * [--previous FILE] [--reminders FILE.csv [--encoding gb18030|utf-8]] [--scope 范围] [--force] [--json]`
 * (spec §5–6): read every report under the inputs (and the units of each lower level's master named),
 * merge them in the pure core, write the master workbook through a temporary file (and the 催报 list
 * beside it), and print a closing summary with the bureau's summary paragraph. Inputs are only ever read.
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
import type { IncludedMaster, MergeResult, MergeSummary } from "../../core/merge/model";
import { masterDate } from "../../core/master/describe";
import { changedFiguresText } from "../../core/master/previous";
import { CHANGE_FACTOR } from "../../core/merge/previous";
import { printableText } from "../../core/text";
import { identityOf, sameFile, type FileIdentity } from "../../node/file-identity";
import { expandInputs, type OutsideLink, type ReadableEntry } from "../../node/inputs";
import { undoOnInterrupt } from "../../node/interrupt";
import { makeFolder } from "../../node/make-folder";
import { intakeEntries, isMasterWorkbook } from "../../node/merge-read";
import { readLowerMaster, readPreviousMaster } from "../../node/master-file";
import { readRosterFile } from "../../node/roster";
import { MAX_SCOPE_CHARS, PARAGRAPH_INTRO, scopeText, summaryParagraph } from "../../core/bureau-summary";
import type { CsvOutputEncoding } from "../../core/csv";
import { remindersSummary } from "../../core/reminders";
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
import { parseEncoding, remindersTarget, writeReminders } from "../reminders-file";
import { writeFailureReason } from "../write-failure";

interface MergeOptions extends FeedbackOptions, ConversionFlags {
  output: string;
  roster?: string;
  type?: string;
  includeMaster: string[];
  previous?: string;
  force?: boolean;
  json?: boolean;
  reminders?: string;
  encoding?: string;
  scope?: string;
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

function remindersLine(result: MergeResult, file: string, encoding: CsvOutputEncoding): string {
  return `催报名单已写入：${printableText(file)}（${encoding === "gb18030" ? "GB18030" : "UTF-8"} 编码；${remindersSummary(result)}）。`;
}

function summaryLines(s: MergeSummary, output: string): string[] {
  return [...mergeSummaryLines(s), `总表已写入：${printableText(output)}（详见“问题清单”“未报送单位”工作表）。`];
}

/** One line per file or unit to look at; names and messages come from the files, so they are shown escaped. */
function detailLines(r: MergeResult): string[] {
  const lines: string[] = [];
  for (const u of r.unreadable) lines.push(`  无法读取：${u.source.path}：${u.message}`);
  for (const p of r.problems) if (p.kind === "master_input") lines.push(`  未汇总：${p.file}：${p.message}`);
  lines.push(...previousLines(r));
  for (const p of r.problems)
    if (p.kind === "identity_conflict" && p.severity === "error") lines.push(`  单位身份冲突：${p.file}：${p.message}`);
  for (const u of r.roster?.unmatched ?? [])
    lines.push(`  不在名单中：${u.unit || u.file}${u.suggestion ? `（名单中最接近的是“${u.suggestion.name}”）` : ""}`);
  return lines.map(printableText);
}

function parseScope(scope: string | undefined): string | undefined {
  if (scope === undefined) return undefined;
  const text = scopeText(scope);
  if (text === null)
    throw new CliError(
      `--scope 须为不超过 ${MAX_SCOPE_CHARS} 个字的一行文字（如“全市”“和平区”），而不是“${printableText(scope)}”。`,
      EXIT.usage,
    );
  return text;
}

/** The 催报 file's target, checked before anything is read; undefined without --reminders. */
async function remindersOf(opts: MergeOptions, cwd: string, master: OutputTarget) {
  const encoding = parseEncoding(opts.encoding);
  if (opts.reminders === undefined) {
    if (opts.encoding !== undefined) throw new CliError("--encoding 只用于 --reminders 写出的催报名单。", EXIT.usage);
    return undefined;
  }
  const others = [{ identity: master.identity, what: "总表文件" }];
  if (opts.roster !== undefined)
    others.push({ identity: await identityOf(path.resolve(cwd, opts.roster)), what: "名单文件" });
  return remindersTarget(opts.reminders, encoding, cwd, opts.force === true, others);
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
  const named: [string | undefined, string][] = [
    [opts.roster, "名单文件"],
    ...opts.includeMaster.map((m): [string, string] => [m, "下级总表"]),
    [opts.previous, "上次的总表"],
  ];
  for (const [file, what] of named)
    if (file !== undefined && sameFile(identity, await identityOf(path.resolve(cwd, file))))
      throw new CliError(
        `总表文件“${shown}”就是${what}“${printableText(file)}”，不能覆盖它。请另选一个总表文件名。`,
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
  included: readonly FileIdentity[],
  reminders?: FileIdentity,
): Promise<ReadableEntry[]> {
  const entries: ReadableEntry[] = [];
  for await (const e of expandInputs(inputs, cwd)) {
    if (e.kind === "outside_link") skipped(e);
    // A master named with --include-master is taken in as one, not skipped as a stray master too.
    else if (e.kind === "file" && included.length > 0 && (await isOneOf(e.path, included))) continue;
    // The 催报 list an earlier run left in an input folder is this run's output, not a submission.
    else if (reminders?.node && e.kind === "file" && sameFile(reminders, await identityOf(e.path))) continue;
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

async function isOneOf(file: string, identities: readonly FileIdentity[]): Promise<boolean> {
  const own = await identityOf(file);
  return identities.some((i) => sameFile(i, own));
}

/**
 * The masters named with --include-master, each read whole (a usage error when one cannot be: the
 * city's totals must not silently lack a district), each named once.
 */
async function lowerMasters(
  opts: MergeOptions,
  cwd: string,
): Promise<{ masters: IncludedMaster[]; identities: FileIdentity[] }> {
  const masters: IncludedMaster[] = [];
  const identities: FileIdentity[] = [];
  for (const given of opts.includeMaster) {
    const file = path.resolve(cwd, given);
    const identity = await identityOf(file);
    const twice = opts.includeMaster[identities.findIndex((i) => sameFile(i, identity))];
    if (twice !== undefined)
      throw new CliError(
        `--include-master 两次指定了同一个总表（“${printableText(twice)}”和“${printableText(given)}”），请只指定一次。`,
        EXIT.usage,
      );
    const read = await readLowerMaster(file, given);
    if (!read.ok) throw new CliError(printableText(read.reason), EXIT.usage);
    masters.push(read.master);
    identities.push(identity);
  }
  return { masters, identities };
}

/** 与上年核对 in a few lines: each unit whose figures changed beyond the factor, with both figures. */
function previousLines(r: MergeResult): string[] {
  return (r.previous?.lines ?? []).flatMap((l) =>
    l.changed.length > 0 ? [`  与上次相比变化超过 ${CHANGE_FACTOR} 倍：${l.unit}（${changedFiguresText(l)}）`] : [],
  );
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
      "--include-master <文件>",
      "把下级单位（如各区局）用本程序生成的总表连同其中各单位的数据一并汇总，可重复指定；同一单位直接报送或在多个总表中出现时只计一次",
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option("--previous <文件>", "上次（上年或上一轮）的总表：增加“与上年核对”工作表，逐单位对照人次和次数")
    .option(
      "--force",
      "总表文件已存在时覆盖它。输入文件和名单永远不会被覆盖：无论经由链接、./ 和 ../ 还是大小写不同的写法指向它们，都会拒绝",
    )
    .option("--json", "以 JSON 在标准输出打印汇总结果（供脚本使用）")
    .option(
      "--reminders <文件>",
      "另写出催报名单（.csv）：名单中未报送的单位及其联系人、联系电话、电子邮箱，以及无法读取或报告类型不符的文件",
    )
    .option("--encoding <编码>", "催报名单的编码：gb18030（默认，Windows 上的 Excel 和 WPS 直接打开）或 utf-8")
    .option("--scope <范围>", "总结段落的范围，如“全市”“和平区”（默认：各单位同属一个区时为该区，否则为全市）")
    .option("--feedback <文件夹>", FEEDBACK_HELP.feedback)
    .option("--settings <文件>", FEEDBACK_HELP.settings)
    .option("--deadline <日期>", FEEDBACK_HELP.deadline)
    .addOption(sofficeOption())
    .addOption(noSofficeOption())
    .addOption(convertTimeoutOption())
    .action(async (inputs: string[], opts: MergeOptions) => {
      const reportType = parseType(opts.type);
      const scope = parseScope(opts.scope);
      const conversion = conversionOf(opts, io);
      const target = await outputTarget(opts, io.cwd);
      const { path: output, shown } = target;
      const reminders = await remindersOf(opts, io.cwd, target);
      const roster =
        opts.roster === undefined ? undefined : await readRosterFile(path.resolve(io.cwd, opts.roster), opts.roster);
      if (roster && !roster.ok) throw new CliError(printableText(roster.reason), EXIT.usage);
      const feedback = await feedbackRequest(opts, inputs, io.cwd);
      const lower = await lowerMasters(opts, io.cwd);
      const previous =
        opts.previous === undefined
          ? undefined
          : await readPreviousMaster(path.resolve(io.cwd, opts.previous), opts.previous);
      if (previous && !previous.ok) throw new CliError(printableText(previous.reason), EXIT.usage);

      const removeMadeFolder = makeOutputFolder(output, opts.output);
      const release = undoOnInterrupt(removeMadeFolder, "已中断：总表未写出，也没有留下临时文件；已有的文件都未改动。");
      let written = false;
      try {
        const skipped = (entry: OutsideLink) => io.stderr(outsideLinkLine(entry, "汇总"));
        const entries = await collectEntries(inputs, io.cwd, target, skipped, lower.identities, reminders?.identity);
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
          ...(lower.masters.length > 0 ? { masters: lower.masters } : {}),
          ...(previous?.ok ? { previous: previous.master } : {}),
        });
        const kept = [
          ...entries.map((e) => e.path),
          output,
          ...(opts.roster ? [path.resolve(io.cwd, opts.roster)] : []),
        ];
        const feedbackFiles = feedback && (await prepareFeedback(feedback, result, read, kept, opts.force ?? false));
        // Loaded here: the master's writer (exceljs) is ~20 MB that `check` never needs.
        const { saveMaster } = await import("../../node/save-master");
        await saveMaster(result, output, scope ? { scope } : {}).catch((e: unknown) => {
          throw new CliError(
            `总表未能写入“${shown}”（${writeFailureReason(e)}），报送文件未受影响。请换一个位置后重试。`,
            EXIT.usage,
          );
        });
        written = true;
        release();
        if (reminders) await writeReminders(result, reminders);
        const paragraph = summaryParagraph(result, scope ? { scope } : {});
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
          io.stdout(
            JSON.stringify(
              {
                ...result.summary,
                output: opts.output,
                ...(reminders ? { reminders: opts.reminders, remindersEncoding: reminders.encoding } : {}),
                ...feedbackJson,
                paragraph,
              },
              null,
              2,
            ) + "\n",
          );
        else
          io.stdout(
            [
              ...summaryLines(result.summary, opts.output),
              ...(reminders ? [remindersLine(result, opts.reminders!, reminders.encoding)] : []),
              ...convertedLines(read),
              ...(feedbackDone ? [feedbackDone.line] : []),
              ...detailLines(result),
              "",
              PARAGRAPH_INTRO,
              printableText(paragraph),
            ].join("\n") + "\n",
          );
        setExit(result.summary.unitsWithErrors > 0 || result.summary.unreadable > 0 ? EXIT.findings : EXIT.ok);
      } finally {
        release();
        if (!written) removeMadeFolder();
      }
    });
}
