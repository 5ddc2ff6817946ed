/**
 * Inflates a package's parts once each, through a count that stops at the caps. Every part is
 * inflated (a bomb or a bad checksum anywhere refuses the file, as the guard always did), but only
 * the parts the reader asks for are kept — and those very bytes are what it parses.
 */
import { Inflate } from "fflate";
import { GuardLimits, GuardProblem } from "../core/guard";
import { InflationBudget, ReaderCost, type ZipEntry } from "./guard";
import { PURE_CODEC, type Codec } from "./codec";

/**
 * Compressed bytes handed to the inflater at a time: 1 KB first, doubling up to 16 KB. Deflate
 * expands at most ~1032:1, so a part lying about its size is caught after ~1 MB of output, and no
 * push ever yields more than ~16 MB before the count sees it.
 */
const FIRST_PUSH_BYTES = 1024;
const PUSH_BYTES = 16 * 1024;

/**
 * A part this small (compressed) is inflated in one call (the codec's), stopping past its declared
 * size: a part that gives more than it declared is refused. Its worst case (~1032:1) is ~66 MB of
 * decoding into nothing, a few tens of milliseconds.
 */
const ONE_CALL_BYTES = 64 * 1024;

/** Thrown inside fflate's callback to stop a part at the first chunk over a cap. */
class Stop {
  constructor(readonly problem: GuardProblem) {}
}

interface Counters {
  readonly budget: InflationBudget;
  readonly cost: ReaderCost;
  readonly codec: Codec;
}

/** One part: its bytes when kept, or the problem that stopped it. */
function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  counters: Counters,
  keep: boolean,
): Uint8Array | undefined | GuardProblem {
  if (entry.dataStart < 0 || entry.dataEnd > bytes.length)
    return { code: "corrupt", detail: `部件 ${entry.name} 无法读取` };
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  const scanner = counters.cost.part(entry.name);
  const kept: Uint8Array[] = [];
  let produced = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    if (chunk.length === 0) return;
    produced += chunk.length;
    const over = counters.budget.check(entry, produced, chunk.length);
    if (over) throw new Stop(over);
    scanner.feed(chunk);
    const heavy = counters.cost.problem();
    if (heavy) throw new Stop(heavy);
    crc = counters.codec.crc32(chunk, crc);
    if (keep) kept.push(chunk);
  };
  try {
    if (entry.compressionMethod === 0) {
      for (let at = 0; at < data.length; at += PUSH_BYTES) take(data.subarray(at, at + PUSH_BYTES));
    } else {
      if (data.length === 0) throw new Error("no deflate data");
      if (data.length <= ONE_CALL_BYTES) {
        const whole = counters.codec.inflate(data, entry.uncompressedSize);
        if (!whole) return counters.budget.overDeclared(entry);
        take(whole);
      } else {
        const inflater = new Inflate((chunk) => take(chunk));
        for (let at = 0, step = FIRST_PUSH_BYTES; at < data.length; at += step, step = Math.min(step * 2, PUSH_BYTES))
          inflater.push(data.subarray(at, at + step), at + step >= data.length);
      }
    }
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    return { code: "corrupt", detail: `部件 ${entry.name} 的数据已损坏` };
  }
  const short = counters.budget.finish(entry, produced);
  if (short) return short;
  scanner.end();
  const heavy = counters.cost.problem();
  if (heavy) return heavy;
  if (crc !== entry.crc32) return { code: "corrupt", detail: `部件 ${entry.name} 的校验值不符` };
  return keep ? concat(kept, produced) : undefined;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Inflate every part in directory order; returns the kept parts by name, or the first problem. */
export function inflateParts(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: GuardLimits,
  keep: (name: string) => boolean,
  codec: Codec = PURE_CODEC,
): Map<string, Uint8Array> | GuardProblem {
  const counters: Counters = { budget: new InflationBudget(limits), cost: new ReaderCost(limits), codec };
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const wanted = keep(entry.name);
    const result = inflateEntry(bytes, entry, counters, wanted);
    if (result === undefined) continue;
    if (!(result instanceof Uint8Array)) return result;
    parts.set(entry.name, result);
  }
  return parts;
}
