/**
 * Writing the master workbook to its place (Node adapter): the master writer (src/xlsx/master, owned
 * by the master workbook issue) writes a temporary file beside the output, which is then renamed, so
 * an interrupted run never leaves half a master under the real name.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { MergeResult } from "../core/merge/model";

type WriteMasterWorkbook = (result: MergeResult, outPath: string) => Promise<void>;

/** Thrown while src/xlsx/master/index.ts does not export writeMasterWorkbook yet: never a fake master. */
export class MasterWriterMissing extends Error {}

/**
 * INTEGRATION POINT: the master writer is built on another branch. Loaded by name so this branch
 * compiles before it lands; once it has, this becomes a static import.
 */
async function masterWriter(): Promise<WriteMasterWorkbook> {
  const modulePath = "../xlsx/master/index";
  const mod = (await import(modulePath).catch(() => null)) as { writeMasterWorkbook?: WriteMasterWorkbook } | null;
  if (typeof mod?.writeMasterWorkbook !== "function")
    throw new MasterWriterMissing("总表写入模块（src/xlsx/master/index.ts 的 writeMasterWorkbook）尚未集成，未写出总表。");
  return mod.writeMasterWorkbook;
}

export async function writeMasterFile(result: MergeResult, output: string): Promise<void> {
  const write = await masterWriter();
  const temp = path.join(path.dirname(output), `.${path.basename(output, ".xlsx")}.${process.pid}.tmp.xlsx`);
  try {
    await write(result, temp);
    await fs.rename(temp, output);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
}
