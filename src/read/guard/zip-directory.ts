/**
 * The zip's end records and central directory, parsed once: judged for a layout every reader agrees
 * on, and listed as the entries the reader inflates.
 *
 * The layout rules: the guard once listed entries with yauzl (the count and offset from the end
 * record), but exceljs loads with JSZip, which reads central records until their signature stops,
 * takes Zip64 records only when a 32-bit field is at its maximum, and silently shifts every offset
 * when the directory does not end where the end record begins. A record left out of the count, or a
 * second directory, would then reach exceljs without ever being inflated by the guard: a 600 KB file
 * hiding a 600 MB part this way cost the reader 2 GB. Submissions are now listed and inflated by one
 * reader (src/read), but the rule stays: a file we accept must read as the same archive in Excel,
 * LibreOffice and any tool that opens it after us.
 */

import { GuardProblem } from "../../core/guard/refusal";
import type { ZipEntryInfo } from "./package-rules";

/** One central-directory record, with what inflating it needs. */
export interface ZipEntry extends ZipEntryInfo {
  readonly crc32: number;
  /** Where the part's compressed bytes start and end in the file; -1 when its local header is missing. */
  readonly dataStart: number;
  readonly dataEnd: number;
}

/** An archive's directory as read once. */
export interface ZipDirectory {
  /**
   * What makes the archive read differently in different readers; undefined when it is laid out the
   * one way they agree on, or when there is no end record at all (listing reports that damage).
   */
  readonly layoutProblem?: GuardProblem;
  /** Every record in directory order, or the damage that stops a zip library from listing them. */
  readonly entries: readonly ZipEntry[] | GuardProblem;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_BYTES = 22;
const LOCATOR_BYTES = 20;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const MAX_COMMENT = 0xffff;
const SATURATED = 0xffffffff;
const SIGNATURES = [EOCD, ZIP64_EOCD, ZIP64_LOCATOR, CENTRAL];
const UTF8_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const UNICODE_PATH_FIELD = 0x7075;
const ZIP64_FIELD = 0x0001;
const utf8 = new TextDecoder("utf-8");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

const damaged = (detail: string): GuardProblem => ({ code: "corrupt", detail });
/** What a zip library says of an archive it cannot list: damaged, no more detail. */
const UNLISTABLE: GuardProblem = { code: "corrupt" };
const refusedLayout = (problem: GuardProblem): ZipDirectory => ({ layoutProblem: problem, entries: problem });

/** Little-endian reads over the file's bytes. */
class Bytes {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get length(): number {
    return this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    return Number(this.view.getBigUint64(at, true));
  }
  signatureAt(at: number, sig: number): boolean {
    return at >= 0 && at + 4 <= this.bytes.length && this.u32(at) === sig;
  }
}

/** One central record's fields, read where it sits. */
interface CentralRecord {
  readonly at: number;
  readonly flags: number;
  readonly nameBytes: Uint8Array;
  readonly extraStart: number;
  /** The extra fields' end, within the file. */
  readonly extraEnd: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

/**
 * A central record, each saturated 32-bit value replaced from the first Zip64 field that holds it (a
 * second Zip64 field is refused by judgeName, but the overlap check runs before it and must see
 * the offset yauzl would).
 */
function centralRecord(b: Bytes, at: number): CentralRecord {
  const extraStart = at + CENTRAL_BYTES + b.u16(at + 28);
  const extraEnd = Math.min(extraStart + b.u16(at + 30), b.length);
  // Uncompressed size, compressed size, local header offset: in a Zip64 field, each only when saturated.
  const declared = [b.u32(at + 24), b.u32(at + 20), b.u32(at + 42)];
  const values = [...declared];
  const found = [false, false, false];
  for (let field = extraStart; field + 4 <= extraEnd; field += 4 + b.u16(field + 2)) {
    if (b.u16(field) !== ZIP64_FIELD) continue;
    let p = field + 4;
    declared.forEach((value, i) => {
      if (value !== SATURATED || p + 8 > extraEnd) return;
      if (!found[i]) values[i] = b.u64(p);
      found[i] = true;
      p += 8;
    });
  }
  return {
    at,
    flags: b.u16(at + 8),
    nameBytes: b.bytes.subarray(at + CENTRAL_BYTES, extraStart),
    extraStart,
    extraEnd,
    uncompressedSize: values[0],
    compressedSize: values[1],
    localOffset: values[2],
  };
}

/**
 * A part's name must read the same to every reader: one takes it from the directory, another from
 * the local header; without the UTF-8 flag yauzl decodes cp437 and JSZip UTF-8, overlong forms and
 * all; each honours the Unicode Path field differently. A part named a picture in the directory but
 * xl/sharedStrings.xml in its header passed the guard as a picture and cost the reader 520 MB. So:
 * the same bytes in both places, plain ASCII or flagged valid UTF-8, no Unicode Path.
 */
function judgeName(b: Bytes, r: CentralRecord): GuardProblem | undefined {
  const name = r.nameBytes;
  const shown = String.fromCharCode(...name.subarray(0, 200).filter((c) => c >= 0x20 && c < 0x7f));

  if (!name.every((c) => c >= 0x20 && c < 0x7f)) {
    const flagged = (r.flags & UTF8_FLAG) !== 0;
    let valid = flagged;
    try {
      if (flagged) strictUtf8.decode(name);
    } catch {
      valid = false;
    }
    if (!valid) return damaged(`部件 ${shown} 的名称编码无法识别`);
  }
  // yauzl takes the first extra field of a kind, JSZip the last: two Zip64 fields could give each its own sizes and offset.
  const ids = new Set<number>();
  for (let at = r.extraStart; at + 4 <= r.extraEnd; at += 4 + b.u16(at + 2)) {
    const id = b.u16(at);
    if (id === UNICODE_PATH_FIELD) return damaged(`部件 ${shown} 带有另一种写法的名称`);
    if (ids.has(id)) return damaged(`部件 ${shown} 的附加记录重复`);
    ids.add(id);
  }

  const local = r.localOffset;
  const localName =
    local + LOCAL_BYTES <= b.length && b.u32(local) === LOCAL
      ? b.bytes.subarray(local + LOCAL_BYTES, local + LOCAL_BYTES + b.u16(local + 26))
      : undefined;
  if (!localName || localName.length !== name.length || !localName.every((c, i) => c === name[i]))
    return damaged(`部件 ${shown} 的本地记录与目录记录不符`);
  return undefined;
}

/** The last end record within the comment window, searched as yauzl does; -1 when there is none. */
function endRecord(b: Bytes): number {
  for (let at = b.length - EOCD_BYTES; at >= Math.max(0, b.length - EOCD_BYTES - MAX_COMMENT); at--)
    if (b.signatureAt(at, EOCD)) return at;
  return -1;
}

/** Where the directory is and how many records it claims, or the layout problem of the end records. */
function directoryBounds(b: Bytes, eocd: number): { count: number; start: number; end: number } | GuardProblem {
  // JSZip searches for the end record to the very end, so no signature may follow the one yauzl finds.
  if (b.u16(eocd + 20) !== b.length - eocd - EOCD_BYTES) return damaged("压缩包结尾记录之后有多余的数据");
  for (let at = eocd + 4; at + 4 <= b.length; at++)
    if (SIGNATURES.some((sig) => b.signatureAt(at, sig))) return damaged("压缩包的注释中藏有目录记录");

  // yauzl takes Zip64 values whenever a locator precedes the end record; JSZip only when a field is at its maximum.
  const locator = eocd - LOCATOR_BYTES;
  const hasLocator = b.signatureAt(locator, ZIP64_LOCATOR);
  const saturated =
    [4, 6, 8, 10].some((o) => b.u16(eocd + o) === 0xffff) || [12, 16].some((o) => b.u32(eocd + o) === SATURATED);
  if (hasLocator !== saturated) return damaged("压缩包的 Zip64 结尾记录与普通结尾记录不一致");

  let bounds: { count: number; start: number; end: number; size: number };
  if (hasLocator) {
    const record = b.u64(locator + 8);
    if (!b.signatureAt(record, ZIP64_EOCD) || record + 56 > b.length) return damaged("压缩包的 Zip64 结尾记录位置不对");
    if (record + 12 + b.u64(record + 4) !== locator) return damaged("压缩包的 Zip64 结尾记录长度不对");
    bounds = { count: b.u64(record + 32), size: b.u64(record + 40), start: b.u64(record + 48), end: record };
  } else bounds = { count: b.u16(eocd + 10), size: b.u32(eocd + 12), start: b.u32(eocd + 16), end: eocd };
  if (bounds.start + bounds.size !== bounds.end) return damaged("压缩包目录的位置或长度与结尾记录不符");
  return bounds;
}

/** A part name that would escape the package (absolute, a drive, "..") is damage, as zip libraries say. */
function unsafeName(name: string): boolean {
  return /^([a-zA-Z]:|\/)/.test(name) || name.split("/").includes("..");
}

/** The entry a zip library would list for a record, or undefined when it would refuse the archive. */
function entryOf(b: Bytes, r: CentralRecord): ZipEntry | undefined {
  const name = utf8.decode(r.nameBytes).replace(/\\/g, "/");
  const method = b.u16(r.at + 10);
  const encrypted = (r.flags & ENCRYPTED_FLAG) !== 0;
  if (unsafeName(name)) return undefined;
  if (method === 0 && !encrypted && r.compressedSize !== r.uncompressedSize) return undefined;
  const local = r.localOffset;
  const dataStart =
    b.signatureAt(local, LOCAL) && local + LOCAL_BYTES <= b.length
      ? local + LOCAL_BYTES + b.u16(local + 26) + b.u16(local + 28)
      : -1;
  return {
    name,
    compressedSize: r.compressedSize,
    uncompressedSize: r.uncompressedSize,
    compressionMethod: method,
    encrypted,
    crc32: b.u32(r.at + 16),
    dataStart,
    dataEnd: dataStart < 0 ? -1 : dataStart + r.compressedSize,
  };
}

/** The archive's directory: its layout judged and its records listed, in one reading of the end records and records. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const b = new Bytes(bytes);
  const eocd = endRecord(b);
  if (eocd < 0) return { entries: UNLISTABLE };
  const bounds = directoryBounds(b, eocd);
  if ("code" in bounds) return refusedLayout(bounds);

  // Every record in the directory, as JSZip walks it: exactly `count` of them, filling it exactly.
  const records: CentralRecord[] = [];
  let at = bounds.start;
  while (at + CENTRAL_BYTES <= bounds.end && b.signatureAt(at, CENTRAL)) {
    records.push(centralRecord(b, at));
    at += CENTRAL_BYTES + b.u16(at + 28) + b.u16(at + 30) + b.u16(at + 32);
  }
  if (records.length !== bounds.count)
    return refusedLayout(damaged(`压缩包目录中有 ${records.length} 条记录，结尾记录却写着 ${bounds.count} 条`));
  if (at !== bounds.end) return refusedLayout(damaged("压缩包目录的长度与结尾记录不符"));

  // Records sharing one local header are Fifield's overlapping bomb: a small file, every part the same data.
  const locals = new Set<number>();
  for (const r of records) {
    if (locals.has(r.localOffset))
      return refusedLayout({ code: "zip_bomb", detail: "压缩包中有多个部件指向同一段数据（重叠构造）" });
    locals.add(r.localOffset);
  }
  for (const r of records) {
    const problem = judgeName(b, r);
    if (problem) return refusedLayout(problem);
  }

  // Split archives are not Office files.
  if (b.u16(eocd + 4) !== 0 || b.u16(eocd + 6) !== 0) return { entries: UNLISTABLE };
  const entries: ZipEntry[] = [];
  for (const r of records) {
    const entry = entryOf(b, r);
    if (!entry) return { entries: UNLISTABLE };
    entries.push(entry);
  }
  return { entries };
}

/**
 * Undefined when the archive is laid out the one way every reader agrees on, or when there is no end
 * record at all (listing reports that damage itself); else the problem.
 */
export function judgeZipLayout(bytes: Uint8Array): GuardProblem | undefined {
  return readZipDirectory(bytes).layoutProblem;
}
