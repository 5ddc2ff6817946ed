/**
 * The files named on a command line (Node adapter): each argument is a file or a folder; folders are
 * walked recursively. Used by `check` and `merge` so both see the same files in the same order.
 */
import { promises as fs } from "fs";
import * as path from "path";

/** One thing to read: a file (regular, or whatever else the path names), or a path that cannot be listed. */
export type InputEntry =
  | { readonly kind: "file"; readonly path: string; readonly display: string }
  | {
      readonly kind: "missing";
      readonly path: string;
      readonly display: string;
      /** not_found: nothing at that path (or a dangling link); no_access: a folder we may not list. */
      readonly code: "not_found" | "no_access";
    };

/** Byte-wise name order: the same on every machine and locale, unlike localeCompare. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isAccessError = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "EACCES" || code === "EPERM";
};

/**
 * A folder's files in name order, depth first. `seen` holds the real paths of folders already walked,
 * so a link back to an ancestor (or to a folder walked before) is not walked again.
 */
async function* walkFolder(full: string, display: string, seen: Set<string>): AsyncGenerator<InputEntry> {
  const real = await fs.realpath(full);
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = (await fs.readdir(full)).sort(byName);
  } catch (e) {
    yield { kind: "missing", path: full, display, code: isAccessError(e) ? "no_access" : "not_found" };
    return;
  }
  for (const name of names) {
    const childFull = path.join(full, name);
    const childDisplay = path.join(display, name);
    // stat follows links: a linked file is read like a file, a linked folder walked like a folder.
    const stat = await fs.stat(childFull).catch(() => undefined);
    if (!stat) yield { kind: "missing", path: childFull, display: childDisplay, code: "not_found" };
    else if (stat.isDirectory()) yield* walkFolder(childFull, childDisplay, seen);
    // Sockets, pipes and devices inside a folder are not submissions; skip them rather than block on a read.
    else if (stat.isFile()) yield { kind: "file", path: childFull, display: childDisplay };
  }
}

/**
 * Every input in the order given; a folder is replaced by its files (sorted, recursively). Relative
 * paths are resolved from `cwd`; `display` is the path as the user wrote it (joined with the names
 * found below a folder). A path given explicitly that is not a folder is yielded as a file even if it
 * is a device or pipe, so the reader can say what it is.
 */
export async function* expandInputs(inputs: readonly string[], cwd: string): AsyncGenerator<InputEntry> {
  const seen = new Set<string>();
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const stat = await fs.stat(full).catch((e: unknown) => (isAccessError(e) ? ("no_access" as const) : undefined));
    if (stat === undefined || stat === "no_access")
      yield { kind: "missing", path: full, display: input, code: stat ?? "not_found" };
    else if (stat.isDirectory()) yield* walkFolder(full, input, seen);
    else yield { kind: "file", path: full, display: input };
  }
}
