/**
 * Which files of a merge are masters' copies (multi-level 汇总), by SourceFile.path: the sheets show
 * such a file's own name under 来源文件 and the masters it came through under 来源总表, a column each
 * list sheet has only when the merge took a master in (a plain merge is not cluttered by it).
 */
import type { ConvertibleFormat } from "../guard/conversion";
import { chainText, shownFile } from "../merge/carried";
import type { MergeResult, SourceFile } from "../merge/model";
import { fileWithConversion } from "../words";
import type { MasterColumn } from "./columns";
import { PROVENANCE_HEADERS, PROVENANCE_WIDTHS } from "./labels";

export type CarriedSources = ReadonlyMap<string, SourceFile>;

export function carriedSources(result: MergeResult): CarriedSources {
  const out = new Map<string, SourceFile>();
  for (const s of [...result.units, ...result.superseded, ...result.skipped].map((x) => x.source))
    if (s.carried) out.set(s.path, s);
  return out;
}

/** The files of a merge that were read converted (by path), so every line naming one says so. */
export function convertedFiles(result: MergeResult): ReadonlyMap<string, ConvertibleFormat> {
  const sources = [
    ...result.units.map((u) => u.source),
    ...result.superseded.map((f) => f.source),
    ...result.skipped.map((f) => f.source),
    ...result.unreadable.map((f) => f.source),
  ];
  return new Map(sources.flatMap((s) => (s.convertedFrom ? [[s.path, s.convertedFrom] as const] : [])));
}

/**
 * 来源文件 (saying 由 .xls 转换 for a file read converted) and, when some file is a copy, 来源总表
 * beside it, for rows that name a file by its path.
 */
export function fileColumns<R>(
  sources: CarriedSources,
  pathOf: (row: R) => string,
  converted: ReadonlyMap<string, ConvertibleFormat> = new Map(),
): MasterColumn<R>[] {
  const file: MasterColumn<R> = {
    header: PROVENANCE_HEADERS.file,
    width: PROVENANCE_WIDTHS.file,
    wrap: true,
    value: (r) => {
      const s = sources.get(pathOf(r));
      return fileWithConversion(s ? shownFile(s) : pathOf(r), converted.get(pathOf(r)));
    },
  };
  if (sources.size === 0) return [file];
  const via: MasterColumn<R> = {
    header: PROVENANCE_HEADERS.via,
    width: PROVENANCE_WIDTHS.file,
    wrap: true,
    value: (r) => {
      const s = sources.get(pathOf(r));
      return s ? chainText(s) : null;
    },
  };
  return [file, via];
}
