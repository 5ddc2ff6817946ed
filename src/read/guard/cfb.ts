/**
 * Just enough of the OLE2 compound file format (MS-CFB) to list the names in its directory. An
 * .xlsx with an open password is not a zip at all but an OLE2 file holding `EncryptionInfo` and
 * `EncryptedPackage` streams; a legacy .xls holds a `Workbook` (or `Book`) stream; a .doc holds
 * `WordDocument`. Reading the names tells these apart without any decryption.
 */

import { OLE2_MAGIC } from "./sniff";

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIR_ENTRY_BYTES = 128;
const HEADER_DIFAT_ENTRIES = 109;

/**
 * Names of the storages and streams in the compound file's directory, or undefined when the
 * header or the directory chain cannot be followed (truncated or damaged file).
 * Every loop is bounded by the number of sectors in the file, so hostile chains cannot spin.
 */
export function cfbDirectoryNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 512 || !OLE2_MAGIC.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const inFile = (n: number) => n <= MAX_REGULAR_SECTOR && sectorOffset(n) + sectorSize <= bytes.length;

  const fatSectors = fatSectorList(u32, inFile, sectorOffset, sectorSize, sectorCount);
  if (fatSectors === undefined) return undefined;
  const perSector = sectorSize / 4;
  const next = (n: number): number | undefined => {
    const fatSector = fatSectors[Math.floor(n / perSector)];
    return fatSector === undefined ? undefined : u32(sectorOffset(fatSector) + (n % perSector) * 4);
  };

  const names: string[] = [];
  const seen = new Set<number>();
  let sector = u32(0x30);
  while (sector !== END_OF_CHAIN) {
    if (!inFile(sector) || seen.has(sector) || seen.size > sectorCount) return undefined;
    seen.add(sector);
    const base = sectorOffset(sector);
    for (let at = base; at < base + sectorSize; at += DIR_ENTRY_BYTES) {
      const type = bytes[at + 66];
      const nameBytes = view.getUint16(at + 64, true);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = "";
      for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
      names.push(name);
    }
    const following = next(sector);
    if (following === undefined) return undefined;
    sector = following;
  }
  return names;
}

/** Sectors holding the FAT: the first 109 are listed in the header, the rest in the DIFAT chain. */
function fatSectorList(
  u32: (at: number) => number,
  inFile: (n: number) => boolean,
  sectorOffset: (n: number) => number,
  sectorSize: number,
  sectorCount: number,
): number[] | undefined {
  const fatCount = u32(0x2c);
  if (fatCount > sectorCount) return undefined;
  const list: number[] = [];
  for (let i = 0; i < Math.min(fatCount, HEADER_DIFAT_ENTRIES); i++) list.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  const seen = new Set<number>();
  while (list.length < fatCount) {
    if (!inFile(difat) || seen.has(difat)) return undefined;
    seen.add(difat);
    const base = sectorOffset(difat);
    const entries = sectorSize / 4 - 1;
    for (let i = 0; i < entries && list.length < fatCount; i++) list.push(u32(base + i * 4));
    difat = u32(base + entries * 4);
  }
  return list.every(inFile) ? list : undefined;
}

/** UTF-16LE bytes of `text`, for a raw scan when the directory cannot be followed. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (
    let i = haystack.indexOf(first);
    i !== -1 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export const ENCRYPTION_STREAMS: readonly string[] = ["EncryptionInfo", "EncryptedPackage"];

export type Ole2Kind =
  | { readonly kind: "encrypted" }
  | { readonly kind: "legacy_xls" }
  | { readonly kind: "other_office"; readonly what: string };

/** What an OLE2 file holds, judged from its directory names (see the module comment). */
export function classifyOle2(bytes: Uint8Array): Ole2Kind {
  const names = cfbDirectoryNames(bytes);
  if (names === undefined) {
    // A damaged directory: fall back to looking for the encryption stream names anywhere.
    const encrypted = ENCRYPTION_STREAMS.some((n) => contains(bytes, utf16le(n)));
    return encrypted ? { kind: "encrypted" } : { kind: "legacy_xls" };
  }
  if (names.some((n) => ENCRYPTION_STREAMS.includes(n))) return { kind: "encrypted" };
  if (names.includes("Workbook") || names.includes("Book")) return { kind: "legacy_xls" };
  if (names.includes("WordDocument")) return { kind: "other_office", what: "这是 Word 97-2003 文档（.doc）" };
  if (names.includes("PowerPoint Document"))
    return { kind: "other_office", what: "这是 PowerPoint 97-2003 演示文稿（.ppt）" };
  return { kind: "other_office", what: "这是 Office 97-2003 格式的其他文件" };
}
