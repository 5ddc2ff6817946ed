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
  ): Promise<{
    readonly result: MergeResult;
    readonly outcomes: readonly FileOutcome[];
  }>;
}

export const browserPipeline: MergePipeline = {
  readRoster,
  async mergeFiles(files, options, onRead) {
    const { inputs, result } = await mergeChosenFiles(files, options, (i, input) => onRead(i, outcomeOfInput(input)));
    return { result, outcomes: outcomesOfMerge(inputs, result) };
  },
};
