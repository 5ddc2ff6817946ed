/**
 * Node adapter for the guard: reads a submitted file and proves it safe to hand to exceljs.
 * Every rule, limit and message lives in src/core/guard; this file only does the plumbing —
 * stat before reading, list the zip's central directory with yauzl without inflating, then
 * inflate each part through a stream, counting the bytes really produced against a hard cap.
 */

import { createHash } from "crypto";
import { constants as fsConstants, promises as fs } from "fs";
import * as path from "path";
import { Readable } from "stream";
import * as zlib from "zlib";
import * as yauzl from "yauzl";
import {
  classifyByNames,
  GuardLimits,
  guardLimits,
  GuardProblem,
  InflationBudget,
  isProblem,
  judgeEntries,
  judgeEntryCount,
  judgeFileBytes,
  judgeNameAndSize,
  judgePackage,
  MAX_INSPECTED_PART_BYTES,
  PARTS_TO_INSPECT,
  problemToRefusal,
  ReaderCost,
  Refusal,
  ZipEntryInfo,
} from "../core/guard";

export type { GuardLimits } from "../core/guard";

/** zlib.crc32 arrived in Node 20.15; older Nodes skip the checksum (sizes are still enforced). */
const hasCrc32 = typeof zlib.crc32 === "function";

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
 * Guard a file on disk. Name and size are judged from `stat` before a byte is read, so a huge file
 * never enters memory. Errors opening the path itself (missing, a folder, a device or pipe, no
 * permission) are thrown: they are the caller's mistake, not the submitter's.
 */
export async function guardFile(filePath: string, limits?: Partial<GuardLimits>): Promise<GuardResult> {
  const name = path.basename(filePath);
  const lim = guardLimits(limits);
  // Never open what is not a regular file (opening a FIFO blocks; a device may act on open), and
  // check the opened handle again: the path may have been swapped in between. O_NONBLOCK keeps that open from hanging.
  if (!(await fs.stat(filePath)).isFile()) throw new Error(`not a file: ${filePath}`);
  const handle = await fs.open(filePath, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  let bytes: Buffer;
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`not a file: ${filePath}`);
    const early = judgeNameAndSize(name, stat.size, lim);
    if (early) return refuse(name, early);
    bytes = await readAtMost(handle, lim.maxFileBytes + 1);
  } finally {
    await handle.close();
  }
  return guardBuffer(name, bytes, lim);
}

/** Read no more than `max` bytes, whatever the file has grown to since it was stat'ed. */
async function readAtMost(handle: fs.FileHandle, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < max) {
    const chunk = Buffer.alloc(Math.min(1024 * 1024, max - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/** Guard bytes already in memory (an upload, a test). `name` is only used for rules and messages. */
export async function guardBuffer(name: string, bytes: Buffer, limits?: Partial<GuardLimits>): Promise<GuardResult> {
  const lim = guardLimits(limits);
  try {
    const problem = judgeFileBytes(name, bytes, lim);
    if (problem) return refuse(name, problem);
    const zipVerdict = await inspectZip(bytes, lim);
    if (isProblem(zipVerdict)) return refuse(name, zipVerdict);
    return {
      ok: true,
      name,
      bytes,
      size: bytes.length,
      macroEnabled: zipVerdict.macroEnabled,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  } catch {
    // Anything the zip library trips over in a hostile file is damage, never a crash.
    return refuse(name, { code: "corrupt" });
  }
}

function refuse(name: string, problem: GuardProblem): GuardResult {
  return { ok: false, name, ...problemToRefusal(problem, name) };
}

async function inspectZip(bytes: Buffer, limits: GuardLimits): Promise<{ macroEnabled: boolean } | GuardProblem> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      validateEntrySizes: true,
      decodeStrings: true,
      strictFileNames: false,
    });
  } catch {
    return { code: "corrupt" };
  }
  try {
    const tooMany = judgeEntryCount(zip.entryCount, limits);
    if (tooMany) return tooMany;
    const entries = await listEntries(zip);
    if (entries === undefined) return { code: "corrupt" };
    const infos = entries.map(toInfo);
    const declared = judgeEntries(infos, limits);
    if (declared) return declared;
    const kind = classifyByNames(infos.map((e) => e.name));
    if (isProblem(kind)) return kind;
    const inflated = await inflateAll(zip, entries, limits);
    if (isProblem(inflated)) return inflated;
    return judgePackage(kind, inflated, infos.map((e) => e.name));
  } finally {
    zip.close();
  }
}

function toInfo(e: yauzl.Entry): ZipEntryInfo {
  return {
    name: e.fileName,
    compressedSize: e.compressedSize,
    uncompressedSize: e.uncompressedSize,
    compressionMethod: e.compressionMethod,
    encrypted: (e.generalPurposeBitFlag & 0x1) !== 0,
  };
}

/** The central directory's records, without touching any part's data; undefined if it is damaged. */
async function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[] | undefined> {
  const entries: yauzl.Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch {
    return undefined;
  }
  return entries;
}

/**
 * Inflate every part once, keeping nothing but the few small parts the package rules read, and
 * estimate what the reader will need for the rest. Stops at the first chunk that breaks a budget,
 * so a bomb costs one chunk of memory.
 */
async function inflateAll(
  zip: yauzl.ZipFile,
  entries: readonly yauzl.Entry[],
  limits: GuardLimits,
): Promise<Map<string, string> | GuardProblem> {
  const budget = new InflationBudget(limits);
  const cost = new ReaderCost(limits);
  const parts = new Map<string, string>();
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    const keep = PARTS_TO_INSPECT.includes(entry.fileName);
    const result = await inflateEntry(zip, entry, toInfo(entry), { budget, cost }, keep);
    if (isProblem(result)) return result;
    if (keep) parts.set(entry.fileName, result.text);
  }
  return parts;
}

async function inflateEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  info: ZipEntryInfo,
  { budget, cost }: { budget: InflationBudget; cost: ReaderCost },
  keep: boolean,
): Promise<{ text: string } | GuardProblem> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    return { code: "corrupt", detail: `部件 ${entry.fileName} 无法读取` };
  }
  const kept: Buffer[] = [];
  const scanner = cost.part(entry.fileName);
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      produced += chunk.length;
      const over = budget.check(info, produced, chunk.length);
      if (over) return over;
      scanner.feed(chunk);
      const heavy = cost.problem();
      if (heavy) return heavy;
      if (hasCrc32) crc = zlib.crc32(chunk, crc);
      if (keep && produced <= MAX_INSPECTED_PART_BYTES) kept.push(chunk);
    }
  } catch (err) {
    // yauzl's own size validation fires before our count when a record understates the size.
    if (/too many bytes/i.test(String(err))) return budget.overDeclared(info);
    return { code: "corrupt", detail: `部件 ${entry.fileName} 的数据已损坏` };
  } finally {
    stream.destroy();
  }
  const short = budget.finish(info, produced);
  if (short) return short;
  scanner.end();
  const heavy = cost.problem();
  if (heavy) return heavy;
  if (hasCrc32 && crc !== entry.crc32) return { code: "corrupt", detail: `部件 ${entry.fileName} 的校验值不符` };
  return { text: keep ? Buffer.concat(kept).toString("utf8") : "" };
}
