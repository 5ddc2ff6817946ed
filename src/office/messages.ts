/**
 * Every Chinese message the Office operations give the pane, in one place, rendered from data.
 */
export const messages = {
  excelFailed: (what: string, detail: string) =>
    `${what}时 Excel 报告了错误（${detail}）。请稍后重试；如仍失败，请关闭并重新打开任务窗格。`,
  templateUnavailable: (detail: string) =>
    `无法载入随加载项发布的模板文件（${detail}）。请检查网络后重试，或使用 template 命令生成的模板文件。`,
  sheetNameTaken: (names: readonly string[]) =>
    `工作簿中已有名为${names.map((n) => `“${n}”`).join("、")}的工作表，与模板的工作表同名。请先将其改名或删除，再插入模板。`,
  insertIncomplete: (problems: readonly string[]) =>
    `模板已插入，但以下内容未能恢复：${problems.join("；")}。请删除刚插入的工作表后重试，或改用 template 命令生成的模板文件。`,
  nameNotRestored: (name: string) => `名称 ${name}`,
  notProtected: (sheet: string) => `工作表“${sheet}”的保护`,
  validationLost: (sheet: string, cell: string) => `${sheet}!${cell} 的下拉列表`,
  sheetMissingAfterInsert: (sheet: string) => `工作表“${sheet}”`,
  sheetRenamed: (expected: string, actual: string) => `工作表“${expected}”（插入后名为“${actual}”）`,
  sheetMissing: (sheet: string) => `找不到工作表“${sheet}”。它可能已被改名或删除，请点击“校验”刷新问题列表。`,
  noExplanationSheet: (sheet: string) => `工作簿中没有“${sheet}”工作表，无法写入核实说明。请先插入模板。`,
  masterTooLarge: () =>
    "汇总结果较大，超过了 Excel 一次能打开的数据量（网页版每次请求不超过 5 MB），未能直接在 Excel 中打开。请点击“下载汇总文件”保存后再打开，或使用命令行工具的 merge 命令。",
  explanationLength: (max: number) => `说明需填写 1 至 ${max} 个字。`,
  explanationLocked: (sheet: string) =>
    `“${sheet}”的空行已用完，受保护的表格不允许写入。请在“${sheet}”表的最后一行上方插入行后重试。`,
} as const;

/** The code Office.js puts on its errors (OfficeExtension.Error.code), or the message. */
export function errorDetail(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code) return code;
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message) return message.slice(0, 200);
  }
  return String(error).slice(0, 200);
}

export function errorCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}
