/**
 * Copies of units' files that a master carries (multi-level 汇总: unit file → district master → city
 * master): how their chain is written and read back, and how a copy is named when a master is taken
 * in. The master shows the unit's own file under 来源文件 (its SHA-256 beside it is that file's) and
 * the masters under 来源总表, in the order the copy travelled: one column a bureau filters by district.
 */
import type { CarriedCopy, SourceFile } from "./model";

/** Between two masters in 来源总表: the way the copy travelled. */
export const CHAIN_SEPARATOR = " → ";
/** Between the parts of a copy's SourceFile.path: the outermost master first, the unit's file last. */
const PATH_SEPARATOR = " › ";

/** The path of a carried copy: unique in a merge, since the last master of `via` is one of its inputs. */
export function carriedPath(copy: CarriedCopy): string {
  return [...copy.via].reverse().concat(copy.file).join(PATH_SEPARATOR);
}

/** A file's name without folders (either separator: a path from Windows or from a browser). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** 来源文件 as the master shows it: the unit's own file, for a copy too. */
export function shownFile(source: SourceFile): string {
  return source.carried?.file ?? source.path;
}

/** 来源总表 as the master shows it; null for a file read directly. */
export function chainText(source: SourceFile): string | null {
  return source.carried ? source.carried.via.join(CHAIN_SEPARATOR) : null;
}

/** A unit's file as a master's sheets give it: 来源文件, and 来源总表 when the master holds a copy. */
export function sourceOfShown(
  file: string,
  chain: string | null,
  sha256: string | null,
): SourceFile & { readonly sha256: string | null } {
  const base = { name: baseName(file), sha256, modified: null };
  if (chain === null || chain === "") return { path: file, ...base };
  const carried: CarriedCopy = { via: chain.split(CHAIN_SEPARATOR), file };
  return { path: carriedPath(carried), ...base, carried };
}

/**
 * A unit's file of master `masterPath` as this merge knows it: a copy that came through that master
 * too. `modified` is the master's own date (no later than any file it merged), so of two masters'
 * copies of one unit on the same 填报日期 the later master's wins.
 */
export function carriedThrough<S extends SourceFile>(source: S, masterPath: string, modified: string | null): S {
  const carried: CarriedCopy = {
    via: [...(source.carried?.via ?? []), masterPath],
    file: shownFile(source),
  };
  return { ...source, path: carriedPath(carried), modified, carried };
}

/** How many masters a copy came through (0: the file itself). */
export const hops = (source: Pick<SourceFile, "carried">): number => source.carried?.via.length ?? 0;
