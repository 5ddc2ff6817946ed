/**
 * Node adapter for reading a submitted file: stat before reading, read no more than the limit, then
 * hand the bytes to the pure one-pass reader (src/read), which judges the zip directory, inflates
 * each part once through the caps and parses what it kept. Every rule, limit and message lives in
 * src/core/guard; this file only touches the file system.
 */
import * as fs from "fs";
import { constants as fsConstants } from "fs";
import * as path from "path";
import { GuardLimits, guardLimits, GuardProblem, problemToRefusal, Refusal } from "../core/guard";
import { isProblem, judgeNameAndSize } from "../read/guard";
import { guardPackage, readWorkbook, type ReadOptions, type WorkbookReadResult } from "../read";
import { NODE_CODEC } from "./node-codec";

export type { GuardLimits } from "../core/guard";

export interface GuardedFile {
  ok: true;
  name: string;
  /** The file exactly as sent, now known to inflate within the limits. */
  bytes: Buffer;
  size: number;
  /** An .xlsm (or a workbook carrying VBA): read for its values only. */
  macroEnabled: boolean;
  sha256: string;
}

export type GuardResult = GuardedFile | ({ ok: false; name: string } & Refusal);

/**
 * The file's bytes, or the refusal its name and size alone earn. Errors opening the path itself
 * (missing, a folder, a device or pipe, no permission) are thrown: they are the caller's mistake.
 */
export async function readSubmittedBytes(filePath: string, limits: GuardLimits): Promise<Buffer | GuardProblem> {
  let early: GuardProblem | undefined;
  const bytes = readFileAtMost(filePath, limits.maxFileBytes, (size) => {
    early = judgeNameAndSize(path.basename(filePath), size, limits);
    return early === undefined;
  });
  return early ?? bytes;
}

/**
 * The bytes of a regular file, no more than `maxBytes` + 1 (one more shows the file is too large,
 * whatever it has grown to since it was stat'ed). `proceed` sees the size of the opened file and may
 * stop before anything is read. Throws when the path is not a regular file, or as opening it throws.
 * Synchronous inside: a submission is a few tens of KB and at most the size limit, and five system
 * calls in a row cost a few microseconds where five trips through the thread pool cost half a
 * millisecond, a tenth of reading the report.
 */
export function readFileAtMost(
  filePath: string,
  maxBytes: number,
  proceed: (size: number) => boolean = () => true,
): Buffer {
  // Never open what is not a regular file (opening a FIFO blocks; a device may act on open), and
  // check the opened handle again: the path may have been swapped in between. O_NONBLOCK keeps that open from hanging.
  if (!fs.statSync(filePath).isFile()) throw new Error(`not a file: ${filePath}`);
  const fd = fs.openSync(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error(`not a file: ${filePath}`);
    if (!proceed(stat.size)) return Buffer.alloc(0);
    return readAtMost(fd, maxBytes + 1, stat.size + 1);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Read no more than `max` bytes, whatever the file has grown to since it was stat'ed. The first
 * read asks for the size stat'ed (plus one byte, to see growth), so a report costs one read.
 */
function readAtMost(fd: number, max: number, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.allocUnsafe(Math.min(total === 0 ? expected : 1024 * 1024, max - total));
    const bytesRead = fs.readSync(fd, chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/** Guard a file on disk without reading its cells (the reader does both in one pass: readWorkbookFile). */
export async function guardFile(filePath: string, limits?: Partial<GuardLimits>): Promise<GuardResult> {
  const name = path.basename(filePath);
  const lim = guardLimits(limits);
  const bytes = await readSubmittedBytes(filePath, lim);
  if (!Buffer.isBuffer(bytes)) return refuse(name, bytes);
  return guardBuffer(name, bytes, lim);
}

/** Guard bytes already in memory (an upload, a test). `name` is only used for rules and messages. */
export async function guardBuffer(name: string, bytes: Buffer, limits?: Partial<GuardLimits>): Promise<GuardResult> {
  const verdict = guardPackage(name, bytes, guardLimits(limits), undefined, NODE_CODEC);
  if (isProblem(verdict)) return refuse(name, verdict);
  return {
    ok: true,
    name,
    bytes,
    size: bytes.length,
    macroEnabled: verdict.macroEnabled,
    sha256: await NODE_CODEC.sha256(bytes),
  };
}

/** Read a file on disk to its grid in one pass (guard and reader together). Throws only as readSubmittedBytes does. */
export async function readWorkbookFile(
  filePath: string,
  limits?: Partial<GuardLimits>,
  options?: ReadOptions,
): Promise<WorkbookReadResult> {
  const name = path.basename(filePath);
  const lim = guardLimits(limits);
  const bytes = await readSubmittedBytes(filePath, lim);
  if (!Buffer.isBuffer(bytes)) return { ok: false, ...problemToRefusal(bytes, name) };
  return readWorkbook(name, bytes, lim, { codec: NODE_CODEC, ...options });
}

function refuse(name: string, problem: GuardProblem): GuardResult {
  return { ok: false, name, ...problemToRefusal(problem, name) };
}
