/**
 * Putting the master workbook in its place (Node adapter): the one master writer (src/xlsx/master)
 * gives the bytes, which are written to a temporary file beside the output and then renamed over it,
 * so an interrupted run never leaves half a master under the real name, and an existing output is
 * only replaced by a whole one.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { VERSION } from "../version";
import { temporaryMasterName } from "../core/file-names";
import type { MasterOptions } from "../core/master";
import type { MergeResult } from "../core/merge/model";
import { masterBytes } from "../xlsx/master";

export async function saveMaster(result: MergeResult, output: string, options: MasterOptions = {}): Promise<void> {
  const bytes = await masterBytes(result, { productVersion: VERSION, ...options });
  const temp = path.join(path.dirname(output), temporaryMasterName(output, process.pid));
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, output);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
