/**
 * Every Chinese message the WPS operations give the pane, in one place. The template and 核实说明
 * messages name the same things as the Office adapter's; only the host's name differs.
 */
export const messages = {
  wpsFailed: (what: string, detail: string) =>
    `${what}时 WPS 报告了错误（${detail}）。请稍后重试；如仍失败，请关闭并重新打开任务窗格。`,
  templateUnavailable: (detail: string) =>
    `无法载入随加载项发布的模板文件（${detail}）。请检查网络后重试，或使用 template 命令生成的模板文件。`,
  noWorkbook: () => "WPS 表格中没有打开的工作簿。请先新建或打开一个工作簿。",
  sheetNameTaken: (names: readonly string[]) =>
    `工作簿中已有名为${names.map((n) => `“${n}”`).join("、")}的工作表，与模板的工作表同名。请先将其改名或删除，再插入模板。`,
  tempFileFailed: (path: string) => `无法把模板写入临时文件（${path}）。请检查临时目录是否可写后重试。`,
  insertIncomplete: (problems: readonly string[]) =>
    `模板已插入，但以下内容未能恢复：${problems.join("；")}。请删除刚插入的工作表后重试，或改用 template 命令生成的模板文件。`,
  nameNotRestored: (name: string) => `名称 ${name}`,
  notProtected: (sheet: string) => `工作表“${sheet}”的保护`,
  validationLost: (sheet: string, cell: string) => `${sheet}!${cell} 的下拉列表`,
  sheetMissingAfterInsert: (sheet: string) => `工作表“${sheet}”`,
  sheetMissing: (sheet: string) => `找不到工作表“${sheet}”。它可能已被改名或删除，请点击“校验”刷新问题列表。`,
  noExplanationSheet: (sheet: string) => `工作簿中没有“${sheet}”工作表，无法写入核实说明。请先插入模板。`,
  explanationLength: (max: number) => `说明需填写 1 至 ${max} 个字。`,
  explanationNotKept: (sheet: string) =>
    `核实说明写入“${sheet}”后读回的内容与填写的不一致。请检查该表是否受保护或被改动，然后重试。`,
  masterTempFailed: (path: string) =>
    `无法把汇总结果写入临时文件（${path}）。请点击“下载汇总文件”保存后再用 WPS 打开，或使用命令行工具的 merge 命令。`,
} as const;

/** What a WPS call threw, for the message (WPS throws plain Errors or strings). */
export function errorDetail(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === "string" && message) return message.slice(0, 200);
  }
  return String(error).slice(0, 200);
}
