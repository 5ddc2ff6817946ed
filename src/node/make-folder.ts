/**
 * Making an output folder that may not exist yet (Node adapter), and removing again exactly what was
 * made when the run ends without its output: the new folders, innermost first, each only while
 * empty. Synchronous, so a caller registers the undo before a signal can be handled in between.
 */
import { mkdirSync, rmdirSync } from "fs";
import * as path from "path";

/** Makes `folder` (and its missing parents); throws when it cannot. Returns how to remove what was made. */
export function makeFolder(folder: string): () => void {
  const made = mkdirSync(folder, { recursive: true });
  return () => {
    if (made === undefined) return;
    for (let dir = folder; dir.length >= made.length; dir = path.dirname(dir)) {
      try {
        rmdirSync(dir);
      } catch {
        return; // not empty (someone put a file there meanwhile) or already gone
      }
    }
  };
}
