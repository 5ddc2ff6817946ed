/**
 * The outcomes every Office operation of the pane may end in besides its own result, and what a
 * feature needs: shared by the pane's operations (operations.ts) and the 汇总 operations
 * (merge-operations.ts), so neither interface imports the other.
 */

/** The operation ran but did not work (Excel error, workbook closed, …). */
export interface Failed {
  readonly kind: "failed";
  /** Chinese: what went wrong and what the user can do. */
  readonly message: string;
}

/** This Excel lacks the API the operation needs; the same message support() gives. */
export interface Unsupported {
  readonly kind: "unsupported";
  readonly message: string;
}

export type FeatureSupport =
  | { readonly available: true }
  | {
      readonly available: false;
      /** The requirement set it needs, e.g. "ExcelApi 1.13". */
      readonly needs: string;
      /** Chinese: what the feature needs and which Excel versions have it. */
      readonly message: string;
    };
