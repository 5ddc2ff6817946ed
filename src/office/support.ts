/**
 * Which pane features this Excel can run, from Office's requirement sets, with the Chinese message
 * naming the set and the Excel versions that have it (../shared/notes/office-js-facts.md §6).
 */
import type { Feature, FeatureSupport } from "../ports/operations";

/** The requirement-set check (Office.context.requirements.isSetSupported), injected for tests. */
export type IsSetSupported = (name: string, version: string) => boolean;

/**
 * What manifest.xml declares: the pane loads where ExcelApi 1.9 is. Below it are only Excel 2016/2019
 * perpetual installs, whose IE11/EdgeHTML webviews cannot run React 18 and Fluent UI v9 anyway.
 */
export const MANIFEST_EXCEL_API = "1.9";

/** The ExcelApi version each feature needs, and why. */
export const FEATURE_SETS: Readonly<Record<Feature, string>> = {
  // insertWorksheetsFromBase64.
  insertTemplate: "1.13",
  // getItemOrNullObject and getUsedRangeOrNullObject.
  validate: "1.4",
  // WorksheetCollection.onChanged/onActivated; triggerSource (1.14) is used when present.
  liveValidation: "1.9",
  // Conditional formats with a custom rule.
  marks: "1.6",
  // getItemOrNullObject on 核实说明.
  explain: "1.4",
};

const LABELS: Readonly<Record<Feature, string>> = {
  insertTemplate: "插入模板",
  validate: "校验",
  liveValidation: "边填边校验",
  marks: "在表格中标出有问题的单元格",
  explain: "在任务窗格中填写核实说明",
};

/** Which Excel has a set, in Chinese (Microsoft's requirement-set table). */
function versionsWith(version: string): string {
  const minor = Number(version.split(".")[1]);
  if (minor <= 7)
    return "Excel 2019 及更高版本、Microsoft 365（Windows、Mac）和 Excel 网页版；Excel 2016 批量许可版不支持";
  if (minor <= 12)
    return "Excel 2021 及更高版本（含 LTSC 2021/2024）、Microsoft 365（Windows、Mac）和 Excel 网页版；Excel 2016/2019 不支持";
  if (minor === 13)
    return "Microsoft 365 Windows 版 2102 或更高、Mac 版 16.50 或更高、Excel 网页版、Excel LTSC 2021/2024；Excel 2016/2019 不支持";
  return "Microsoft 365 Windows 版 2108 或更高、Mac 版 16.52 或更高、Excel 网页版、Excel LTSC 2021/2024；Excel 2016/2019 不支持";
}

export function unsupportedMessage(feature: Feature): string {
  const version = FEATURE_SETS[feature];
  return `“${LABELS[feature]}”需要 Excel JavaScript API（ExcelApi）${version}，当前的 Excel 不提供。支持的版本：${versionsWith(version)}。也可以使用模板文件和命令行工具完成同样的工作。`;
}

export function featureSupport(isSetSupported: IsSetSupported): Readonly<Record<Feature, FeatureSupport>> {
  const out = {} as Record<Feature, FeatureSupport>;
  for (const feature of Object.keys(FEATURE_SETS) as Feature[]) {
    const version = FEATURE_SETS[feature];
    out[feature] = isSetSupported("ExcelApi", version)
      ? { available: true }
      : { available: false, needs: `ExcelApi ${version}`, message: unsupportedMessage(feature) };
  }
  return out;
}
