/**
 * Turning the input files of `merge` into what the pure merge takes (Node adapter): each file is read
 * with the project's reader, judged, and reduced to a Candidate at once, so its grid is let go before
 * the next file. Lock files and masters given as input are recognised here; nothing is ever written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { judgeLocated } from "../core/check-grid";
import { prepareCandidate, type MergeInput } from "../core/merge";
import { isMasterReadAsReport, isMasterSheetList } from "../core/merge/master-input";
import type { SourceFile } from "../core/merge/model";
import { readReportFile } from "../xlsx/read-report";
import type { InputEntry } from "./inputs";

/** Excel, WPS and LibreOffice leave `~$name.xlsx` (or `.~lock.name#`) beside a file that is open. */
export function isLockFileName(name: string): boolean {
  return name.startsWith("~$") || (name.startsWith(".~lock.") && name.endsWith("#"));
}

const MAX_WORKBOOK_XML = 1 << 20;

/**
 * The sheet names in xl/workbook.xml; [] when that cannot be read. Only for a file the guard has
 * already passed (its parts' sizes are known to be sane): the part is inflated from the whole file.
 */
export async function sheetNamesOf(filePath: string): Promise<string[]> {
  try {
    const parts = unzipSync(await fs.readFile(filePath), {
      filter: (f) => f.name === "xl/workbook.xml" && f.originalSize <= MAX_WORKBOOK_XML,
    });
    const xml = strFromU8(parts["xl/workbook.xml"] ?? new Uint8Array());
    return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => decodeXml(m[1]));
  } catch {
    return [];
  }
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
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

/** One input file as a MergeInput. Never throws. */
export async function readMergeInput(entry: InputEntry): Promise<MergeInput> {
  const name = path.basename(entry.path);
  const base: SourceFile = { path: entry.display, name, sha256: null, modified: null };
  if (entry.kind === "missing") {
    const message =
      entry.code === "no_access" ? `没有读取“${entry.display}”的权限。` : `找不到“${entry.display}”，请检查路径。`;
    return { kind: "unreadable", source: base, code: entry.code, message };
  }
  if (isLockFileName(name)) return { kind: "lock_file", source: base };
  const modified = await modifiedOf(entry.path);
  const read = await readReportFile(entry.path);
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
