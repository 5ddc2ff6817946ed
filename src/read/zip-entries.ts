/**
 * The zip's central directory as a list of entries, read without inflating anything. Runs after
 * judgeZipLayout (src/core/guard/zip-layout.ts) has proved that the end records and the directory
 * describe one archive, so this only has to read it — and to refuse what a zip library would.
 */
import type { GuardProblem } from "../core/guard";
import type { ZipEntryInfo } from "./guard";

export interface ZipEntry extends ZipEntryInfo {
  readonly crc32: number;
  /** Where the part's compressed bytes start and end in the file. */
  readonly dataStart: number;
  readonly dataEnd: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder("utf-8");

const corrupt = (detail?: string): GuardProblem => (detail ? { code: "corrupt", detail } : { code: "corrupt" });

/** The last end record within the comment window, as judgeZipLayout finds it; -1 when there is none. */
function endRecord(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--)
    if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}

/** The Zip64 extra field's values, each present only when its 32-bit field is saturated. */
function zip64Values(
  view: DataView,
  extraStart: number,
  extraEnd: number,
  wanted: readonly boolean[],
): (number | undefined)[] {
  const out: (number | undefined)[] = wanted.map(() => undefined);
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue;
    let p = at + 4;
    wanted.forEach((w, i) => {
      if (!w || p + 8 > extraEnd) return;
      out[i] = Number(view.getBigUint64(p, true));
      p += 8;
    });
  }
  return out;
}

/** A part name that would escape the package (absolute, a drive, "..") is damage, as zip libraries say. */
function unsafeName(name: string): boolean {
  return /^([a-zA-Z]:|\/)/.test(name) || name.split("/").includes("..");
}

/** Every central-directory record, or the damage that stops a zip library from listing them. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | GuardProblem {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endRecord(view);
  if (eocd < 0) return corrupt();
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) return corrupt();
  let count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(eocd - 20 + 8, true));
    count = Number(view.getBigUint64(record + 32, true));
    at = Number(view.getBigUint64(record + 48, true));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return corrupt();
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraStart = at + 46 + nameLength;
    const extraEnd = extraStart + view.getUint16(at + 30, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    let local = view.getUint32(at + 42, true);
    const [u, c, o] = zip64Values(view, extraStart, Math.min(extraEnd, bytes.length), [
      uncompressedSize === 0xffffffff,
      compressedSize === 0xffffffff,
      local === 0xffffffff,
    ]);
    uncompressedSize = u ?? uncompressedSize;
    compressedSize = c ?? compressedSize;
    local = o ?? local;
    const name = utf8.decode(bytes.subarray(at + 46, extraStart)).replace(/\\/g, "/");
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    if (unsafeName(name)) return corrupt();
    if (method === 0 && (flags & 0x1) === 0 && compressedSize !== uncompressedSize) return corrupt();
    at = extraEnd + view.getUint16(at + 32, true);

    let dataStart = -1;
    if (local + 30 <= bytes.length && view.getUint32(local, true) === LOCAL)
      dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({
      name,
      compressedSize,
      uncompressedSize,
      compressionMethod: method,
      encrypted: (flags & 0x1) !== 0,
      crc32: crc,
      dataStart,
      dataEnd: dataStart < 0 ? -1 : dataStart + compressedSize,
    });
  }
  return entries;
}
