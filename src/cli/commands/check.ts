/**
 * `check FILE|FOLDER... [--json]` (spec §6): judge each filled report and say, in Chinese, what is wrong
 * and where. Folders are walked recursively. A file that cannot be read, or a path that names nothing,
 * is a result like any other; only a command line that names no file at all is bad usage.
 */
import { promises as fs } from "fs";
import type { Command } from "commander";
import { convertedNote, findingCountsText, SEVERITY_LABELS, STATUS_LABELS } from "../../core/words";
import { ruleNameOf } from "../../core/rules/catalogue";
import { printableText } from "../../core/text";
import { checkResultOf, type CheckResult, type Conversion, type FindingJson } from "../../intake";
import { expandInputs, type OutsideLink, type ReadableEntry } from "../../node/inputs";
import { intakeEntries } from "../../node/merge-read";
import type { BatchOptions } from "../../node/read-batch";
import {
  conversionOf,
  convertTimeoutOption,
  noSofficeOption,
  sofficeOption,
  type ConversionFlags,
} from "../conversion-options";
import { LINKS_HELP, outsideLinkLine } from "../input-notices";
import { CliError, EXIT, type CliIO } from "../io";

const VERDICT = STATUS_LABELS;

function counts(r: CheckResult) {
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const warnings = r.findings.filter((f) => f.severity === "warning");
  const explained = warnings.filter((f) => f.explanation !== undefined).length;
  return { errors, warnings: warnings.length, explained };
}

/**
 * One line per file: name, unit, verdict and counts. Names and messages come from outside (a file
 * name, a unit's text): their control characters are shown escaped, so each stays one line.
 */
export function verdictLine(r: CheckResult): string {
  const about = [r.unit, r.convertedFrom && convertedNote(r.convertedFrom)].filter(Boolean).join("；");
  const who = printableText(about ? `${r.file}（${about}）` : r.file);
  if (r.status === "unreadable") return `${who}：${VERDICT.unreadable}。${printableText(r.message ?? "")}`;
  const c = counts(r);
  return `${who}：${VERDICT[r.status]}，${findingCountsText(c.errors, c.warnings, c.warnings - c.explained)}`;
}

/** The catalogue's Chinese name (as 自检 shows it); the id when a finding names a rule we do not know. */
const ruleName = ruleNameOf;

/**
 * One finding: severity, place, message, rule name. A warning without a 说明 also says what to copy into
 * 核实说明 (rule name and place) if it is right as written.
 */
function findingLines(f: FindingJson): string[] {
  const where = printableText(`${f.sheet}!${f.cell}`);
  const lines = [`  ${SEVERITY_LABELS[f.severity]}  ${where}  ${printableText(f.message)}  [${ruleName(f.rule)}]`];
  if (f.severity === "warning" && f.explanation === undefined && f.rule !== "explanation.unused")
    lines.push(
      `        如情况属实，在“核实说明”中填写：规则“${ruleName(f.rule)}”，位置“${f.sheet}!${f.cell}”，并写明说明。`,
    );
  if (f.explanation !== undefined) lines.push(`        说明：${f.explanation}`);
  return lines;
}

/** One file's part of the human report, line by line: its verdict, its findings, a blank line. */
function* humanLines(r: CheckResult): Generator<string> {
  yield verdictLine(r);
  for (const f of r.findings) yield* findingLines(f);
  yield "";
}

function summaryLine(results: readonly Pick<CheckResult, "status">[]): string {
  const n = (s: CheckResult["status"]) => results.filter((r) => r.status === s).length;
  const counted = (["ok", "warnings", "errors", "unreadable"] as const).map((s) => `${VERDICT[s]} ${n(s)} 个`);
  return `共 ${results.length} 个文件：${counted.join("，")}。`;
}

/** The human report: files in the order given, each with its verdict then its findings; a summary when several. */
export function formatHuman(results: readonly CheckResult[]): string {
  const out = results.flatMap((r) => [...humanLines(r)]);
  if (results.length > 1) out.push(summaryLine(results));
  return out.join("\n") + "\n";
}

/** `text` with every line after the first indented by `pad`, as JSON.stringify indents nested values. */
const nest = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);

/**
 * One result as the element of `JSON.stringify(results, null, 2)` would print it, finding by finding:
 * a file can hold hundreds of thousands of findings, and one string of them all ran `check` out of memory.
 */
function* resultJson(r: CheckResult): Generator<string> {
  const entries = Object.entries(r).filter(([, v]) => v !== undefined);
  yield "  {\n";
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? "," : "";
    if (key === "findings" && Array.isArray(value) && value.length > 0) {
      yield '    "findings": [\n';
      for (const [j, f] of value.entries())
        yield `      ${nest(JSON.stringify(f, null, 2), "      ")}${j < value.length - 1 ? "," : ""}\n`;
      yield `    ]${comma}\n`;
    } else yield `    ${JSON.stringify(key)}: ${nest(JSON.stringify(value, null, 2), "    ")}${comma}\n`;
  }
  yield "  }";
}

