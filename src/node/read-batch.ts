/**
 * Batches of submitted files spread over worker threads: each worker takes in (reads and judges) one
 * file at a time, results come back in the order the files were given, and no more than a window of finished
 * results waits for a slow one, so memory stays bounded however many files there are.
 */
import { cpuCores } from "./cores";
import * as path from "path";
import { Worker } from "worker_threads";
import type { BatchAnswer, BatchJob } from "./batch-worker";
import type { JudgeOptions } from "../core/judge";
import type { MergeInput } from "../core/merge";
import { checkResultOf, unreadableFile, type CheckResult } from "../intake";
import { factsOf, intakePath, type PathEntry } from "./intake-path";

export interface BatchOptions {
  /** Worker threads (default: the machine's parallelism); 1 reads in this thread. */
  readonly concurrency?: number;
  /** Files in flight or finished but waiting for an earlier, slower file (default 2 per worker). */
  readonly window?: number;
}

/** Below this many files, starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 4;

/**
 * A worker runs TypeScript sources when this module does (tsx, ts-jest): it registers tsx's require
 * hook first. Built JavaScript loads the compiled worker directly. A file's garbage dies young, so a
 * small young generation (8 MB, not V8's 48) keeps each worker's memory down at no cost in speed
 * (measured on 1,000 reports: ~245 MB peak instead of ~300 MB).
 */
function spawnWorker(): Worker {
  const entry = path.join(__dirname, `batch-worker${path.extname(__filename)}`);
  const hook = entry.endsWith(".ts") ? require.resolve("tsx/cjs") : undefined;
  const code = `${hook ? `require(${JSON.stringify(hook)});` : ""}require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
}

const defaultConcurrency = cpuCores;

type JobOf = (id: number) => BatchJob;

/** Results of jobs 0..count-1, in that order, computed by a pool of workers (or in this thread). */
async function* runBatch<T>(
  count: number,
  jobOf: JobOf,
  local: (id: number) => Promise<T>,
  lost: (id: number) => T,
  options: BatchOptions,
): AsyncGenerator<T> {
  const concurrency = Math.min(options.concurrency ?? defaultConcurrency(), count);
  if (concurrency <= 1 || count < MIN_FILES_FOR_WORKERS) {
    for (let id = 0; id < count; id++) yield await local(id);
    return;
  }
  const window = Math.max(options.window ?? concurrency * 2, concurrency);
  const done = new Map<number, T>();
  let dispatched = 0;
  let emitted = 0;
  let wake: () => void = () => undefined;
  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  let signal = changed();
  const notify = () => {
    const w = wake;
    signal = changed();
    w();
  };

  const workers: Worker[] = [];
  /** Set when the consumer is done (or stopped early): no job is started and no worker replaced after it. */
  let stopped = false;
  /** One worker's loop: take the next job while the window allows, until none are left. */
  const serve = async (): Promise<void> => {
    let worker = spawnWorker();
    workers.push(worker);
    while (dispatched < count && !stopped) {
      if (dispatched - emitted >= window) {
        await signal;
        continue;
      }
      const id = dispatched++;
      const result = await new Promise<T | undefined>((resolve) => {
        const onMessage = (a: BatchAnswer) => {
          if (a.id !== id) return;
          cleanup();
          resolve(a.result as T);
        };
        const onExit = () => {
          cleanup();
          resolve(undefined);
        };
        const cleanup = () => {
          worker.off("message", onMessage);
          worker.off("exit", onExit);
          worker.off("error", onExit);
        };
        worker.on("message", onMessage);
        worker.on("exit", onExit);
        worker.on("error", onExit);
        worker.postMessage(jobOf(id));
      });
      if (stopped) return;
      if (result === undefined) {
        // The worker died on this file (out of memory, a crash): the file is unreadable, the batch goes on.
        done.set(id, lost(id));
        void worker.terminate();
        worker = spawnWorker();
        workers.push(worker);
      } else done.set(id, result);
      notify();
    }
  };

  const pool = Promise.all(Array.from({ length: concurrency }, serve));
  try {
    while (emitted < count) {
      if (done.has(emitted)) {
        const r = done.get(emitted)!;
        done.delete(emitted);
        emitted++;
        notify();
        yield r;
      } else await signal;
    }
    await pool;
  } finally {
    stopped = true;
    notify();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Every entry through the intake (intake-path.ts), in input order. */
export function intakePaths(
  entries: readonly PathEntry[],
  options: BatchOptions & { readonly judge?: JudgeOptions } = {},
): AsyncIterable<MergeInput> {
  const { concurrency, window, judge } = options;
  const intake = judge ? { judge } : {};
  return runBatch(
    entries.length,
    (id) => ({ id, path: entries[id].path, display: entries[id].display, ...intake }),
    (id) => intakePath(entries[id], intake),
    (id) => unreadableFile(factsOf(entries[id], null), "corrupt", "读取时发生意外错误"),
    { concurrency, window },
  );
}

export interface CheckJob {
  readonly path: string;
  /** How the file is named in its result (default: the path). */
  readonly displayName?: string;
}

/** `check` over many files, in input order. */
export async function* checkFiles(
  files: readonly CheckJob[],
  options: BatchOptions & { readonly judge?: JudgeOptions } = {},
): AsyncIterable<CheckResult> {
  const entries = files.map((f) => ({ path: f.path, display: f.displayName ?? f.path }));
  let i = 0;
  for await (const input of intakePaths(entries, options)) yield checkResultOf(input, entries[i++].display);
}
