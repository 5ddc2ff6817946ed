/**
 * Worker-thread side of a batch (read-batch.ts): takes in one file per message (intake-path.ts), in
 * order of arrival, and answers with its outcome. Everything it calls never throws past its result type.
 */
import { parentPort } from "worker_threads";
import type { JudgeOptions } from "../core/judge";
import { intakePath } from "./intake-path";

export interface BatchJob {
  readonly id: number;
  readonly path: string;
  readonly display: string;
  readonly judge?: JudgeOptions;
}

export interface BatchAnswer {
  readonly id: number;
  readonly result: unknown;
}

const MiB = 1024 * 1024;

/**
 * V8 collects lazily, and a heavy file's garbage would sit under the next file's work in every
 * worker at once; with --expose-gc (as `npm run cli` runs) collect when this thread's heap has grown
 * 64 MB past what the last collection left (a full collection after every small file would cost more than reading it).
 */
let settled = 0;
function collectAfterLargeFile(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc || process.memoryUsage().heapUsed < settled + 64 * MiB) return;
  gc();
  settled = process.memoryUsage().heapUsed;
}

parentPort?.on("message", (job: BatchJob) => {
  void intakePath(job, job.judge ? { judge: job.judge } : {}).then((result) => {
    parentPort!.postMessage({ id: job.id, result } satisfies BatchAnswer);
    collectAfterLargeFile();
  });
});
