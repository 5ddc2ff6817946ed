/**
 * 汇总 in WPS: the master the pane's worker wrote (the same bytes `merge` writes on the command line)
 * is saved to a temporary file and opened as a workbook of its own; the open workbook is never
 * touched. WPS opens by path, so there is no request-size limit as in Excel on the web.
 */
import type { MergeOperations } from "../ports/merge-operations";
import type { FeatureSupport } from "../ports/outcomes";
import type { WpsApplication } from "./api";
import { errorDetail, messages } from "./messages";
import { tempPath, writeTempFile } from "./temp-file";

export function createWpsMergeOperations(app: WpsApplication, support: FeatureSupport): MergeOperations {
  return {
    support: () => support,
    async openMaster({ bytes }) {
      if (!support.available) return { kind: "unsupported", message: support.message };
      const path = tempPath(app, "汇总");
      try {
        if (!writeTempFile(app, path, bytes)) return { kind: "failed", message: messages.masterTempFailed(path) };
        app.Workbooks.Open(path);
        return { kind: "opened" };
      } catch (e) {
        return { kind: "failed", message: messages.wpsFailed("打开汇总工作簿", errorDetail(e)) };
      }
    },
  };
}
