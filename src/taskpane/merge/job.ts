/**
 * One 汇总 run, from the chosen files to the master's bytes: the roster, last time's master (与上年核对,
 * through the same intake as --previous), each file through the shared
 * intake (src/intake, as the command line's workers run it), the merge, then the one master writer
 * (src/xlsx/master). It runs in the pane's web worker (worker.ts), so the task pane stays responsive,
 * and reports as it goes with small events. Pure of the DOM and of Office; never throws.
 */
import type { ReportType } from "../../core/definition";
import { mergeSubmissions, type MergeInput, type MergeOptions } from "../../core/merge";
import type { MergeResult, MergeSummary } from "../../core/merge/model";
import { intakeFile, type FileFacts } from "../../intake";
import { candidatesOf, feedbackOf, type FeedbackSettings } from "../../core/feedback";
import { masterDate } from "../../core/master/describe";
import { feedbackZip } from "../../xlsx/feedback";
import { masterBytes } from "../../xlsx/master";
import { bureauOutputsOf, type BureauOutputs } from "./bureau-outputs";
import { linesOfMerge, lineOfInput, type FileLine } from "./lines";
import { takeRoster } from "../../intake/roster";
import { takePreviousMaster } from "../../intake/master";

/** A chosen file as the job receives it: the browser's File (a Blob) travels to a worker as is. */
export interface JobFile extends FileFacts {
  readonly id: number;
  readonly blob: Blob;
}

export interface MergeJob {
  readonly files: readonly JobFile[];
  readonly roster: JobFile | null;
  /** Last time's master (上年汇总表), for 与上年核对; absent or null: no comparison. */
  readonly previous?: JobFile | null;
  readonly reportType: ReportType | null;
  /** Recorded in the master's 汇总信息. */
  readonly productVersion: string;
  /** Each unit's 退回意见 or 回执 is made too, with these settings (deadline, contact); absent or null: not made. */
  readonly feedback?: FeedbackSettings | null;
}

export type JobEvent =
  /** The roster or last time's master could not be read: nothing else happens. */
  | { readonly type: "stopped"; readonly message: string }
  /** One file read and judged (before the merge decides between submissions). */
  | { readonly type: "read"; readonly line: FileLine; readonly done: number; readonly total: number }
  /** Every file's final line, and the summary, once the merge is done; the master is being written. */
  | {
      readonly type: "merged";
      readonly lines: readonly FileLine[];
      readonly summary: MergeSummary;
      /** The bureau's paragraph and 催报 list. */
      readonly bureau: BureauOutputs;
    }
  /** Master rows written so far. */
  | { readonly type: "writing"; readonly rows: number; readonly total: number }
  /** Units' feedback workbooks written so far (only when the job asks for them). */
  | { readonly type: "writing_feedback"; readonly done: number; readonly total: number }
  /** Every unit's feedback workbook in one zip, before the master is done. */
  | { readonly type: "feedback"; readonly bytes: Uint8Array; readonly returns: number; readonly receipts: number }
  /** The finished master: its bytes, and their Base64 for the host (made here, off the UI thread). */
  | { readonly type: "done"; readonly bytes: Uint8Array; readonly base64: string }
  | { readonly type: "failed"; readonly message: string };

export type Post = (event: JobEvent) => void;

/** Units between two progress events while the feedback is written. */
const FEEDBACK_PROGRESS_EVERY = 20;

async function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === "function") return new Uint8Array(await blob.arrayBuffer());
  // Older engines: FileReader (FileReaderSync is workers-only, FileReader is everywhere).
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** Base64 of bytes, a chunk at a time (one String.fromCharCode over megabytes overflows the stack). */
export function base64Of(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += 0x8000)
    pieces.push(String.fromCharCode(...bytes.subarray(at, Math.min(at + 0x8000, bytes.length))));
  return btoa(pieces.join(""));
}

/** Rows the master will have, roughly: for the progress bar while it is written. */
function masterRows(summary: MergeSummary, inputs: readonly MergeInput[]): number {
  let rows = summary.unitsMerged + 100;
  for (const i of inputs) if (i.kind === "report") for (const t of Object.values(i.candidate.tables)) rows += t.length;
  return rows;
}

/** Each merged unit's 退回意见 or 回执, zipped, as the command line's --feedback writes them one by one. */
async function postFeedback(
  result: MergeResult,
  inputs: readonly { readonly input: MergeInput }[],
  settings: FeedbackSettings,
  date: Date,
  post: Post,
): Promise<void> {
  const feedback = feedbackOf(result, candidatesOf(inputs.map((i) => i.input)));
  const total = feedback.length;
  const bytes = await feedbackZip(feedback, settings, date, (done) => {
    if (done % FEEDBACK_PROGRESS_EVERY === 0) post({ type: "writing_feedback", done, total });
  });
  const returns = feedback.filter((f) => f.kind === "return").length;
  post({ type: "feedback", bytes, returns, receipts: total - returns });
}

export async function runMergeJob(job: MergeJob, post: Post): Promise<void> {
  try {
    let roster: MergeOptions["roster"];
    if (job.roster) {
      const file = job.roster;
      const read = await takeRoster({ name: file.name, size: file.size, read: () => blobBytes(file.blob) });
      if (!read.ok) return post({ type: "stopped", message: read.reason });
      roster = { file: read.file, units: read.units };
    }
    let previous: MergeOptions["previous"];
    if (job.previous) {
      const file = job.previous;
      const read = await takePreviousMaster(file, () => blobBytes(file.blob));
      if (!read.ok) return post({ type: "stopped", message: read.reason });
      previous = read.master;
    }
    const inputs: { id: number; input: MergeInput }[] = [];
    for (const file of job.files) {
      // The pane cannot run LibreOffice: an .xls, .et or .ods line says how to have it read.
      const input = await intakeFile(file, () => blobBytes(file.blob), { conversion: { unavailable: "pane" } });
      inputs.push({ id: file.id, input });
      post({ type: "read", line: lineOfInput(file.id, input), done: inputs.length, total: job.files.length });
    }
    const result = mergeSubmissions(
      inputs.map((i) => i.input),
      {
        ...(job.reportType ? { reportType: job.reportType } : {}),
        ...(roster ? { roster } : {}),
        ...(previous ? { previous } : {}),
      },
    );
    post({
      type: "merged",
      lines: linesOfMerge(inputs, result),
      summary: result.summary,
      bureau: bureauOutputsOf(result),
    });
    const total = masterRows(
      result.summary,
      inputs.map((i) => i.input),
    );
    const bytes = await masterBytes(
      result,
      { productVersion: job.productVersion },
      { onRows: (rows) => post({ type: "writing", rows, total }) },
    );
    if (job.feedback) await postFeedback(result, inputs, job.feedback, masterDate(result), post);
    post({ type: "done", bytes, base64: base64Of(bytes) });
  } catch (e) {
    post({
      type: "failed",
      message: `汇总时出错（${e instanceof Error ? e.message : String(e)}）。请重试；如仍失败，请改用命令行工具的 merge 命令。`,
    });
  }
}
