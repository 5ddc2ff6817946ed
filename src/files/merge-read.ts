/**
 * Turning the input files of `merge` into what the pure merge takes (Node adapter): each file is read
 * with the project's reader, judged, and reduced to a Candidate at once, so its grid is let go before
 * the next file. Lock files and masters given as input are recognised here; nothing is ever written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as yauzl from "yauzl";
import { judgeLocated } from "../core/check-grid";
import { prepareCandidate, type MergeInput } from "../core/merge";
import type { SourceFile } from "../core/merge/model";
import { readReportFile } from "../xlsx/read-report";
import type { InputEntry } from "./inputs";

/** Excel, WPS and LibreOffice leave `~$name.xlsx` (or `.~lock.name#`) beside a file that is open. */
export function isLockFileName(name: string): boolean {
  return name.startsWith("~$") || (name.startsWith(".~lock.") && name.endsWith("#"));
}

/** Sheets every master workbook has (spec §5): a workbook holding all of them is a master, not a report. */
export const MASTER_SHEETS = ["汇总表", "问题清单", "未报送单位"] as const;

const MAX_WORKBOOK_XML = 1 << 20;

/** The sheet names in xl/workbook.xml, read without inflating anything else; [] when that fails. */
export function sheetNamesOf(filePath: string): Promise<string[]> {
  return new Promise((resolve) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: true }, (err, zip) => {
      if (err || !zip) return resolve([]);
      zip.on("error", () => resolve([]));
      zip.on("end", () => resolve([]));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== "xl/workbook.xml" || entry.uncompressedSize > MAX_WORKBOOK_XML) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return resolve([]);
          const parts: Buffer[] = [];
          stream.on("data", (b: Buffer) => parts.push(b));
          stream.on("error", () => resolve([]));
          stream.on("end", () => {
            const xml = Buffer.concat(parts).toString("utf8");
            zip.close();
            resolve([...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\sname="([^"]*)"/g)].map((m) => decodeXml(m[1])));
          });
        });
      });
      zip.readEntry();
    });
  });
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Only a regular file is opened here (a FIFO would block); anything else is left to the report reader to name. */
export async function isMasterWorkbook(filePath: string): Promise<boolean> {
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (!stat?.isFile()) return false;
  const names = await sheetNamesOf(filePath);
  return MASTER_SHEETS.every((s) => names.includes(s));
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
    const message = entry.code === "no_access" ? `没有读取“${entry.display}”的权限。` : `找不到“${entry.display}”，请检查路径。`;
    return { kind: "unreadable", source: base, code: entry.code, message };
  }
  if (isLockFileName(name)) return { kind: "lock_file", source: base };
  const modified = await modifiedOf(entry.path);
  // Before reading it as a report: the locator finds a report's labels in a master's header row.
  if (await isMasterWorkbook(entry.path)) return { kind: "master_input", source: { ...base, modified } };
  const read = await readReportFile(entry.path);
  if (!read.ok) return { kind: "unreadable", source: { ...base, modified }, code: read.code, message: read.message };
  const source = { ...base, sha256: read.sha256, modified };
  try {
    const { judgement } = judgeLocated(read.raw, read.templateYear);
    return { kind: "report", candidate: prepareCandidate(source, read.raw, judgement) };
  } catch {
    return { kind: "unreadable", source, code: "corrupt", message: `“${name}”校验时发生意外错误，无法汇总。` };
  }
}
