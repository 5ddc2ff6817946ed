/**
 * Putting the master workbook in its place (Node adapter): the master writer (src/xlsx/master) writes
 * a temporary file beside the output, which is then renamed over it, so an interrupted run never
 * leaves half a master under the real name, and an existing output is only replaced by a whole one.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { MergeResult } from "../core/merge/model";
import { writeMasterWorkbook } from "../xlsx/master";

export async function saveMaster(result: MergeResult, output: string): Promise<void> {
  const temp = path.join(path.dirname(output), `.${path.basename(output, ".xlsx")}.${process.pid}.tmp.xlsx`);
  try {
    await writeMasterWorkbook(result, temp);
    await fs.rename(temp, output);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
