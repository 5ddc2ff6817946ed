/**
 * The files named on a command line (Node adapter): each argument is a file or a folder; folders are
 * walked recursively. Used by `check` and `merge` so both see the same files in the same order.
 *
 * Inside a folder, a symbolic link is followed only when it leads to somewhere inside one of the
 * folders given on the command line: a submissions folder (unpacked from mail, copied from a share)
 * may carry a link to anywhere on the machine, and reading or naming what it points at is not what
 * the user asked for. Such a link is an entry of its own, so the command can say it was not read.
 * A link given on the command line itself is followed: the user named it.
 */
import { promises as fs, type Dirent } from "fs";
import * as path from "path";
import { identityOf, nodeOf, sameFile, type FileIdentity } from "./file-identity";

/** One thing to read: a file (regular, or whatever else the path names), or a path that cannot be listed. */
export type InputEntry =
  | { readonly kind: "file"; readonly path: string; readonly display: string }
  | {
      readonly kind: "missing";
      readonly path: string;
      readonly display: string;
      /** not_found: nothing at that path (or a dangling link); no_access: a folder we may not list. */
      readonly code: "not_found" | "no_access";
    }
  | {
      /** A symbolic link inside a folder that leads outside the folders given: not read. */
      readonly kind: "outside_link";
      readonly path: string;
      readonly display: string;
      /** The real path it leads to. */
      readonly target: string;
    };

/** A link inside a folder that leads outside the folders given: reported, never read. */
export type OutsideLink = Extract<InputEntry, { kind: "outside_link" }>;
/** A file to read, or a path that named nothing readable (a result of its own). */
export type ReadableEntry = Exclude<InputEntry, OutsideLink>;

/** Byte-wise name order: the same on every machine and locale, unlike localeCompare. */
const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const isAccessError = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "EACCES" || code === "EPERM";
};

/** A folder's key among those walked: device and inode, or its real path where the file system gives no inode. */
const folderKey = (id: FileIdentity) => (id.node && id.node.ino !== 0n ? `${id.node.dev}:${id.node.ino}` : id.real);

interface Walk {
  /** The folders given on the command line. */
  readonly roots: readonly FileIdentity[];
  /** Folders already walked (folderKey): a link back to an ancestor is not walked again. */
  readonly seen: Set<string>;
}

/** Whether `real` (a real path) is one of the given folders or lies below one, compared by identity, not spelling. */
async function isInsideRoots(real: string, roots: readonly FileIdentity[]): Promise<boolean> {
  for (let dir = real; ; dir = path.dirname(dir)) {
    const here: FileIdentity = { real: dir, node: await nodeOf(dir) };
    if (roots.some((root) => sameFile(root, here))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** One name in a folder: its entries (a folder's files, the file itself, the link's verdict), or none. */
async function* walkChild(dirent: Dirent, full: string, display: string, walk: Walk): AsyncGenerator<InputEntry> {
  let isDirectory = dirent.isDirectory();
  let isFile = dirent.isFile();
  if (dirent.isSymbolicLink()) {
    const target = await fs.realpath(full).catch(() => undefined);
    const stat = target === undefined ? undefined : await fs.stat(target).catch(() => undefined);
    if (target === undefined || !stat) {
      yield { kind: "missing", path: full, display, code: "not_found" };
      return;
    }
    if (!(await isInsideRoots(target, walk.roots))) {
      yield { kind: "outside_link", path: full, display, target };
      return;
    }
    isDirectory = stat.isDirectory();
    isFile = stat.isFile();
  }
  if (isDirectory) yield* walkFolder(full, display, walk);
  // Sockets, pipes and devices inside a folder are not submissions; skip them rather than block on a read.
  else if (isFile) yield { kind: "file", path: full, display };
}

/** A folder's files in name order, depth first; each folder once, however many links lead to it. */
async function* walkFolder(full: string, display: string, walk: Walk): AsyncGenerator<InputEntry> {
  const key = folderKey(await identityOf(full));
  if (walk.seen.has(key)) return;
  walk.seen.add(key);
  let dirents: Dirent[];
  try {
    dirents = (await fs.readdir(full, { withFileTypes: true })).sort(byName);
  } catch (e) {
    yield { kind: "missing", path: full, display, code: isAccessError(e) ? "no_access" : "not_found" };
    return;
  }
  for (const dirent of dirents)
    yield* walkChild(dirent, path.join(full, dirent.name), path.join(display, dirent.name), walk);
}

/**
 * Every input in the order given; a folder is replaced by its files (sorted, recursively). Relative
 * paths are resolved from `cwd`; `display` is the path as the user wrote it (joined with the names
 * found below a folder). A path given explicitly that is not a folder is yielded as a file even if it
 * is a device or pipe, so the reader can say what it is.
 */
export async function* expandInputs(inputs: readonly string[], cwd: string): AsyncGenerator<InputEntry> {
  const given = await Promise.all(
    inputs.map(async (input) => {
      const full = path.resolve(cwd, input);
      const stat = await fs
        .stat(full, { bigint: true })
        .catch((e: unknown) => (isAccessError(e) ? ("no_access" as const) : undefined));
      return { input, full, stat };
    }),
  );
  const folders = given.filter(({ stat }) => typeof stat === "object" && stat.isDirectory());
  const roots = await Promise.all(folders.map(({ full }) => identityOf(full)));
  const walk: Walk = { roots, seen: new Set() };
  for (const { input, full, stat } of given) {
    if (stat === undefined || stat === "no_access")
      yield { kind: "missing", path: full, display: input, code: stat ?? "not_found" };
    else if (stat.isDirectory()) yield* walkFolder(full, input, walk);
    else yield { kind: "file", path: full, display: input };
  }
}
