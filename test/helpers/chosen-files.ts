/** The example reports (examples/reports, folders included) as the pane's chosen files, read from disk. */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import type { JobFile } from "../../src/taskpane/merge/job";

export const EXAMPLES = path.resolve(__dirname, "../../examples");

let nextId = 1000;

/** A file as the pane's job receives it (the browser gives a File, which is a Blob). */
export function jobFile(filePath: string, relative = path.basename(filePath)): JobFile {
  const stat = statSync(filePath);
  return {
    id: nextId++,
    name: path.basename(filePath),
    path: relative,
    size: stat.size,
    modified: stat.mtime.toISOString(),
    blob: new Blob([readFileSync(filePath)]),
  };
}

/** A roster file as the pane hands it to the roster intake (src/intake/roster.ts). */
export function rosterFile(filePath: string) {
  return {
    name: path.basename(filePath),
    size: statSync(filePath).size,
    read: async () => new Uint8Array(readFileSync(filePath)),
  };
}

/** Every file below `dir`, as a folder chosen with webkitdirectory gives them (paths start with the folder's name). */
export function jobFolder(dir = path.join(EXAMPLES, "reports")): JobFile[] {
  const out: JobFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(jobFile(p, path.join(path.basename(dir), path.relative(dir, p)).split(path.sep).join("/")));
    }
  };
  walk(dir);
  return out;
}
