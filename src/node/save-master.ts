/**
 * Putting the master workbook in its place (Node adapter): the one master writer (src/xlsx/master)
 * gives the bytes, which are written to a temporary file beside the output and then renamed over it
 * (src/node/replace-file), so an interrupted run never leaves half a master under the real name.
 */
import { promises as fs } from "fs";
import type { MasterOptions } from "../core/master";
import type { MergeResult } from "../core/merge/model";
import { VERSION } from "../version";
import { masterBytes } from "../xlsx/master";
import { replaceFile } from "./replace-file";

export async function saveMaster(result: MergeResult, output: string, options: MasterOptions = {}): Promise<void> {
  await replaceFile(output, async (temporary) => {
    // The temporary file stands for the master from the start of writing (an interruption removes it).
    await fs.writeFile(temporary, "");
    await fs.writeFile(temporary, await masterBytes(result, { productVersion: VERSION, ...options }));
  });
}
