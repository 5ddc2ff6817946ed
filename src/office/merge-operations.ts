/**
 * MergeOperations (src/ports/merge-operations.ts) implemented with Office.js: the finished master is
 * opened as a workbook of its own (Excel.createWorkbook), never written into the open one, so no
 * sheet of the user's is ever at risk and a failure leaves everything as it was.
 */
import type { MergeOperations } from "../ports/merge-operations";
import type { FeatureSupport } from "../ports/outcomes";
import { errorDetail, messages } from "./messages";
import { REQUEST_LIMIT_BYTES, requestBytes } from "./request-size";
import type { IsSetSupported } from "./support";

/** Excel.createWorkbook (ExcelApi 1.8). */
export const MERGE_EXCEL_API = "1.8";

export const MERGE_UNSUPPORTED_MESSAGE =
  `在 Excel 中打开汇总结果需要 Excel JavaScript API（ExcelApi）${MERGE_EXCEL_API}，当前的 Excel 不提供。` +
  "支持的版本：Excel 2019 及更高版本、Microsoft 365（Windows、Mac）和 Excel 网页版。" +
  "汇总结果仍可下载为文件，或使用命令行工具的 merge 命令完成汇总。";

/** Room for the request's own envelope around the workbook's Base64. */
const ENVELOPE_BYTES = 64 * 1024;

export interface MergeOperationsDeps {
  readonly isSetSupported: IsSetSupported;
  /** Excel.createWorkbook, injected so tests hand in the stand-in's. */
  readonly createWorkbook: (base64: string) => Promise<void>;
  /** The most a request may carry (default Excel on the web's 5 MB; tests make it small). */
  readonly requestLimit?: number;
  /** Office.onReady's platform (Office.PlatformType: PC, OfficeOnline, Mac, iOS…); unknown: "". */
  readonly platform?: string;
}

/**
 * Where the pane's WebView drops a download without a word: Office for Mac and iPad (WKWebView;
 * OfficeDev/office-js#2700, closed by design).
 */
const NO_DOWNLOADS: readonly string[] = ["Mac", "iOS"];

export function createMergeOperations(deps: MergeOperationsDeps): MergeOperations {
  const support: FeatureSupport = deps.isSetSupported("ExcelApi", MERGE_EXCEL_API)
    ? { available: true }
    : { available: false, needs: `ExcelApi ${MERGE_EXCEL_API}`, message: MERGE_UNSUPPORTED_MESSAGE };
  const limit = deps.requestLimit ?? REQUEST_LIMIT_BYTES;
  const downloads = !NO_DOWNLOADS.includes(deps.platform ?? "");
  return {
    support: () => support,
    canDownload: () => downloads,
    async openMaster({ base64 }) {
      if (!support.available) return { kind: "unsupported", message: support.message };
      if (requestBytes(base64) + ENVELOPE_BYTES > limit)
        return { kind: "too_large", message: messages.masterTooLarge() };
      try {
        await deps.createWorkbook(base64);
        return { kind: "opened" };
      } catch (e) {
        return { kind: "failed", message: messages.excelFailed("打开汇总工作簿", errorDetail(e)) };
      }
    },
  };
}
