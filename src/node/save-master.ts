/**
 * Putting the master workbook in its place (Node adapter): the master writer (src/xlsx/master)
 * writes a temporary file beside the output, which is then renamed over it (src/node/replace-file).
 */
import type { MergeResult } from "../core/merge/model";
import { writeMasterWorkbook } from "../xlsx/master";
import { replaceFile } from "./replace-file";

export async function saveMaster(result: MergeResult, output: string): Promise<void> {
  await replaceFile(output, (temporary) => writeMasterWorkbook(result, temporary));
}
