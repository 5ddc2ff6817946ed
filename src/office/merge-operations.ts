/**
 * MergeOperations (src/ports/merge-operations.ts) implemented with Office.js: the requirement set
 * checked first, then the master sheets planned from the merge result and written (master-sheets.ts).
 */
import type { MergeOperations } from "../ports/merge-operations";
import type { FeatureSupport } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { masterSheetPlans } from "./master-plan";
import { writeMasterSheets } from "./master-sheets";
import type { IsSetSupported } from "./support";

/** Worksheet.autoFilter (1.9); freezePanes and chart series (1.7) come with it. */
export const MERGE_EXCEL_API = "1.9";

export const MERGE_UNSUPPORTED_MESSAGE =
  `“汇总”需要 Excel JavaScript API（ExcelApi）${MERGE_EXCEL_API}，当前的 Excel 不提供。` +
  "支持的版本：Excel 2021 及更高版本（含 LTSC 2021/2024）、Microsoft 365（Windows、Mac）和 Excel 网页版；Excel 2016/2019 不支持。" +
  "也可以使用命令行工具的 merge 命令完成汇总。";

export interface MergeOperationsDeps {
  readonly excel: ExcelRunner;
  readonly isSetSupported: IsSetSupported;
  /** Wraps the add-in's own writes, so live validation does not take them for a user's (operations.ts). */
  readonly writing?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Bytes per request (tests make it small to see the chunking). */
  readonly budget?: number;
}

export function createMergeOperations(deps: MergeOperationsDeps): MergeOperations {
  const support: FeatureSupport = deps.isSetSupported("ExcelApi", MERGE_EXCEL_API)
    ? { available: true }
    : {
        available: false,
        needs: `ExcelApi ${MERGE_EXCEL_API}`,
        message: MERGE_UNSUPPORTED_MESSAGE,
      };
  const writing = deps.writing ?? (<T>(work: () => Promise<T>) => work());
  return {
    support: () => support,
    async writeMaster(result, options) {
      if (!support.available) return { kind: "unsupported", message: support.message };
      const plans = masterSheetPlans(result);
      return writing(() =>
        writeMasterSheets(deps.excel, plans, {
          ...options,
          ...(deps.budget ? { budget: deps.budget } : {}),
        }),
      );
    },
  };
}
