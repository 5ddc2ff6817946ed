/** The Chinese words of the units' feedback workbooks (退回意见, 回执), defined once for every host. */
import { TEMPLATE } from "../definition";
import { findingCountsText } from "../words";
import { chineseDate, FEEDBACK_SETTING_LABELS } from "./settings";

/** What each kind of feedback is called: a file name's suffix and its sheet's name. */
export const FEEDBACK_KIND_WORDS = { return: "退回意见", receipt: "回执" } as const;

export const FEEDBACK_TITLES = {
  return: `《${TEMPLATE.title}》退回意见`,
  receipt: `《${TEMPLATE.title}》报送回执`,
} as const;

/** The file name's stem of a unit whose name could not be read. */
export const UNNAMED_UNIT = "未填写单位名称-";

/** The labels of the lines above the findings. */
export const FEEDBACK_LABELS = {
  unit: "报送单位",
  creditCode: "信用代码",
  file: "报送文件",
  sha256: "SHA-256",
  received: "收到时间",
  verdict: "审核结论",
  request: "修改要求",
  receipt: "回执",
  otherFiles: "其他文件",
  // 截止日期 and the bureau's contact: the names the pane and the settings file give them.
  ...FEEDBACK_SETTING_LABELS,
} as const;

/** The findings table's headers. */
export const FEEDBACK_HEADERS = {
  severity: "严重程度",
  sheet: "工作表",
  cell: "单元格",
  field: "栏目",
  value: "填写的内容",
  message: "问题及要求",
  rule: "规则名称",
  location: "核实说明·位置（情况属实时填写）",
  explanation: "已填写的核实说明",
} as const;

/** What the 核实说明·位置 column says of a line that cannot be (or need not be) explained. */
export const HOW_TO_CLEAR = {
  error: "错误，须修改",
  explained: "已说明",
  notExplainable: "须修改",
} as const;

/** The file's modification time as Beijing time (UTC+8, no daylight saving), with what it is. */
export function receivedText(modified: string | null): string {
  const t = modified === null ? NaN : Date.parse(modified);
  if (Number.isNaN(t)) return "未知";
  const b = new Date(t + 8 * 3600_000).toISOString();
  return `${b.slice(0, 10)} ${b.slice(11, 19)}（北京时间，文件的修改时间）`;
}

export function verdictText(
  status: "ok" | "warnings" | "errors",
  errors: number,
  warnings: number,
  unexplained: number,
): string {
  const counts = findingCountsText(errors, warnings, unexplained);
  if (status === "ok") return `通过（${counts}）`;
  return `${status === "errors" ? "有错误" : "待说明"}（${counts}）`;
}

export function requestText(status: "warnings" | "errors", deadline: string | null): string {
  const what =
    status === "errors"
      ? "请按下表逐项修改：错误须修改；提示请核实，情况属实的不必修改数据，在报表的“核实说明”工作表中填写一行说明。"
      : "请按下表逐项核实：情况属实的不必修改数据，在报表的“核实说明”工作表中填写一行说明；不属实的请修改数据。";
  const how =
    "核实说明的“规则”照抄下表的“规则名称”，“位置”照抄“核实说明·位置”，并写明说明。修改后请重新报送整份报表文件（不要只发修改的部分）";
  return `${what}${how}，${deadline === null ? "请尽快重新报送。" : `请于 ${chineseDate(deadline)} 前重新报送。`}`;
}

export function receiptText(warnings: number): string {
  return `经审核，你单位报送的上述文件通过校验${warnings > 0 ? `，${warnings} 个提示均已说明（见下表）` : ""}，已收到并计入汇总。请保留与本回执 SHA-256 一致的文件备查。`;
}

/** A file of the unit that the merged one replaced. */
export function supersededText(name: string, fillDate: string | null): string {
  return `你单位还报送了文件“${name}”${fillDate ? `（填报日期 ${fillDate}）` : ""}，已由上述较新的文件替代，未计入汇总。如上述文件不是最终版本，请重新报送最终版本。`;
}

/** How many characters of a value the table shows before it says how long it is. */
export const VALUE_SHOWN_CHARS = 100;

export function clippedValue(text: string): string {
  const chars = [...text];
  return chars.length <= VALUE_SHOWN_CHARS
    ? text
    : `${chars.slice(0, VALUE_SHOWN_CHARS).join("")}…（共 ${chars.length} 字）`;
}

/** “退回意见 3 份、回执 7 份”: what a 汇总's feedback holds. */
export function feedbackCountsText(returns: number, receipts: number): string {
  return `${FEEDBACK_KIND_WORDS.return} ${returns} 份、${FEEDBACK_KIND_WORDS.receipt} ${receipts} 份`;
}
