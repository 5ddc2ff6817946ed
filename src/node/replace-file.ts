/**
 * Putting a written file in its place in one step (Node adapter): `write` fills a temporary file
 * beside the output (a hidden name carrying the process id: src/core/file-names), which is then
 * renamed over it. So an interrupted run never leaves half a file under the real name, an existing
 * file is only ever replaced by a whole one, and a link at the output's name is replaced itself,
 * never written through. The temporary file is removed when writing fails and when the command is
 * interrupted (src/node/interrupt).
 */
import { promises as fs, rmSync } from "fs";
import * as path from "path";
import { temporaryMasterName } from "../core/file-names";
import { undoOnInterrupt } from "./interrupt";

/** The temporary file this process writes before renaming it to `output`. */
export function temporaryFileFor(output: string): string {
  return path.join(path.dirname(output), temporaryMasterName(output, process.pid));
}

export async function replaceFile(output: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = temporaryFileFor(output);
  const release = undoOnInterrupt(() => rmSync(temporary, { force: true }));
  try {
    await write(temporary);
    await fs.rename(temporary, output);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw e;
  } finally {
    release();
  }
}
