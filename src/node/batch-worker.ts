/**
 * Worker-thread side of a batch (read-batch.ts): reads or checks one file per message, in order of
 * arrival, and answers with the result. Everything it calls never throws past its result type.
 */
import { parentPort } from "worker_threads";
import { checkFile, readReportFile, type CheckOptions } from "./read-report";

export type BatchJob =
  | { readonly id: number; readonly kind: "read"; readonly path: string }
  | { readonly id: number; readonly kind: "check"; readonly path: string; readonly options: CheckOptions };

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
  const work = job.kind === "read" ? readReportFile(job.path) : checkFile(job.path, job.options);
  void work.then((result) => {
    parentPort!.postMessage({ id: job.id, result } satisfies BatchAnswer);
    collectAfterLargeFile();
  });
});
