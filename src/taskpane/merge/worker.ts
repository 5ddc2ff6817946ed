/**
 * The pane's merge worker: runs one 汇总 (job.ts) off the UI thread and posts its events back; the
 * master's bytes (and the feedback zip's) travel without a copy. The pane cancels a run by terminating the worker.
 */
import { runMergeJob, type JobEvent, type MergeJob } from "./job";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MergeJob>) => void) | null;
  postMessage(message: JobEvent, transfer?: Transferable[]): void;
};

scope.onmessage = (e) => {
  void runMergeJob(e.data, (event) =>
    scope.postMessage(
      event,
      event.type === "done" || event.type === "feedback" ? [event.bytes.buffer as ArrayBuffer] : [],
    ),
  );
};
