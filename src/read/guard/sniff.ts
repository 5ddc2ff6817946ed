/**
 * What a file is, from its first bytes — never from its extension (units rename files, and an .xlsx
 * called .xls or .txt is still a fine workbook).
 */

export type Magic =
  /** A zip archive with at least one entry: .xlsx, .xlsm, .ods, .docx… */
  | "zip"
  /** A zip archive with no entries at all. */
  | "empty_zip"
  /** An OLE2 compound file: .xls, .doc, or an encrypted .xlsx. */
  | "ole2"
  | "other";

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_SPANNED = [0x50, 0x4b, 0x07, 0x08];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

export function sniffMagic(bytes: Uint8Array): Magic {
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_SPANNED)) return "zip";
  if (startsWith(bytes, ZIP_EMPTY)) return "empty_zip";
  if (startsWith(bytes, OLE2_MAGIC)) return "ole2";
  return "other";
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** Recognisable non-spreadsheet kinds, for a more helpful message (Chinese, shown in brackets). */
const KNOWN_OTHER: readonly { readonly magic: readonly number[]; readonly what: string }[] = [
  { magic: ascii("%PDF"), what: "这是 PDF 文件" },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: "这是 PNG 图片" },
  { magic: [0xff, 0xd8, 0xff], what: "这是 JPEG 图片" },
  { magic: ascii("GIF8"), what: "这是 GIF 图片" },
  { magic: ascii("Rar!"), what: "这是 RAR 压缩包" },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: "这是 7z 压缩包" },
  { magic: [0x1f, 0x8b], what: "这是 gzip 压缩文件" },
  { magic: ascii("{\\rtf"), what: "这是 RTF 文档" },
];

/**
 * A short Chinese description of a file that is neither zip nor OLE2, or undefined when it is
 * just unknown bytes.
 */
export function describeOther(bytes: Uint8Array): string | undefined {
  for (const k of KNOWN_OTHER) if (startsWith(bytes, k.magic)) return k.what;
  const head = decodeHead(bytes, 2048);
  if (head === undefined) return undefined;
  const lower = head.toLowerCase();
  if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "这是 Excel 2003 XML 表格";
  if (/^\s*(<!doctype html|<html|<table|<meta)/.test(lower)) return "这是网页（HTML）文件";
  if (/^\s*<\?xml/.test(lower)) return "这是 XML 文本文件";
  return "这是纯文本文件（如 .txt 或 .csv）";
}

/** The first bytes as text when they look like text (no control bytes other than white space), else undefined. */
function decodeHead(bytes: Uint8Array, max: number): string | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length, max));
  let start = 0;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) start = 3;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return "";
  for (let i = start; i < head.length; i++) {
    const b = head[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return undefined;
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(head.subarray(start));
}

/**
 * OpenDocument files start with a stored `mimetype` entry (ODF 1.2 §3.3), so an .ods can be told from
 * its first local header without reading the archive. Returns the mimetype text, or undefined.
 */
export function odfMimetypeOfFirstEntry(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, ZIP_LOCAL) || bytes.length < 30) return undefined;
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const u32 = (at: number) => (u16(at) | (u16(at + 2) << 16)) >>> 0;
  const method = u16(8);
  const size = u32(18);
  const nameLength = u16(26);
  const extraLength = u16(28);
  const name = String.fromCharCode(...bytes.subarray(30, 30 + nameLength));
  if (name !== "mimetype" || method !== 0 || size > 200) return undefined;
  const start = 30 + nameLength + extraLength;
  if (bytes.length < start + size) return undefined;
  return String.fromCharCode(...bytes.subarray(start, start + size)).trim();
}

export const ODS_MIMETYPES: readonly string[] = [
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.spreadsheet-template",
];

export function isOdsMimetype(mimetype: string): boolean {
  return ODS_MIMETYPES.includes(mimetype.trim());
}
