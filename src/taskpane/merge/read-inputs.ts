/**
 * The chosen files of the 汇总 view → what the pure merge takes, in the browser: each file's bytes go
 * through the same one-pass guard and reader as the command line (src/read), then locate and judge
 * (src/core), and are reduced to a Candidate at once, so a batch never holds more than one grid.
 * Nothing here uses Node or Office; one bad file never stops the batch.
 */
import { judgeLocated } from "../../core/check-grid";
import { TABLES } from "../../core/definition";
import { DEFAULT_GUARD_LIMITS, problemToRefusal, refusalMessage } from "../../core/guard";
import { judgeNameAndSize } from "../../read/guard";
import { locateReport, reportReadsCellsOf } from "../../core/locate";
import { mergeSubmissions, prepareCandidate, type MergeInput, type MergeOptions } from "../../core/merge";
import { isMasterReadAsReport, isMasterSheetList } from "../../core/merge/master-input";
import type { MergeResult, SourceFile } from "../../core/merge/model";
import { readWorkbook } from "../../read";

/** A file the user chose: what the browser's File gives, without tying the pipeline to the DOM. */
export interface ChosenFile {
  /** The file name. */
  readonly name: string;
  /** The name with the folders below the chosen folder (webkitRelativePath), else the name: unique in one merge. */
  readonly path: string;
  readonly size: number;
  /** Last modification time, ISO 8601 UTC; null when the browser does not say. */
  readonly modified: string | null;
  bytes(): Promise<Uint8Array>;
}

/** Excel, WPS and LibreOffice leave `~$name.xlsx` (or `.~lock.name#`) beside a file that is open. */
export function isLockFileName(name: string): boolean {
  return name.startsWith("~$") || (name.startsWith(".~lock.") && name.endsWith("#"));
}

/** One chosen file as a MergeInput. Never throws. */
export async function readChosenFile(file: ChosenFile): Promise<MergeInput> {
  const base: SourceFile = {
    path: file.path,
    name: file.name,
    sha256: null,
    modified: file.modified,
  };
  if (isLockFileName(file.name)) return { kind: "lock_file", source: base };
  const unreadable = (code: string, message: string): MergeInput => ({
    kind: "unreadable",
    source: base,
    code,
    message,
  });
  // Refuse a huge file before its bytes are read into the pane.
  const early = judgeNameAndSize(file.name, file.size, DEFAULT_GUARD_LIMITS);
  if (early) {
    const r = problemToRefusal(early, file.name);
    return unreadable(r.code, r.message);
  }
  try {
    const read = await readWorkbook(file.name, await file.bytes(), undefined, { cellsOf: reportReadsCellsOf });
    if (!read.ok) return unreadable(read.code, read.message);
    const source = { ...base, sha256: read.sha256 };
    if (isMasterSheetList(read.grid.sheets.map((s) => s.name))) return { kind: "master_input", source };
    const located = locateReport(read.grid);
    if (!located.ok) return unreadable("not_template", refusalMessage("not_template", file.name, located.detail));
    if (isMasterReadAsReport(located.report)) return { kind: "master_input", source };
    const long = TABLES.find((t) => located.report.tables[t.id].length > DEFAULT_GUARD_LIMITS.maxTableRows);
    if (long) {
      const detail = `“${long.label}”有 ${located.report.tables[long.id].length} 行，上限 ${DEFAULT_GUARD_LIMITS.maxTableRows} 行`;
      return unreadable("too_large", refusalMessage("too_large", file.name, detail));
    }
    const { judgement } = judgeLocated(located.report, located.templateYear);
    return {
      kind: "report",
      candidate: prepareCandidate(source, located.report, judgement),
    };
  } catch {
    return unreadable("corrupt", refusalMessage("corrupt", file.name, "读取或校验时发生意外错误"));
  }
}

/**
 * Reads every file in turn (one at a time: the pane's memory holds one grid), reporting after each,
 * then merges. `onRead` gets the file's index and its input, so the view can list it at once.
 */
export async function mergeChosenFiles(
  files: readonly ChosenFile[],
  options: MergeOptions,
  onRead?: (index: number, input: MergeInput) => void,
): Promise<{ inputs: MergeInput[]; result: MergeResult }> {
  const inputs: MergeInput[] = [];
  for (let i = 0; i < files.length; i++) {
    const input = await readChosenFile(files[i]);
    inputs.push(input);
    onRead?.(i, input);
    // Let the browser paint the progress between files.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { inputs, result: mergeSubmissions(inputs, options) };
}
