/**
 * The guard's half of the one pass: the file's bytes and zip directory are judged before anything
 * is inflated, then every part is inflated once, counted against the caps, and the parts the reader
 * needs are kept. Same rules, codes and messages as the guard has always applied (src/core/guard).
 */
import { GuardLimits, GuardProblem } from "../core/guard";
import {
  classifyByNames,
  isProblem,
  judgeEntries,
  judgeEntryCount,
  openFileBytes,
  judgePackage,
  MAX_INSPECTED_PART_BYTES,
  PARTS_TO_INSPECT,
} from "./guard";
import type { Codec } from "./codec";
import { inflateParts } from "./inflate";

export interface GuardedPackage {
  /** An .xlsm (or a workbook carrying VBA): read for its values only. */
  readonly macroEnabled: boolean;
  /** Inflated parts the caller asked to keep (and the inspected ones), by name. */
  readonly parts: ReadonlyMap<string, Uint8Array>;
}

const utf8 = new TextDecoder("utf-8");

/** Judge a whole package, keeping the parts `keep` selects. Never throws: anything unexpected is damage. */
export function guardPackage(
  name: string,
  bytes: Uint8Array,
  limits: GuardLimits,
  keep: (part: string) => boolean = () => false,
  codec?: Codec,
): GuardedPackage | GuardProblem {
  try {
    const opened = openFileBytes(name, bytes, limits);
    if (isProblem(opened)) return opened;
    const entries = opened.entries;
    if (isProblem(entries)) return entries;
    const tooMany = judgeEntryCount(entries.length, limits);
    if (tooMany) return tooMany;
    const declared = judgeEntries(entries, limits);
    if (declared) return declared;
    const names = entries.map((e) => e.name);
    const kind = classifyByNames(names);
    if (isProblem(kind)) return kind;
    const parts = inflateParts(bytes, entries, limits, (part) => PARTS_TO_INSPECT.includes(part) || keep(part), codec);
    if (isProblem(parts)) return parts;
    const inspected = new Map<string, string>();
    for (const part of PARTS_TO_INSPECT) {
      const data = parts.get(part);
      if (data) inspected.set(part, utf8.decode(data.subarray(0, MAX_INSPECTED_PART_BYTES)));
    }
    const verdict = judgePackage(kind, inspected, names);
    if (isProblem(verdict)) return verdict;
    return { macroEnabled: verdict.macroEnabled, parts };
  } catch {
    return { code: "corrupt" };
  }
}