const MiB = 1024 * 1024;

/**
 * V8 collects lazily: after a file that cost a few hundred MB, the next one's work piled on top of
 * its garbage and a batch of the costliest accepted files reached 700 MB. So when the process has
 * grown, collect before the next file (`npm run cli` starts Node with --expose-gc; without it, no-op).
 * The heap, not rss: rss counts the reading workers too, and collecting here cannot shrink them.
 */
function collectAfterLargeFile(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc && process.memoryUsage().heapUsed > 100 * MiB) gc();
}

/** Collects small pieces of output and hands them on in large ones. */
function chunked(write: (text: string) => void): { add(text: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length > 0) write(pending.join(""));
    pending = [];
    size = 0;
  };
  return {
    add: (text) => {
      pending.push(text);
      size += text.length;
      if (size > 1 << 20) flush();
    },
    flush,
  };
}

export function exitCodeOf(results: readonly Pick<CheckResult, "status">[]): number {
  return results.some((r) => r.status === "errors" || r.status === "unreadable") ? EXIT.findings : EXIT.ok;
}

/** A file this large may hold thousands of rows full of mistakes: reading it costs up to ~250 MB. */
const HEAVY_FILE_BYTES = 256 * 1024;

/**
 * Worker threads for ordinary reports; one file at a time, in this thread, when any file is heavy:
 * two of the heaviest files the guard accepts, read side by side, would pass the 512 MB bound.
 */
async function batchOptionsFor(paths: readonly string[]): Promise<BatchOptions> {
  const sizes = await Promise.all(
    paths.map((p) =>
      fs.stat(p).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.some((size) => size > HEAVY_FILE_BYTES) ? { concurrency: 1 } : { window: 1 };
}

/**
 * Every input's result in command-line order: the paths are listed first (names only), then the files
 * go through the shared intake over worker threads, and a path that named nothing takes its place in the order.
 * A link leading outside the folders given is no result: `skipped` is told of it.
 */
async function* checkEntries(
  inputs: readonly string[],
  cwd: string,
  skipped: (entry: OutsideLink) => void,
  conversion: Conversion,
): AsyncIterable<CheckResult> {
  const entries: ReadableEntry[] = [];
  for await (const entry of expandInputs(inputs, cwd)) {
    if (entry.kind === "outside_link") skipped(entry);
    else entries.push(entry);
  }
  const options = await batchOptionsFor(entries.flatMap((e) => (e.kind === "file" ? [e.path] : [])));
  let i = 0;
  for await (const input of intakeEntries(entries, { ...options, conversion }))
    yield checkResultOf(input, entries[i++].display);
}

export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("check")
    .description("校验填报好的报表文件，逐个列出错误和提示（所在工作表、单元格和原因）")
    .argument("<文件或文件夹...>", `要校验的 .xlsx 文件或文件夹（逐层查找其中所有文件），可以有多个；${LINKS_HELP}`)
    .option("--json", "以 JSON 输出结果（供脚本使用）")
    .addOption(sofficeOption())
    .addOption(noSofficeOption())
    .addOption(convertTimeoutOption())
    .action(async (inputs: string[], opts: { json?: boolean } & ConversionFlags) => {
      const conversion = conversionOf(opts, io);
      // Each file is printed as soon as it is checked and then let go: a batch never holds every finding at once.
      const out = chunked(io.stdout);
      const seen: Pick<CheckResult, "status">[] = [];
      if (opts.json) out.add("[\n");
      const skipped = (entry: OutsideLink) => io.stderr(outsideLinkLine(entry, "校验"));
      for await (const result of checkEntries(inputs, io.cwd, skipped, conversion)) {
        if (seen.length > 0) collectAfterLargeFile();
        if (opts.json) {
          if (seen.length > 0) out.add(",\n");
          for (const piece of resultJson(result)) out.add(piece);
        } else for (const line of humanLines(result)) out.add(`${line}\n`);
        seen.push({ status: result.status });
      }
      if (seen.length === 0) {
        if (opts.json) out.add("]\n");
        out.flush();
        throw new CliError(`在“${inputs.map(printableText).join("”“")}”中没有找到任何文件。`, EXIT.usage);
      }
      if (opts.json) out.add("\n]\n");
      else if (seen.length > 1) out.add(summaryLine(seen) + "\n");
      out.flush();
      setExit(exitCodeOf(seen));
    });
}
