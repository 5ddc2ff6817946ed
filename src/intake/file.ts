/**
 * One submitted file's intake, the same for every host: its name, size and time, then (only when
 * those pass) its bytes → what the file is: a judged report, a master workbook, a lock file, the
 * temporary master of an interrupted merge, or unreadable with a code and a Chinese message. The
 * command line's batch workers (src/node) and the task pane's workers call this one function; each
 * host supplies only the facts and a way to read the bytes. Pure, and never throws.
 */
import { judgeLocated } from "../core/check-grid";
import { isLockFileName, isTemporaryMasterName } from "../core/file-names";
import {
  conversionFailureDetail,
  conversionHint,
  convertibleFormatOf,
  guardLimits,
  unreadableMessage,
  type ConvertibleFormat,
  type GuardLimits,
  type UnreadableCode,
} from "../core/guard";
import type { JudgeOptions } from "../core/judge";
import { locateReport, reportReadsCellsOf } from "../core/locate";
import { isMasterWorkbook } from "../core/master";
import { prepareCandidate, type MergeInput } from "../core/merge";
import type { SourceFile } from "../core/merge/model";
import { PURE_CODEC, readWorkbook, type Codec, type WorkbookReadResult } from "../read";
import { judgeNameAndSize } from "../read/guard";
import type { Conversion, Converter } from "./conversion";

/** What a host knows of a file before reading it. */
export interface FileFacts {
  /** The file name, without folders: what rules look at and messages name. */
  readonly name: string;
  /** The path as the user gave it (folders joined with names found below them): unique in one run. */
  readonly path: string;
  /** Size in bytes as the host reports it (checked before a byte is read). */
  readonly size: number;
  /** Last modification time, ISO 8601 UTC; null when the host does not say. */
  readonly modified: string | null;
}

/** Why a host could not hand over a file's bytes. Thrown by a ByteSource; any other error means damage. */
export class HostReadError extends Error {
  constructor(
    readonly code: "not_found" | "no_access",
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** The file's bytes, read when asked (after its name and size passed). */
export type ByteSource = () => Uint8Array | Promise<Uint8Array>;

export interface IntakeOptions {
  readonly limits?: Partial<GuardLimits>;
  /** Inflating and hashing (default: pure; Node passes its native zlib and crypto). */
  readonly codec?: Codec;
  readonly judge?: JudgeOptions;
  /** What this host does with an .xls, .et or .ods (default: refuse it with the unit's part of the message only). */
  readonly conversion?: Conversion;
}

const sourceOf = (facts: FileFacts, sha256: string | null = null): SourceFile => ({
  path: facts.path,
  name: facts.name,
  sha256,
  modified: facts.modified,
});

/** A file that could not be read, for `code`; `detail` (Chinese) is shown in brackets where it helps. */
export function unreadableFile(facts: FileFacts, code: UnreadableCode, detail?: string): MergeInput {
  return { kind: "unreadable", source: sourceOf(facts), code, message: unreadableMessage(code, facts.name, detail) };
}

/** What a file is, from its name alone: lock files and temporary masters are never read. */
function byName(facts: FileFacts): MergeInput | undefined {
  if (isTemporaryMasterName(facts.name)) return { kind: "temporary_master", source: sourceOf(facts) };
  if (isLockFileName(facts.name)) return { kind: "lock_file", source: sourceOf(facts) };
  return undefined;
}

async function bytesOf(facts: FileFacts, read: ByteSource): Promise<Uint8Array | MergeInput> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof HostReadError) return unreadableFile(facts, e.code, e.detail);
    return unreadableFile(facts, "corrupt", "读取时发生意外错误");
  }
}

type ReadWorkbook = Extract<WorkbookReadResult, { ok: true }>;

/** The source of a file read after conversion says from what; one read as sent says nothing more. */
const withConversion = (source: SourceFile, from: ConvertibleFormat | undefined): SourceFile =>
  from ? { ...source, convertedFrom: from } : source;

/**
 * A workbook that read: what it is (a report, judged; a master; not this template). `sha256` is that
 * of the file as sent; an unreadable outcome carries no hash, as when the bytes did not read.
 */
