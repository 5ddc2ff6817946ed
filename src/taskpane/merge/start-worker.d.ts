/** A new merge worker (worker.ts), bundled by webpack as a chunk of its own. */
export function startMergeWorker(): Worker;
