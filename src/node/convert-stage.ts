/**
 * The conversions of a batch (Node adapter). The worker threads take in every file as sent; each one the
 * guard refused as an .xls, .et or .ods is taken in again here, in the main thread, with the command's
 * Conversion: converted by LibreOffice (libreoffice-convert.ts, up to one per core at a time while later
 * files go on being read) and then read like any file, or refused with what the bureau can do.
 * Results keep the order the files were given in.
 */
import { convertibleFormatOf } from "../core/guard";
import type { JudgeOptions } from "../core/judge";
import type { MergeInput } from "../core/merge";
import type { Conversion } from "../intake";
import { cpuCores } from "./cores";
import { intakePath, type PathEntry } from "./intake-path";

/** Whether the intake refused this input as a format a conversion lifts. */
export function awaitsConversion(input: MergeInput): boolean {
  return input.kind === "unreadable" && convertibleFormatOf(input.code, input.source.name) !== undefined;
}

/**
 * `inputs` (the intake of `files`, in order) with every input that awaits conversion taken in again
 * with `conversion`. At most `lookahead` results wait to be handed on, so memory stays bounded.
 */
export async function* withConversions(
  files: readonly PathEntry[],
  inputs: AsyncIterable<MergeInput>,
  conversion: Conversion,
  options: { readonly judge?: JudgeOptions; readonly lookahead?: number } = {},
): AsyncGenerator<MergeInput> {
  const lookahead = Math.max(1, options.lookahead ?? 2 * cpuCores());
  const intake = options.judge ? { conversion, judge: options.judge } : { conversion };
  const pending: Promise<MergeInput>[] = [];
  let at = 0;
  try {
    for await (const input of inputs) {
      const entry = files[at++];
      pending.push(awaitsConversion(input) ? intakePath(entry, intake) : Promise.resolve(input));
      while (pending.length > lookahead) yield await pending.shift()!;
    }
    while (pending.length > 0) yield await pending.shift()!;
  } finally {
    // Stopped early: conversions under way still end (and clean up) before the command does.
    await Promise.allSettled(pending);
  }
}
