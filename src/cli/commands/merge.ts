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
import type { MergeResult, MergeSummary } from "../../core/merge/model";
import { expandInputs, type InputEntry } from "../../node/inputs";
import { isMasterWorkbook, readMergeInputs } from "../../node/merge-read";
import { readRosterFile } from "../../node/roster";
import { CliError, EXIT, type CliIO } from "../io";

interface MergeOptions {
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
  return {
    tick(done: number) {
      if (!bar && io.isTTY && Date.now() - started > PROGRESS_AFTER_MS) {
        bar = new SingleBar({
          stream: process.stderr,
          format: "汇总中 [{bar}] {value}/{total} 个文件",
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(total, done);
      } else bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}

function summaryLines(s: MergeSummary, output: string): string[] {
  const typeNote =
    s.reportType === null
      ? "未能确定报告类型"
      : `报告类型：${s.reportType}（${s.reportTypeFrom === "given" ? "按 --type 指定" : "按多数文件确定"}）`;
  const lines = [
    `共读取 ${s.filesRead} 个文件，汇总 ${s.unitsMerged} 个单位，${typeNote}。`,
    `有错误的单位 ${s.unitsWithErrors} 个；无法读取的文件 ${s.unreadable} 个；被替代的文件 ${s.superseded} 个；其他报告类型未汇总 ${s.skipped} 个；跳过的锁定文件或总表 ${s.ignored} 个。`,
  ];
  if (s.identityConflicts > 0)
    lines.push(`单位身份冲突的文件 ${s.identityConflicts} 个：各自单独汇总，互不替代，请核实其信用代码。`);
  if (s.missingFromRoster !== null)
    lines.push(`名单中未报送的单位 ${s.missingFromRoster} 个；不在名单中的报送单位 ${s.notOnRoster} 个。`);
  lines.push(`总表已写入：${output}（详见“问题清单”“未报送单位”工作表）。`);
  return lines;
}

function detailLines(r: MergeResult): string[] {
  const lines: string[] = [];
  for (const u of r.unreadable) lines.push(`  无法读取：${u.source.path}：${u.message}`);
  for (const p of r.problems) if (p.kind === "master_input") lines.push(`  未汇总：${p.file}：${p.message}`);
  for (const p of r.problems)
    if (p.kind === "identity_conflict" && p.severity === "error") lines.push(`  单位身份冲突：${p.file}：${p.message}`);
  for (const u of r.roster?.unmatched ?? [])
    lines.push(`  不在名单中：${u.unit || u.file}${u.suggestion ? `（名单中最接近的是“${u.suggestion.name}”）` : ""}`);
  return lines;
}

function parseType(type: string | undefined): ReportType | undefined {
  if (type === undefined) return undefined;
  const t = type.trim();
  if ((REPORT_TYPES as readonly string[]).includes(t)) return t as ReportType;
  throw new CliError(`--type 只能是 ${REPORT_TYPES.join(" 或 ")}，而不是“${type}”。`, EXIT.usage);
}

/**
 * Every input file but the output itself: a master left in an input folder by an earlier run is not
 * read again. An output that is one of the submissions is refused: inputs are never overwritten.
 */
async function collectEntries(
  inputs: readonly string[],
  cwd: string,
  output: string,
  display: string,
): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for await (const e of expandInputs(inputs, cwd)) {
    if (path.resolve(e.path) !== output) entries.push(e);
    else if (!(await isMasterWorkbook(output)))
      throw new CliError(`总表文件“${display}”是要汇总的输入文件之一，不能覆盖它。请另选一个总表文件名。`, EXIT.usage);
  }
  return entries;
}

export function registerMerge(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("merge")
    .description("把各单位报送的文件汇总成一个总表（汇总表、活动明细、宣传报道、佐证材料、问题清单、未报送单位、统计）")
    .argument("<输入...>", "报送的 .xlsx 文件或文件夹（文件夹会逐层读取），可以有多个")
    .requiredOption("-o, --output <文件>", "要写出的总表 .xlsx 文件")
    .option("--roster <文件>", "单位名单（.xlsx 或 .csv，UTF-8 或 GBK 编码），用于列出未报送单位")
    .option("--type <类型>", `只汇总这一类报告：${REPORT_TYPES.join(" 或 ")}（默认取文件最多的一类）`)
    .option("--force", "总表文件已存在时覆盖它")
    .option("--json", "以 JSON 在标准输出打印汇总结果（供脚本使用）")
    .action(async (inputs: string[], opts: MergeOptions) => {
      const reportType = parseType(opts.type);
      const output = path.resolve(io.cwd, opts.output);
      if (path.extname(output).toLowerCase() !== ".xlsx")
        throw new CliError(`总表文件须以 .xlsx 结尾：“${opts.output}”。`, EXIT.usage);
      const existing = await fs.stat(output).catch(() => undefined);
      if (existing?.isDirectory()) throw new CliError(`“${opts.output}”是一个文件夹，请给出总表的文件名。`, EXIT.usage);
      if (existing && !opts.force)
        throw new CliError(`总表文件“${opts.output}”已存在，未覆盖。如需覆盖请加 --force。`, EXIT.usage);
      const roster =
        opts.roster === undefined ? undefined : await readRosterFile(path.resolve(io.cwd, opts.roster), opts.roster);
      if (roster && !roster.ok) throw new CliError(roster.reason, EXIT.usage);
      // `-o 新文件夹/汇总.xlsx` works as people expect: the folder is made, nothing else is touched.
      await fs.mkdir(path.dirname(output), { recursive: true }).catch(() => {
        throw new CliError(`无法创建保存总表的文件夹“${path.dirname(opts.output)}”，请换一个位置。`, EXIT.usage);
      });

      const entries = await collectEntries(inputs, io.cwd, output, opts.output);
      const bar = progress(io, entries.length);
      const read: MergeInput[] = [];
      for await (const input of readMergeInputs(entries)) {
        read.push(input);
        bar.tick(read.length);
      }
      bar.stop();

      const result = mergeSubmissions(read, {
        ...(reportType ? { reportType } : {}),
        ...(roster?.ok ? { roster: { file: roster.file, units: roster.units } } : {}),
      });
      // Loaded here: the master's writer (exceljs) is ~20 MB that `check` never needs.
      const { saveMaster } = await import("../../node/save-master");
      await saveMaster(result, output).catch((e: unknown) => {
        const why = (e as { code?: string } | null)?.code;
        const reason =
          why === "EACCES" || why === "EPERM" ? "没有写入权限" : why === "ENOSPC" ? "磁盘空间不足" : "写入失败";
        throw new CliError(
          `总表未能写入“${opts.output}”（${reason}），报送文件未受影响。请换一个位置后重试。`,
          EXIT.usage,
        );
      });
      if (opts.json) io.stdout(JSON.stringify({ ...result.summary, output: opts.output }, null, 2) + "\n");
      else io.stdout([...summaryLines(result.summary, opts.output), ...detailLines(result)].join("\n") + "\n");
      setExit(result.summary.unitsWithErrors > 0 || result.summary.unreadable > 0 ? EXIT.findings : EXIT.ok);
    });
}
