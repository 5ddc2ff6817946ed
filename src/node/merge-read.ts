/**
 * Turning the input files of `merge` into what the pure merge takes (Node adapter): each file is read
 * with the project's reader, judged, and reduced to a Candidate at once, so its grid is let go before
 * the next file. Lock files and masters given as input are recognised here; nothing is ever written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { judgeLocated } from "../core/check-grid";
import { prepareCandidate, type MergeInput } from "../core/merge";
import { isMasterReadAsReport, isMasterSheetList } from "../core/merge/master-input";
import type { SourceFile } from "../core/merge/model";
import { readWorkbookFile } from "./file-guard";
import { readReportFiles } from "./read-batch";
import { readReportFile, type ReadOutcome } from "./read-report";
import type { InputEntry } from "./inputs";

/** Excel, WPS and LibreOffice leave `~$name.xlsx` (or `.~lock.name#`) beside a file that is open. */
export function isLockFileName(name: string): boolean {
  return name.startsWith("~$") || (name.startsWith(".~lock.") && name.endsWith("#"));
}

/** The sheet names of a workbook the reader can open (not necessarily a report); [] when it cannot. */
export async function sheetNamesOf(filePath: string): Promise<string[]> {
  const read = await readWorkbookFile(filePath).catch(() => null);
  return read?.ok ? read.grid.sheets.map((s) => s.name) : [];
}

/** Whether the file at `filePath` is a master: by its located fields when it read as a report, else by its sheets. */
export async function isMasterWorkbook(filePath: string): Promise<boolean> {
  const read = await readReportFile(filePath);
  if (read.ok) return isMasterReadAsReport(read.raw);
  return read.code === "not_template" && isMasterSheetList(await sheetNamesOf(filePath));
}

async function modifiedOf(filePath: string): Promise<string | null> {
  const stat = await fs.stat(filePath).catch(() => undefined);
  return stat ? stat.mtime.toISOString() : null;
}

/**
 * Every input as a MergeInput, in the order given: report files are read and judged over worker
 * threads (src/node/read-batch), lock files and missing paths need no reading. Never throws.
 */
export async function* readMergeInputs(entries: readonly InputEntry[]): AsyncIterable<MergeInput> {
  const needsReading = (e: InputEntry) => e.kind === "file" && !isLockFileName(path.basename(e.path));
  const reads = readReportFiles(entries.filter(needsReading).map((e) => e.path))[Symbol.asyncIterator]();
  try {
    for (const entry of entries) {
      if (!needsReading(entry)) yield mergeInputOf(entry, null);
      else {
        const next = await reads.next();
        yield mergeInputOf(entry, next.done ? null : next.value);
      }
    }
  } finally {
    await reads.return?.(); // the batch stops its worker threads only when told it is over
  }
}

/** One input file as a MergeInput. Never throws. */
export async function readMergeInput(entry: InputEntry): Promise<MergeInput> {
  return mergeInputOf(entry, entry.kind === "file" ? await readReportFile(entry.path) : null);
}

/** The MergeInput of one entry, given what the reader made of it (null when it was not read). */
async function mergeInputOf(entry: InputEntry, read: ReadOutcome | null): Promise<MergeInput> {
  const name = path.basename(entry.path);
  const base: SourceFile = { path: entry.display, name, sha256: null, modified: null };
  if (entry.kind === "missing") {
    const message =
      entry.code === "no_access" ? `没有读取“${entry.display}”的权限。` : `找不到“${entry.display}”，请检查路径。`;
    return { kind: "unreadable", source: base, code: entry.code, message };
  }
  if (isLockFileName(name)) return { kind: "lock_file", source: base };
  const modified = await modifiedOf(entry.path);
  if (!read)
    return {
      kind: "unreadable",
      source: { ...base, modified },
      code: "corrupt",
      message: `“${name}”读取时发生意外错误，无法汇总。`,
    };
  if (!read.ok) {
    const source = { ...base, modified };
    if (read.code === "not_template" && isMasterSheetList(await sheetNamesOf(entry.path)))
      return { kind: "master_input", source };
    return { kind: "unreadable", source, code: read.code, message: read.message };
  }
  if (isMasterReadAsReport(read.raw)) return { kind: "master_input", source: { ...base, modified } };
  const source = { ...base, sha256: read.sha256, modified };
  try {
    const { judgement } = judgeLocated(read.raw, read.templateYear);
    return { kind: "report", candidate: prepareCandidate(source, read.raw, judgement) };
  } catch {
    return { kind: "unreadable", source, code: "corrupt", message: `“${name}”校验时发生意外错误，无法汇总。` };
  }
}
