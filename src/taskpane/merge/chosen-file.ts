/**
 * The browser's Files as the job's files: each gets an id of its own, and a shown path that no other
 * chosen file has (two files both called 研学总结.xlsx from different places stay two, with two lines
 * in the list and in 问题清单). A file chosen twice (same path, size and time) is kept once.
 */
import type { JobFile } from "./job";

let nextId = 1;

/** Chosen twice: the same path as given, size and time. */
const sameFileKey = (file: File) => `${givenPath(file)}\u0000${file.size}\u0000${file.lastModified}`;

/** The path as the browser gives it: a file from a chosen folder keeps its folders. */
function givenPath(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}

/** A path not yet shown: “研学总结.xlsx”, then “研学总结.xlsx（第2个）”… */
function unusedPath(path: string, taken: ReadonlySet<string>): string {
  if (!taken.has(path)) return path;
  for (let n = 2; ; n++) if (!taken.has(`${path}（第${n}个）`)) return `${path}（第${n}个）`;
}

export function jobFileOf(file: File, path = givenPath(file)): JobFile {
  return {
    id: nextId++,
    name: file.name,
    path,
    size: file.size,
    modified: file.lastModified ? new Date(file.lastModified).toISOString() : null,
    blob: file,
  };
}

/** `files` with `more` added, in path order (byte order, as the command line reads a folder). */
export function addChosenFiles(files: readonly JobFile[], more: readonly File[]): JobFile[] {
  const seen = new Set(files.map((f) => sameFileKey(f.blob as File)));
  const taken = new Set(files.map((f) => f.path));
  const added: JobFile[] = [];
  for (const file of more) {
    if (seen.has(sameFileKey(file))) continue;
    seen.add(sameFileKey(file));
    const path = unusedPath(givenPath(file), taken);
    taken.add(path);
    added.push(jobFileOf(file, path));
  }
  return [...files, ...added].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
