/**
 * What the 汇总 view runs in the pane, as one small interface so view tests can hand in a fake: the
 * roster reader and the read → judge → merge pipeline, with a per-file line as each file is read.
 */
import type { MergeOptions } from "../../core/merge";
import type { MergeResult } from "../../core/merge/model";
import { outcomeOfInput, outcomesOfMerge, type FileOutcome } from "./file-outcomes";
import { mergeChosenFiles, type ChosenFile } from "./read-inputs";
import { readRoster, type RosterRead } from "./read-roster";

export interface MergePipeline {
  readRoster(file: ChosenFile): Promise<RosterRead>;
  /** Reads every file (calling `onRead` after each), then merges; the outcomes are the files' final lines. */
  mergeFiles(
    files: readonly ChosenFile[],
    options: MergeOptions,
    onRead: (index: number, outcome: FileOutcome) => void,
  ): Promise<{ readonly result: MergeResult; readonly outcomes: readonly FileOutcome[] }>;
}

export const browserPipeline: MergePipeline = {
  readRoster,
  async mergeFiles(files, options, onRead) {
    const { inputs, result } = await mergeChosenFiles(files, options, (i, input) => onRead(i, outcomeOfInput(input)));
    return { result, outcomes: outcomesOfMerge(inputs, result) };
  },
};

/** Reads a browser File's bytes (FileReader where Blob.arrayBuffer is missing). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** A browser File as the pipeline's ChosenFile; a file from a chosen folder keeps its folders in `path`. */
export function chosenFromFile(file: File): ChosenFile {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return {
    name: file.name,
    path: relative || file.name,
    size: file.size,
    modified: file.lastModified ? new Date(file.lastModified).toISOString() : null,
    bytes: () => fileBytes(file),
  };
}
