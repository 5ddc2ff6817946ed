/** A workbook's grid as the reader (src/read) makes it from the file's bytes; throws when it refuses. */
import { readFileSync } from "fs";
import * as path from "path";
import type { WorkbookGrid } from "../../src/core/model";
import { readWorkbook } from "../../src/read";

export async function gridOfBytes(bytes: Uint8Array, name = "工作簿.xlsx"): Promise<WorkbookGrid> {
  const read = await readWorkbook(name, bytes);
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

export function gridOfFile(file: string): Promise<WorkbookGrid> {
  return gridOfBytes(readFileSync(file), path.basename(file));
}
