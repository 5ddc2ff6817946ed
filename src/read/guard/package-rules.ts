/**
 * Rules on a zip's central directory (listed without inflating anything) and on the few small
 * parts that say what kind of package it is. Declared sizes are only claims: InflationBudget
 * checks the bytes inflation really produces.
 */

import { formatBytes, GuardLimits } from "../../core/guard/limits";
import { GuardProblem } from "../../core/guard/refusal";
import { isOdsMimetype } from "./sniff";

/** One central-directory record, as any zip lister (yauzl, fflate, a hand parser) reports it. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  /** Declared, not yet proven. */
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflated; nothing else occurs in Office files. */
  readonly compressionMethod: number;
  /** General-purpose flag bit 0 (zip-level password). */
  readonly encrypted: boolean;
}

export const CONTENT_TYPES_PART = "[Content_Types].xml";
export const WORKBOOK_PART = "xl/workbook.xml";
export const VBA_PART = "xl/vbaProject.bin";
export const ODF_MIMETYPE_PART = "mimetype";
export const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";

/** Small parts whose text decides the package kind; the adapter keeps these while inflating. */
export const PARTS_TO_INSPECT: readonly string[] = [CONTENT_TYPES_PART, ODF_MIMETYPE_PART, WORKBOOK_RELS_PART];
/** Longest text kept of an inspected part: enough for any real [Content_Types].xml. */
export const MAX_INSPECTED_PART_BYTES = 1024 * 1024;

const isDirectory = (e: ZipEntryInfo) => e.name.endsWith("/");

/** Refuse by the central directory's entry count alone, before reading the records. */
export function judgeEntryCount(count: number, limits: GuardLimits): GuardProblem | undefined {
  if (count > limits.maxEntries)
    return { code: "zip_bomb", detail: `压缩包内有 ${count} 个部件，上限 ${limits.maxEntries} 个` };
  return undefined;
}

/** Caps on what the central directory declares: count, sizes, ratio; and records that cannot be read. */
export function judgeEntries(entries: readonly ZipEntryInfo[], limits: GuardLimits): GuardProblem | undefined {
  const tooMany = judgeEntryCount(entries.length, limits);
  if (tooMany) return tooMany;
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    // Names differing only in ASCII case are one part (OPC); Excel refuses such a package, readers pick either.
    const key = e.name.replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (names.has(key)) return { code: "corrupt", detail: `压缩包内有重名的部件 ${e.name}` };
    names.add(key);
    if (e.encrypted) return { code: "encrypted" };
    if (isDirectory(e)) continue;
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8)
      return { code: "corrupt", detail: `部件 ${e.name} 使用了无法识别的压缩方式` };
    if (e.uncompressedSize > limits.maxEntryBytes)
      return {
        code: "zip_bomb",
        detail: `部件 ${e.name} 解压后为 ${formatBytes(e.uncompressedSize)}，上限 ${formatBytes(limits.maxEntryBytes)}`,
      };
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes)
      return { code: "zip_bomb", detail: `解压后合计超过 ${formatBytes(limits.maxTotalBytes)} 的上限` };
    if (e.uncompressedSize >= limits.ratioMinBytes) {
      const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
      if (ratio > limits.maxRatio)
        return {
          code: "zip_bomb",
          detail: `部件 ${e.name} 的压缩比为 ${Math.round(ratio)}:1，上限 ${limits.maxRatio}:1`,
        };
    }
  }
  return undefined;
}

/** What a zip is, judged from its part names alone. */
export type PackageKind =
  | { readonly kind: "xlsx"; readonly macroEnabled: boolean }
  /** OpenDocument: the `mimetype` part says whether it is a spreadsheet. */
  | { readonly kind: "odf" };

export function classifyByNames(names: readonly string[]): PackageKind | GuardProblem {
  const has = (n: string) => names.includes(n);
  if (has(CONTENT_TYPES_PART) && has(WORKBOOK_PART)) return { kind: "xlsx", macroEnabled: has(VBA_PART) };
  if (has("xl/workbook.bin")) return { code: "not_spreadsheet", detail: "这是 Excel 二进制工作簿（.xlsb）" };
  if (has("word/document.xml")) return { code: "not_spreadsheet", detail: "这是 Word 文档（.docx）" };
  if (has("ppt/presentation.xml")) return { code: "not_spreadsheet", detail: "这是 PowerPoint 演示文稿（.pptx）" };
  if (has(ODF_MIMETYPE_PART) && has("content.xml")) return { kind: "odf" };
  return { code: "not_spreadsheet", detail: "这是一个普通压缩包，里面没有 Excel 工作簿" };
}

