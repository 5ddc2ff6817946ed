/**
 * What the 汇总 view lists for each chosen file: what became of it and why, in the same words as the
 * master's 问题清单 (a file-level line there is this file's reason here). Keyed by the file's id, never
 * by its name: two files both called 研学总结.xlsx keep their own lines.
 */
import type { MergeInput } from "../../core/merge";
import { mergeMessages } from "../../core/merge/messages";
import type { MergeResult, ProblemRow, RosterStanding } from "../../core/merge/model";
import { rosterLabel } from "../../core/master/labels";
import { findingCountsText, type FileFate } from "../../core/words";

export interface FileLine {
  readonly id: number;
  /** The path shown for the file (unique among the files chosen). */
  readonly path: string;
  readonly fate: FileFate;
  /** Chinese; empty when the fate says it all. */
  readonly reason: string;
}

const sentence = (text: string) => (text === "" || /[。！？]$/.test(text) ? text : `${text}。`);

type Skipped = Extract<MergeInput, { kind: "lock_file" | "master_input" | "temporary_master" }>;

function skippedReason(input: Skipped): string {
  if (input.kind === "lock_file") return mergeMessages.lockFile();
  if (input.kind === "master_input") return mergeMessages.masterInput();
  return mergeMessages.temporaryMaster();
}

const pathOf = (input: MergeInput): string =>
  input.kind === "report" ? input.candidate.source.path : input.source.path;

/** A file just read, before the merge has decided between submissions. */
export function lineOfInput(id: number, input: MergeInput): FileLine {
  const path = pathOf(input);
  switch (input.kind) {
    case "unreadable":
      return { id, path, fate: "unreadable", reason: input.message };
    case "report": {
      const { counts, status } = input.candidate.judgement;
      const reason = sentence(findingCountsText(counts.errors, counts.warnings, counts.unexplainedWarnings));
      return { id, path, fate: status, reason };
    }
    default:
      return { id, path, fate: "skipped", reason: skippedReason(input) };
  }
}

/** How the unit stands against the roster, in 汇总表's words, when there is something to say. */
function rosterText(standing: RosterStanding): string {
  return standing.kind === "unmatched" || standing.kind === "conflict" ? sentence(rosterLabel(standing)) : "";
}

/** Every file's line after the merge: superseded and other-type files say so, merged ones their unit's verdict. */
export function linesOfMerge(
  inputs: readonly { readonly id: number; readonly input: MergeInput }[],
  result: MergeResult,
): FileLine[] {
  const fileLines = new Map<string, ProblemRow[]>();
  for (const p of result.problems)
    if (p.kind !== "finding") fileLines.set(p.file, [...(fileLines.get(p.file) ?? []), p]);
  const units = new Map(result.units.map((u) => [u.source.path, u]));
  return inputs.map(({ id, input }) => {
    const path = pathOf(input);
    const said = (fileLines.get(path) ?? []).map((p) => p.message);
    const unit = units.get(path);
    if (unit) {
      const counts = sentence(findingCountsText(unit.errors, unit.warnings, unit.unexplainedWarnings));
      return { id, path, fate: unit.status, reason: [counts, ...said, rosterText(unit.roster)].join("") };
    }
    const kinds = new Set((fileLines.get(path) ?? []).map((p) => p.kind));
    if (kinds.has("superseded")) return { id, path, fate: "superseded", reason: said.join("") };
    if (kinds.has("other_type")) return { id, path, fate: "other_type", reason: said.join("") };
    return lineOfInput(id, input);
  });
}
