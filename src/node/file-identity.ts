/**
 * Whether two paths name one file, however they are written (Node adapter): through a symbolic link
 * to its folder, `./` and `../` detours, another letter case on a case-insensitive file system, a
 * hard link. Strings cannot tell; the file system's own identity can.
 */
import { promises as fs } from "fs";
import * as path from "path";

/** A file's device and inode (on Windows: volume serial and file id), exact as bigints. */
export interface FileNode {
  readonly dev: bigint;
  readonly ino: bigint;
}

export interface FileIdentity {
  /** The real path: links and detours resolved; for a file not made yet, its nearest existing folder's real path plus the rest. */
  readonly real: string;
  /** Device and inode of an existing file (links followed); undefined for one not made yet. */
  readonly node?: FileNode;
}

/** The device and inode of what `file` names (links followed), or undefined when it names nothing. */
export async function nodeOf(file: string): Promise<FileNode | undefined> {
  const stat = await fs.stat(file, { bigint: true }).catch(() => undefined);
  return stat && { dev: stat.dev, ino: stat.ino };
}

/** The identity of `file` (an absolute path), whether or not it exists yet. */
export async function identityOf(file: string): Promise<FileIdentity> {
  const node = await nodeOf(file);
  // The nearest part of the path that exists is resolved; the names below it are kept as written.
  let existing = file;
  const rest: string[] = [];
  for (;;) {
    const real = await fs.realpath(existing).catch(() => undefined);
    if (real !== undefined) return { real: path.join(real, ...rest), ...(node ? { node } : {}) };
    if (path.dirname(existing) === existing) return { real: file, ...(node ? { node } : {}) };
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
}

/**
 * Some file systems (FAT, some network shares) report no inode (0): then the real paths decide.
 * Two names of one existing file share device and inode even where their spellings differ.
 */
export function sameNode(a: FileNode | undefined, b: FileNode | undefined): boolean {
  return a !== undefined && b !== undefined && a.ino !== 0n && a.dev === b.dev && a.ino === b.ino;
}

/** Whether two identities name the same file: by device and inode when both exist, else by real path. */
export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return sameNode(a.node, b.node) || a.real === b.real;
}