/** Content types of a workbook part: ordinary, template, and the macro-enabled kinds. */
const WORKBOOK_CONTENT_TYPE =
  /application\/vnd\.(openxmlformats-officedocument\.spreadsheetml|ms-excel)\.[a-z.]*main\+xml/i;
const MACRO_CONTENT_TYPE = /application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled/i;

export interface PackageVerdict {
  readonly macroEnabled: boolean;
}

const WORKSHEET_RELATIONSHIP = /\/relationships\/worksheet$/;

/** A relationship's target as a part name: relative to xl/ unless it starts with "/". */
function workbookTarget(target: string): string {
  const segments: string[] = target.startsWith("/") ? [] : ["xl"];
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "" && s !== ".") segments.push(s);
  }
  return segments.join("/");
}

/**
 * Worksheets the workbook's relationships name whose part is not in the package. exceljs drops such
 * a sheet without a word, and the report would then look like some other workbook, not a damaged one.
 */
export function missingWorksheetParts(workbookRels: string, names: readonly string[]): string[] {
  const present = new Set(names);
  const missing: string[] = [];
  for (const m of workbookRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    const attr = (n: string) =>
      new RegExp(`\\s${n}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    const type = attr("Type");
    const target = attr("Target");
    if (!type || !target || !WORKSHEET_RELATIONSHIP.test(type) || attr("TargetMode") === "External") continue;
    const part = workbookTarget(target);
    if (!present.has(part)) missing.push(part);
  }
  return missing;
}

/**
 * Final word on the package from its inspected parts (text of those in PARTS_TO_INSPECT that exist)
 * and, when given, the names of all its parts. A macro-enabled workbook is accepted — only its
 * values are read — and flagged.
 */
export function judgePackage(
  kind: PackageKind,
  parts: ReadonlyMap<string, string>,
  names?: readonly string[],
): PackageVerdict | GuardProblem {
  if (kind.kind === "odf") {
    const mimetype = parts.get(ODF_MIMETYPE_PART) ?? "";
    if (isOdsMimetype(mimetype)) return { code: "ods" };
    return { code: "not_spreadsheet", detail: "这是 OpenDocument 格式的其他文件" };
  }
  const contentTypes = parts.get(CONTENT_TYPES_PART) ?? "";
  if (!WORKBOOK_CONTENT_TYPE.test(contentTypes))
    return { code: "not_spreadsheet", detail: "文件内容类型中没有 Excel 工作簿" };
  const missing = names ? missingWorksheetParts(parts.get(WORKBOOK_RELS_PART) ?? "", names) : [];
  if (missing.length > 0) return { code: "corrupt", detail: `缺少工作表部件 ${missing.join("、")}` };
  return { macroEnabled: kind.macroEnabled || MACRO_CONTENT_TYPE.test(contentTypes) };
}

export function isProblem(v: object): v is GuardProblem {
  return "code" in v;
}

/**
 * Counts bytes that inflation really produces, part by part. A part may not give more than it
 * declared (a lying record is how bombs slip past the directory checks) nor more than the caps.
 */
export class InflationBudget {
  private total = 0;
  constructor(private readonly limits: GuardLimits) {}

  /** Call for every chunk of `entry`, with the bytes produced so far for that entry. */
  check(entry: ZipEntryInfo, producedForEntry: number, chunk: number): GuardProblem | undefined {
    this.total += chunk;
    if (producedForEntry > entry.uncompressedSize) return this.overDeclared(entry);
    if (producedForEntry > this.limits.maxEntryBytes || this.total > this.limits.maxTotalBytes)
      return { code: "zip_bomb", detail: `解压后合计超过 ${formatBytes(this.limits.maxTotalBytes)} 的上限` };
    return undefined;
  }

  /** The zip library's own count caught `entry` giving more than it declared. */
  overDeclared(entry: ZipEntryInfo): GuardProblem {
    return {
      code: "zip_bomb",
      detail: `部件 ${entry.name} 实际解压出的数据多于记录的 ${formatBytes(entry.uncompressedSize)}`,
    };
  }

  /** Call when an entry's stream ends: fewer bytes than declared means a damaged part. */
  finish(entry: ZipEntryInfo, producedForEntry: number): GuardProblem | undefined {
    if (producedForEntry !== entry.uncompressedSize)
      return { code: "corrupt", detail: `部件 ${entry.name} 的数据不完整` };
    return undefined;
  }

  get produced(): number {
    return this.total;
  }
}
