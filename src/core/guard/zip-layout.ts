/**
 * The zip's end records and central directory must describe one archive, read the same way by
 * every reader. The guard lists entries with yauzl (the count and offset from the end record), but
 * exceljs loads with JSZip, which reads central records until their signature stops, takes Zip64
 * records only when a 32-bit field is at its maximum, and silently shifts every offset when the
 * directory does not end where the end record begins. A record left out of the count, or a second
 * directory, would then reach exceljs without ever being inflated by the guard: a 600 KB file
 * hiding a 600 MB part this way cost the reader 2 GB. So the layout is checked first, exactly.
 */

import { GuardProblem } from "./refusal";

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
  const saturated = [4, 6, 8, 10].some((o) => u16(eocd + o) === 0xffff) || [12, 16].some((o) => u32(eocd + o) === 0xffffffff);
  if (hasLocator !== saturated) return damaged("压缩包的 Zip64 结尾记录与普通结尾记录不一致");

  let count: number;
  let size: number;
  let start: number;
  let end: number;
  if (hasLocator) {
    const record = u64(locator + 8);
    if (!signatureAt(record, ZIP64_EOCD) || record + 56 > bytes.length) return damaged("压缩包的 Zip64 结尾记录位置不对");
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
  let at = start;
  let walked = 0;
  while (at + CENTRAL_BYTES <= end && signatureAt(at, CENTRAL)) {
    at += CENTRAL_BYTES + u16(at + 28) + u16(at + 30) + u16(at + 32);
    walked++;
  }
  if (walked !== count) return damaged(`压缩包目录中有 ${walked} 条记录，结尾记录却写着 ${count} 条`);
  if (at !== end) return damaged("压缩包目录的长度与结尾记录不符");
  return undefined;
}
