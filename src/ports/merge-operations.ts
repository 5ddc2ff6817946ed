/**
 * The host operations of the 汇总 view, beside TaskPaneOperations (operations.ts) and reaching the
 * view the same way, as a prop. Reading, judging and merging the chosen files, and writing the
 * master's bytes, are not host operations: they run in the pane's worker on the shared core. The host
 * only opens the finished master as a workbook of its own, so no sheet of the open workbook is ever
 * touched. Problems are data: no operation rejects for a reason a user should read.
 */
import type { FeatureSupport, Failed, Unsupported } from "./outcomes";

export type OpenMasterResult =
  /** The host opened the master as a new workbook. */
  | { readonly kind: "opened" }
  /** Too large to hand the host in one request: the pane offers it as a download instead. */
  | { readonly kind: "too_large"; readonly message: string }
  | Unsupported
  | Failed;

/** The finished master: its bytes (to download) and their Base64 (what a host's open call takes), made off the UI thread. */
export interface MasterFile {
  readonly bytes: Uint8Array;
  readonly base64: string;
}

export interface MergeOperations {
  /** Whether this host can open a workbook from bytes (asked once per render). */
  support(): FeatureSupport;
  /** Opens the master as a new workbook; the open workbook is not touched. */
  openMaster(master: MasterFile): Promise<OpenMasterResult>;
  /**
   * Whether the pane can save a file as a browser download. Office for Mac and iPad show the pane in
   * a WebView that drops downloads without a word, so there the pane points to the command line
   * instead. Absent: it can.
   */
  canDownload?(): boolean;
}
