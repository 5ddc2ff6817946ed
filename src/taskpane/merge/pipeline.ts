/**
 * How the 汇总 view runs a merge, as one small interface so view tests hand in their own: in a web
 * worker where the browser has them (every host the pane supports), else on the UI thread in turns.
 * A run can be cancelled at any stage; nothing is opened or written until the master is complete.
 */
import type { JobEvent, MergeJob } from "./job";

export interface RunningMerge {
  /** Stops the run; no further events arrive. */
  cancel(): void;
  /** Settles when the run has ended, whether it finished, failed or was cancelled. */
  readonly ended: Promise<void>;
}

export interface MergePipeline {
  start(job: MergeJob, onEvent: (event: JobEvent) => void): RunningMerge;
}

/** The run in a web worker (its own chunk, loaded when the first merge starts). */
export const workerPipeline: MergePipeline = {
  start(job, onEvent) {
    let worker: Worker | null = null;
    let cancelled = false;
    let end: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const stop = () => {
      worker?.terminate();
      end();
    };
    void import("./start-worker").then(({ startMergeWorker }) => {
      if (cancelled) return;
      worker = startMergeWorker();
      worker.onmessage = (e: MessageEvent<JobEvent>) => {
        if (!cancelled) onEvent(e.data);
        if (e.data.type === "done" || e.data.type === "failed" || e.data.type === "stopped") stop();
      };
      worker.onerror = (e) => {
        if (!cancelled)
          onEvent({ type: "failed", message: `汇总时出错（${e.message || "后台任务意外停止"}）。请重试。` });
        stop();
      };
      worker.postMessage(job);
    });
    return {
      cancel() {
        cancelled = true;
        stop();
      },
      ended,
    };
  },
};

/** The same run on this thread (tests; a host without workers): cancelling drops the events that follow. */
export function inThreadPipeline(run: (job: MergeJob, post: (e: JobEvent) => void) => Promise<void>): MergePipeline {
  return {
    start(job, onEvent) {
      let cancelled = false;
      const ended = run(job, (e) => {
        if (!cancelled) onEvent(e);
      });
      return { cancel: () => void (cancelled = true), ended };
    },
  };
}

/** Where the browser has workers (every host the pane supports), there; else on this thread. */
export const defaultPipeline: MergePipeline =
  typeof Worker === "function"
    ? workerPipeline
    : inThreadPipeline(async (job, post) => (await import("./job")).runMergeJob(job, post));