function judgeWorkbook(
  facts: FileFacts,
  workbook: ReadWorkbook,
  sha256: string,
  from: ConvertibleFormat | undefined,
  limits: GuardLimits,
  options: IntakeOptions,
): MergeInput {
  const { grid } = workbook;
  const unreadable = (code: UnreadableCode, detail: string): MergeInput => ({
    kind: "unreadable",
    source: withConversion(sourceOf(facts), from),
    code,
    message: unreadableMessage(code, facts.name, detail),
  });
  if (grid.sheets.length === 0) return unreadable("not_template", "文件中没有工作表");
  const located = locateReport(grid, limits);
  const source = { ...withConversion(sourceOf(facts, sha256), from), sha256 };
  if (isMasterWorkbook(grid, located)) return { kind: "master_input", source };
  if (!located.ok) return unreadable(located.code, located.detail);
  const { judgement } = judgeLocated(located.report, located.templateYear, options.judge);
  return { kind: "report", candidate: prepareCandidate(source, located.report, judgement) };
}

const readOptions = (options: IntakeOptions) => ({ codec: options.codec, cellsOf: reportReadsCellsOf });

/**
 * An .xls, .et or .ods through the host's converter, then the converted .xlsx through the same guard,
 * reader and judge as any file. The source keeps the hash of the bytes as sent, and says it was converted.
 */
async function intakeConverted(
  facts: FileFacts,
  sent: Uint8Array,
  from: ConvertibleFormat,
  convert: Converter,
  limits: GuardLimits,
  options: IntakeOptions,
): Promise<MergeInput> {
  const sha256 = await (options.codec ?? PURE_CODEC).sha256(sent);
  const result = await convert(sent, from, limits.maxFileBytes);
  if (!result.ok) return unreadableFile(facts, "conversion_failed", conversionFailureDetail(result.failure, from));
  const workbook = await readWorkbook(facts.name, result.bytes, limits, readOptions(options));
  if (!workbook.ok)
    return {
      kind: "unreadable",
      source: withConversion(sourceOf(facts), from),
      code: workbook.code,
      message: workbook.message,
    };
  return judgeWorkbook(facts, workbook, sha256, from, limits, options);
}

/** A refusal of the bytes as sent: converted when the host can, else said with what the bureau can do. */
async function refusedAsSent(
  facts: FileFacts,
  bytes: Uint8Array,
  refused: Extract<WorkbookReadResult, { ok: false }>,
  limits: GuardLimits,
  options: IntakeOptions,
): Promise<MergeInput> {
  const from = convertibleFormatOf(refused.code, facts.name);
  const { conversion } = options;
  if (from === undefined || conversion === undefined)
    return { kind: "unreadable", source: sourceOf(facts), code: refused.code, message: refused.message };
  if ("convert" in conversion) return intakeConverted(facts, bytes, from, conversion.convert, limits, options);
  const message = `${refused.message}${conversionHint(conversion.unavailable)}`;
  return { kind: "unreadable", source: sourceOf(facts), code: refused.code, message };
}

/** Reads, locates and judges one file. Never throws: anything unexpected is damage to that file alone. */
export async function intakeFile(facts: FileFacts, read: ByteSource, options: IntakeOptions = {}): Promise<MergeInput> {
  const named = byName(facts);
  if (named) return named;
  const limits: GuardLimits = guardLimits(options.limits);
  const early = judgeNameAndSize(facts.name, facts.size, limits);
  if (early) return unreadableFile(facts, early.code, early.detail);
  const bytes = await bytesOf(facts, read);
  if (!(bytes instanceof Uint8Array)) return bytes;
  try {
    const workbook = await readWorkbook(facts.name, bytes, limits, readOptions(options));
    if (!workbook.ok) return await refusedAsSent(facts, bytes, workbook, limits, options);
    return judgeWorkbook(facts, workbook, workbook.sha256, undefined, limits, options);
  } catch {
    return unreadableFile(facts, "corrupt", "读取或校验时发生意外错误");
  }
}
