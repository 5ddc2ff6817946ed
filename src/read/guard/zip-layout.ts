/**
 * The zip's end records and central directory must describe one archive, read the same way by
 * every reader. The guard lists entries with yauzl (the count and offset from the end record), but
 * exceljs loads with JSZip, which reads central records until their signature stops, takes Zip64
 * records only when a 32-bit field is at its maximum, and silently shifts every offset when the
 * directory does not end where the end record begins. A record left out of the count, or a second
 * directory, would then reach exceljs without ever being inflated by the guard: a 600 KB file
 * hiding a 600 MB part this way cost the reader 2 GB. So the layout is checked first, exactly.
 * Submissions are now listed and inflated by one reader (src/read), but the rule stays: a file we
 * accept must read as the same archive in Excel, LibreOffice and any tool that opens it after us.
 */

import { GuardProblem } from "../../core/guard/refusal";

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const EOCD_BYTES = 22;
const LOCATOR_BYTES = 20;
const CENTRAL_BYTES = 46;
const MAX_COMMENT = 0xffff;
const SIGNATURES = [EOCD, ZIP64_EOCD, ZIP64_LOCATOR, CENTRAL];

const damaged = (detail: string): GuardProblem => ({ code: "corrupt", detail });

const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x800;
const UNICODE_PATH_FIELD = 0x7075;
const ZIP64_FIELD = 0x0001;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A part's name must read the same to yauzl (the guard) and JSZip (exceljs): yauzl takes it from the
 * directory, JSZip from the local header; without the UTF-8 flag yauzl decodes cp437 and JSZip UTF-8,
 * overlong forms and all; each honours the Unicode Path field differently. A part named a picture in
 * the directory but xl/sharedStrings.xml in its header passed the guard as a picture and cost the
 * reader 520 MB. So: the same bytes in both places, plain ASCII or flagged valid UTF-8, no Unicode Path.
 */
function judgeName(bytes: Uint8Array, view: DataView, central: number): GuardProblem | undefined {
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const extraStart = central + CENTRAL_BYTES + u16(central + 28);
  const extraEnd = Math.min(extraStart + u16(central + 30), bytes.length);
  const name = bytes.subarray(central + CENTRAL_BYTES, extraStart);
  const shown = String.fromCharCode(...name.subarray(0, 200).filter((b) => b >= 0x20 && b < 0x7f));

  if (!name.every((b) => b >= 0x20 && b < 0x7f)) {
    const flagged = (u16(central + 8) & UTF8_FLAG) !== 0;
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
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + u16(at + 2)) {
    const id = u16(at);
    if (id === UNICODE_PATH_FIELD) return damaged(`部件 ${shown} 带有另一种写法的名称`);
    if (ids.has(id)) return damaged(`部件 ${shown} 的附加记录重复`);
    ids.add(id);
  }

  const local = localHeaderOffset(view, central);
  const localName =
    local + 30 <= bytes.length && u32(local) === LOCAL
      ? bytes.subarray(local + 30, local + 30 + u16(local + 26))
      : undefined;
  if (!localName || localName.length !== name.length || !localName.every((b, i) => b === name[i]))
    return damaged(`部件 ${shown} 的本地记录与目录记录不符`);
  return undefined;
}

/**
 * Undefined when the archive is laid out the one way both readers agree on, or when there is no end
 * record at all (the zip reader reports that damage itself); else the problem.
 */
export function judgeZipLayout(bytes: Uint8Array): GuardProblem | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const signatureAt = (at: number, sig: number) => at >= 0 && at + 4 <= bytes.length && u32(at) === sig;

  // The last end record, searched as yauzl does; JSZip searches to the very end, so no signature may follow it.
  let eocd = -1;
  for (let at = bytes.length - EOCD_BYTES; at >= Math.max(0, bytes.length - EOCD_BYTES - MAX_COMMENT); at--) {
    if (signatureAt(at, EOCD)) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  if (u16(eocd + 20) !== bytes.length - eocd - EOCD_BYTES) return damaged("压缩包结尾记录之后有多余的数据");
  for (let at = eocd + 4; at + 4 <= bytes.length; at++)
    if (SIGNATURES.some((sig) => signatureAt(at, sig))) return damaged("压缩包的注释中藏有目录记录");

  // yauzl takes Zip64 values whenever a locator precedes the end record; JSZip only when a field is at its maximum.
  const locator = eocd - LOCATOR_BYTES;
  const hasLocator = signatureAt(locator, ZIP64_LOCATOR);
  const saturated =
    [4, 6, 8, 10].some((o) => u16(eocd + o) === 0xffff) || [12, 16].some((o) => u32(eocd + o) === 0xffffffff);
  if (hasLocator !== saturated) return damaged("压缩包的 Zip64 结尾记录与普通结尾记录不一致");

  let count: number;
  let size: number;
  let start: number;
  let end: number;
  if (hasLocator) {
    const record = u64(locator + 8);
    if (!signatureAt(record, ZIP64_EOCD) || record + 56 > bytes.length)
      return damaged("压缩包的 Zip64 结尾记录位置不对");
    if (record + 12 + u64(record + 4) !== locator) return damaged("压缩包的 Zip64 结尾记录长度不对");
    count = u64(record + 32);
    size = u64(record + 40);
    start = u64(record + 48);
    end = record;
  } else {
    count = u16(eocd + 10);
    size = u32(eocd + 12);
    start = u32(eocd + 16);
    end = eocd;
  }
  if (start + size !== end) return damaged("压缩包目录的位置或长度与结尾记录不符");

  // Every record in the directory, as JSZip walks it: exactly `count` of them, filling it exactly.
  const records: number[] = [];
  let at = start;
  while (at + CENTRAL_BYTES <= end && signatureAt(at, CENTRAL)) {
    records.push(at);
    at += CENTRAL_BYTES + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  if (records.length !== count) return damaged(`压缩包目录中有 ${records.length} 条记录，结尾记录却写着 ${count} 条`);
  if (at !== end) return damaged("压缩包目录的长度与结尾记录不符");

  // Records sharing one local header are Fifield's overlapping bomb: a small file, every part the same data.
  const locals = new Set<number>();
  for (const record of records) {
    const local = localHeaderOffset(view, record);
    if (locals.has(local)) return { code: "zip_bomb", detail: "压缩包中有多个部件指向同一段数据（重叠构造）" };
    locals.add(local);
  }
  for (const record of records) {
    const problem = judgeName(bytes, view, record);
    if (problem) return problem;
  }
  return undefined;
}

/** Where a central record's local header is: its offset field, or the Zip64 field when that says 0xFFFFFFFF. */
function localHeaderOffset(view: DataView, central: number): number {
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const offset = u32(central + 42);
  if (offset !== 0xffffffff) return offset;
  const extraStart = central + CENTRAL_BYTES + u16(central + 28);
  const extraEnd = Math.min(extraStart + u16(central + 30), view.byteLength);
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + u16(at + 2)) {
    if (u16(at) !== ZIP64_FIELD) continue;
    // Sizes come first in the Zip64 field, each only when its own field is 0xFFFFFFFF.
    const skip = (u32(central + 24) === 0xffffffff ? 8 : 0) + (u32(central + 20) === 0xffffffff ? 8 : 0);
    if (at + 4 + skip + 8 <= extraEnd) return Number(view.getBigUint64(at + 4 + skip, true));
  }
  return offset;
}
