/**
 * A path on disk through the shared intake (src/intake): the file system says what the path is and
 * how large, and hands the intake the file's bytes (never more than the size limit allows) only when
 * its name and size pass. Everything the file *is* is decided by the intake, as in the task pane.
 */
import { statSync, type Stats } from "fs";
import * as path from "path";
import { guardLimits } from "../core/guard";
import type { MergeInput } from "../core/merge";
import {
  checkResultOf,
  HostReadError,
  intakeFile,
  unreadableFile,
  type CheckResult,
  type FileFacts,
  type IntakeOptions,
} from "../intake";
import { readFileAtMost } from "./file-guard";
import { NODE_CODEC } from "./node-codec";

/** A file to take in: where it is, and how the user named it (the path as given, or below a folder given). */
export interface PathEntry {
  readonly path: string;
  readonly display: string;
}

const isAccessError = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "EACCES" || code === "EPERM";
};

/** The path's stat; undefined when nothing is there. Synchronous: see readSubmittedBytes. */
function statOf(filePath: string): Stats | "no_access" | undefined {
  try {
    return statSync(filePath);
  } catch (e) {
    return isAccessError(e) ? "no_access" : undefined;
  }
}

/** What the file system knows of a file: name, the path as the user gave it, size and time. */
export function factsOf(entry: PathEntry, stat: Pick<Stats, "size" | "mtime"> | null): FileFacts {
  return {
    name: path.basename(entry.path),
    path: entry.display,
    size: stat?.size ?? 0,
    modified: stat ? stat.mtime.toISOString() : null,
  };
}

/** One path through the intake. Never throws. */
export async function intakePath(entry: PathEntry, options: IntakeOptions = {}): Promise<MergeInput> {
  const stat = statOf(entry.path);
  const facts = factsOf(entry, typeof stat === "object" ? stat : null);
  if (stat === undefined) return unreadableFile(facts, "not_found");
  if (stat === "no_access") return unreadableFile(facts, "no_access");
  if (stat.isDirectory()) return unreadableFile(facts, "not_found", "这是一个文件夹，不是文件");
  if (!stat.isFile()) return unreadableFile(facts, "not_spreadsheet", "这不是普通文件，而是设备、管道之类的特殊文件");
  const limits = guardLimits(options.limits);
  return intakeFile(
    facts,
    () => {
      try {
        return readFileAtMost(entry.path, limits.maxFileBytes);
      } catch (e) {
        if (isAccessError(e)) throw new HostReadError("no_access");
        if ((e as { code?: unknown } | null)?.code === "ENOENT") throw new HostReadError("not_found");
        throw e;
      }
    },
    { codec: NODE_CODEC, ...options },
  );
}

/** `check` of one file: the spec §6 object, named as given (default: the path). Never throws. */
export async function checkFile(
  filePath: string,
  options: IntakeOptions & { readonly displayName?: string } = {},
): Promise<CheckResult> {
  const { displayName, ...intake } = options;
  const file = displayName ?? filePath;
  return checkResultOf(await intakePath({ path: filePath, display: file }, intake), file);
}
