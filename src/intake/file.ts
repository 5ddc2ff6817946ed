/**
 * One submitted file's intake, the same for every host: its name, size and time, then (only when
 * those pass) its bytes → what the file is: a judged report, a master workbook, a lock file, the
 * temporary master of an interrupted merge, or unreadable with a code and a Chinese message. The
 * command line's batch workers (src/node) and the task pane's workers call this one function; each
 * host supplies only the facts and a way to read the bytes. Pure, and never throws.
 */
import { judgeLocated } from "../core/check-grid";
import { isLockFileName, isTemporaryMasterName } from "../core/file-names";
import { guardLimits, unreadableMessage, type GuardLimits, type UnreadableCode } from "../core/guard";
import type { JudgeOptions } from "../core/judge";
import { locateReport, reportReadsCellsOf } from "../core/locate";
import { isMasterWorkbook } from "../core/master";
import { prepareCandidate, type MergeInput } from "../core/merge";
import type { SourceFile } from "../core/merge/model";
import { readWorkbook, type Codec } from "../read";
import { judgeNameAndSize } from "../read/guard";

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
    const workbook = await readWorkbook(facts.name, bytes, limits, {
      codec: options.codec,
      cellsOf: reportReadsCellsOf,
    });
    if (!workbook.ok)
      return { kind: "unreadable", source: sourceOf(facts), code: workbook.code, message: workbook.message };
    const source = sourceOf(facts, workbook.sha256);
    const { grid } = workbook;
    if (grid.sheets.length === 0) return unreadableFile(facts, "not_template", "文件中没有工作表");
    const located = locateReport(grid, limits);
    if (isMasterWorkbook(grid, located)) return { kind: "master_input", source };
    if (!located.ok) return unreadableFile(facts, located.code, located.detail);
    const { judgement } = judgeLocated(located.report, located.templateYear, options.judge);
    return {
      kind: "report",
      candidate: prepareCandidate({ ...source, sha256: workbook.sha256 }, located.report, judgement),
    };
  } catch {
    return unreadableFile(facts, "corrupt", "读取或校验时发生意外错误");
  }
}
