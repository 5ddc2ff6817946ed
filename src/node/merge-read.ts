/**
 * The inputs of `merge` and `check` as the shared intake sees them (Node adapter): each file named or
 * found below a folder goes through the intake in worker threads (read-batch.ts), and a path that
 * named nothing readable takes its place in the order as an unreadable input. Nothing is ever written.
 */
import type { JudgeOptions } from "../core/judge";
import type { MergeInput } from "../core/merge";
import { unreadableFile, type Conversion } from "../intake";
import { withConversions } from "./convert-stage";
import type { ReadableEntry } from "./inputs";
import { factsOf, intakePath } from "./intake-path";
import { intakePaths, type BatchOptions } from "./read-batch";

/** A path that could not be listed or named nothing: unreadable, with the reason in Chinese. */
export function missingInput(entry: Extract<ReadableEntry, { kind: "missing" }>): MergeInput {
  const facts = { ...factsOf(entry, null), name: entry.display };
  return entry.code === "no_access" ? unreadableFile(facts, "no_access") : unreadableFile(facts, "not_found");
}

/** Whether the file at `filePath` is a master workbook (by the intake's one test). */
export async function isMasterWorkbook(filePath: string): Promise<boolean> {
  return (await intakePath({ path: filePath, display: filePath })).kind === "master_input";
}

/**
 * Every entry as a MergeInput, in the order given: files through the intake's batch, and with
 * `conversion` the .xls, .et and .ods among them through it (convert-stage.ts). Never throws.
 */
export async function* intakeEntries(
  entries: readonly ReadableEntry[],
  options: BatchOptions & { readonly judge?: JudgeOptions; readonly conversion?: Conversion } = {},
): AsyncIterable<MergeInput> {
  const { conversion, ...batch } = options;
  const files = entries.filter((e) => e.kind === "file");
  const read = intakePaths(files, batch);
  const taken = (conversion ? withConversions(files, read, conversion, batch) : read)[Symbol.asyncIterator]();
  try {
    for (const entry of entries) {
      if (entry.kind === "missing") yield missingInput(entry);
      else {
        const next = await taken.next();
        if (next.done) return;
        yield next.value;
      }
    }
  } finally {
    await taken.return?.(); // the batch stops its worker threads only when told it is over
  }
}
