/**
 * Every Office operation the task pane can ask for, as one interface that reaches components as a
 * prop (the Office TaskPane-React template pattern). src/office implements it with Office.js; tests
 * pass plain fakes. Only core types here, so the pane and its tests never see Office.js.
 *
 * Problems are data: no operation rejects for a reason a user should read; each says what happened
 * in its result, with any Chinese message already written.
 */
import type { GridCheck } from "../core/check-grid";
import type { Finding } from "../core/model";
import type { Diagnosis } from "./diagnosis";
import type { MergeOperations } from "./merge-operations";

/** A place in the workbook: a sheet by its current name and an A1 address on it. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

export type { Failed, FeatureSupport, Unsupported } from "./outcomes";
import type { Failed, FeatureSupport, Unsupported } from "./outcomes";

export type Done = { readonly kind: "done" } | Failed | Unsupported;

export type InsertResult =
  /** Inserted, repaired and read back; `first` is where filling starts. */
  | { readonly kind: "inserted"; readonly sheets: readonly string[]; readonly first: CellRef }
  /** The workbook already has the template: nothing was inserted; selectCell(at) goes to it. */
  | { readonly kind: "present"; readonly at: CellRef }
  | Unsupported
  | Failed;

/** The core's verdict on the workbook as it is now (checkGrid on the values Excel holds). */
export type Validation = { readonly kind: "checked"; readonly check: GridCheck } | Unsupported | Failed;

export type ExplainResult =
  /** The 核实说明 row written; the next validate() shows the finding as explained. */
  { readonly kind: "written"; readonly at: CellRef } | Unsupported | Failed;

/** The pane's features; each may be missing on an older Excel. */
export type Feature = "insertTemplate" | "validate" | "liveValidation" | "marks" | "explain";

export interface TaskPaneOperations {
  /** From Office.context.requirements.isSetSupported; synchronous, asked once per render. */
  support(): Readonly<Record<Feature, FeatureSupport>>;
  /** Inserts the template (the caller has warned that Excel clears the undo history). */
  insertTemplate(): Promise<InsertResult>;
  /** A full pass: read every template sheet and judge it. */
  validate(): Promise<Validation>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<Done>;
  /** Appends a 核实说明 row (rule name, location, reason) for a warning, the reason exactly as given (1–500 characters once trimmed). */
  writeExplanation(finding: Finding, reason: string): Promise<ExplainResult>;
  /** Marks these findings' cells in the sheet (replacing earlier marks) without touching the user's formats. */
  markFindings(findings: readonly Finding[]): Promise<Done>;
  /** Removes every mark. */
  clearMarks(): Promise<Done>;
  /**
   * Calls back with a fresh Validation after each user change to a template sheet (and when one is
   * activated); the add-in's own writes do not call back. Returns the unsubscribe function.
   */
  onWorkbookChanged(callback: (validation: Validation) => void): () => void;
  /** The 汇总 view's operations (merge-operations.ts); absent where the host cannot open a workbook. */
  readonly merge?: MergeOperations;
  /**
   * 宿主诊断: checks what the adapter assumes about its host (docs/wps-facts.md) in a scratch
   * workbook it creates and closes, never the user's; absent where there is nothing unconfirmed to check.
   */
  readonly diagnose?: () => Promise<Diagnosis>;
}
