/**
 * What the task pane may know about its host. Components receive an OfficeAdapter (props/context) and
 * never touch the Office or Excel globals: only src/office does, so the shell renders — and can be
 * tested — outside Office.
 */
import type { WorkbookGrid } from "../core/model";
import type { TaskPaneOperations } from "./operations";

/** Light or dark, from the Office theme; the task pane picks its Fluent theme from it. */
export type ThemeMode = "light" | "dark";

/** Why the pane is not talking to Excel. */
export type OutsideReason =
  /** office.js never loaded (opened in a plain browser, or offline). */
  | "no-office-js"
  /** office.js loaded, but the page is not inside an Office application. */
  | "not-in-office"
  /** Inside Office, but not Excel (e.g. Word). */
  | "other-host"
  /** office.js loaded but never said it was ready. */
  | "timeout"
  /** office.js failed to initialise (Office.onReady rejected). */
  | "failed"
  /** The WPS page, but no WPS add-in object model (window.Application) around it. */
  | "no-wps";

export type HostStatus =
  | { readonly kind: "excel"; readonly platform: string }
  /** WPS 表格 (src/wps); `supported` false when it is older than the pane needs (each feature says why). */
  | { readonly kind: "wps"; readonly version: string; readonly supported: boolean }
  | { readonly kind: "outside"; readonly reason: OutsideReason; readonly host?: string };

/** Which of the template's sheets the open workbook has. */
export interface TemplateSheets {
  /** Template sheet names found, in the template's order. */
  readonly present: readonly string[];
  /** Template sheet names not found, in the template's order. */
  readonly missing: readonly string[];
  readonly activeSheet: string;
}

/** Operations on the open workbook. Each is one Excel.run batch; the doc comment says how many syncs. */
export interface WorkbookAdapter {
  /** One context.sync. */
  findTemplateSheets(): Promise<TemplateSheets>;
  /** Every sheet's values and the defined names, for the core to judge. Two context.sync calls. */
  readGrid(): Promise<WorkbookGrid>;
}

export interface OfficeAdapter {
  readonly host: HostStatus;
  readonly theme: ThemeMode;
  /** Null outside Excel and WPS. */
  readonly workbook: WorkbookAdapter | null;
  /** The pane's Office operations (src/office/operations.ts); null or absent outside Excel. */
  readonly operations?: TaskPaneOperations | null;
}
