/** The example reports (examples/reports, folders included) as the pane's ChosenFile, read from disk. */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import type { ChosenFile } from "../../src/taskpane/merge/read-inputs";

export const EXAMPLES = path.resolve(__dirname, "../../examples");

export function chosenFile(filePath: string, relative = path.basename(filePath)): ChosenFile {
  const stat = statSync(filePath);
  return {
    name: path.basename(filePath),
    path: relative,
    size: stat.size,
    modified: stat.mtime.toISOString(),
    bytes: async () => new Uint8Array(readFileSync(filePath)),
  };
}

/** Every file below `dir`, as a folder chosen with webkitdirectory gives them (paths start with the folder's name). */
export function chosenFolder(dir = path.join(EXAMPLES, "reports")): ChosenFile[] {
  const out: ChosenFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(chosenFile(p, path.join(path.basename(dir), path.relative(dir, p)).split(path.sep).join("/")));
    }
  };
  walk(dir);
  return out;
}
