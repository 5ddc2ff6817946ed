/**
 * The Office operations of the 汇总 view, beside TaskPaneOperations (operations.ts) and reaching the
 * view the same way, as a prop. Reading and merging the chosen files is not an Office operation: it
 * runs in the pane on the pure core (src/taskpane/merge/); only writing the master sheets into the
 * open workbook is. Problems are data: no operation rejects for a reason a user should read.
 */
import type { MergeResult } from "../core/merge/model";
import type { FeatureSupport, Failed, Unsupported } from "./outcomes";

export type WriteMasterResult =
  /** Every master sheet written; `chart` false when there was no district to draw. */
  | {
      readonly kind: "written";
      readonly sheets: readonly string[];
      readonly chart: boolean;
    }
  /** The workbook already has these master sheets and `replace` was false: nothing was touched. */
  | { readonly kind: "exists"; readonly sheets: readonly string[] }
  | Unsupported
  | Failed;

export interface WriteMasterOptions {
  /** Replace master sheets the workbook already has (the user has confirmed). */
  readonly replace: boolean;
  /** After each request sent to Excel: rows written so far of `total`. */
  readonly onProgress?: (written: number, total: number) => void;
}

export interface MergeOperations {
  /** Whether this Excel can write the master sheets (asked once per render). */
  support(): FeatureSupport;
  /**
   * Writes the master sheets (spec §5) of `result` into the open workbook, with a native chart on 统计;
   * no other sheet is touched. Existing master sheets are replaced only with `replace`.
   */
  writeMaster(result: MergeResult, options: WriteMasterOptions): Promise<WriteMasterResult>;
}
