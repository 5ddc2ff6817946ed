/**
 * What the bureau says in every 退回意见 and 回执 besides the findings: the deadline for a corrected
 * report and who to contact. Typed in the pane's 汇总 view, or given to `merge` in a settings file
 * (JSON, Chinese keys, a section per feature so other settings can join it) and `--deadline`. The
 * same checks run on both, and every refusal says in Chinese which item is wrong and what it should be.
 */
import { z } from "zod";
import { normaliseDate, normaliseEmail, normalisePhone } from "../normalise";

export interface FeedbackSettings {
  /** ISO date by which a corrected report is due; null: none given (“请尽快”). */
  readonly deadline: string | null;
  /** The bureau's office that handles the reports (经办单位), e.g. 标准化处. */
  readonly office: string | null;
  readonly contact: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  /** Anything else every unit should read (how to send the corrected file, sealing…). */
  readonly note: string | null;
}

export type FeedbackSettingId = keyof FeedbackSettings;

export const NO_FEEDBACK_SETTINGS: FeedbackSettings = {
  deadline: null,
  office: null,
  contact: null,
  phone: null,
  email: null,
  note: null,
};

/** The settings file's section for feedback, and its items' names (what users write, and what the pane labels). */
export const FEEDBACK_SECTION = "退回意见";
export const FEEDBACK_SETTING_LABELS: Readonly<Record<FeedbackSettingId, string>> = {
  deadline: "截止日期",
  office: "经办单位",
  contact: "联系人",
  phone: "联系电话",
  email: "电子邮箱",
  note: "补充说明",
};

/** Longest text of each free-text item, in characters. */
const MAX_CHARS: Readonly<Partial<Record<FeedbackSettingId, number>>> = { office: 100, contact: 20, note: 500 };

/** The largest settings file read (a few hundred bytes is usual). */
export const MAX_SETTINGS_BYTES = 64 * 1024;

const IDS = Object.keys(FEEDBACK_SETTING_LABELS) as FeedbackSettingId[];

/** One item refused, for the pane to show under its field. */
export interface SettingProblem {
  readonly id: FeedbackSettingId;
  /** What it should be, without the item's name (“应为日期，如 …”). */
  readonly message: string;
}

export type FeedbackSettingsResult =
  | { readonly ok: true; readonly settings: FeedbackSettings }
  | { readonly ok: false; readonly problems: readonly SettingProblem[] };

/** “2023年11月25日” for an ISO date. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The item's value as kept, or what it should be (without the item's name). */
function checkItem(id: FeedbackSettingId, text: string): { value: string } | { problem: string } {
  if (id === "deadline") {
    const date = normaliseDate(text);
    return date.ok
      ? { value: date.value }
      : { problem: `应为日期，如 2023-11-25 或 2023年11月25日，填写的是“${text}”` };
  }
  if (id === "phone" || id === "email") {
    const read = id === "phone" ? normalisePhone(text) : normaliseEmail(text);
    return read.ok ? { value: read.value } : { problem: read.problem };
  }
  const max = MAX_CHARS[id];
  const length = [...text].length;
  return max !== undefined && length > max ? { problem: `最多 ${max} 个字，填写了 ${length} 个字` } : { value: text };
}

/** The settings from typed text by item (blank or missing: not given), each item checked. */
export function feedbackSettingsOf(
  typed: Readonly<Partial<Record<FeedbackSettingId, string>>>,
): FeedbackSettingsResult {
  const settings: Record<FeedbackSettingId, string | null> = { ...NO_FEEDBACK_SETTINGS };
  const problems: SettingProblem[] = [];
  for (const id of IDS) {
    const text = typed[id]?.trim() ?? "";
    if (text === "") continue;
    const item = checkItem(id, text);
    if ("problem" in item) problems.push({ id, message: item.problem });
    else settings[id] = item.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** The deadline given on its own (`--deadline`): an ISO date, or why not. */
export function deadlineOf(
  text: string,
): { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly problem: string } {
  const item = checkItem("deadline", text.trim());
  return "value" in item ? { ok: true, iso: item.value } : { ok: false, problem: item.problem };
}

const FEEDBACK_SHAPE = z.strictObject(
  Object.fromEntries(IDS.map((id) => [FEEDBACK_SETTING_LABELS[id], z.string().optional()])),
);
const FILE_SHAPE = z.strictObject({ [FEEDBACK_SECTION]: FEEDBACK_SHAPE.optional() });

/** “第 3 行第 5 列” of a character offset in `text`. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列`;
}

/** Where JSON.parse stopped, when its message says (`at position N`, or `line L column C`). */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `第 ${lineColumn[1]} 行第 ${lineColumn[2]} 列`;
  const position = /position (\d+)/.exec(message);
  return position ? lineAndColumn(text, Number(position[1])) : "";
}

const JSON_HINT =
  '设置文件须为 JSON 格式，例如 {"退回意见": {"截止日期": "2023-11-25", "联系人": "张三"}}：键和值都用英文双引号括起来，各项之间用英文逗号分隔';

/** Where an item of the file is, as users name it: 退回意见 → 联系人. */
const placeOf = (path: readonly PropertyKey[]) => path.map(String).join(" → ");

function shapeProblem(issue: z.core.$ZodIssue): string {
  const where = placeOf(issue.path);
  if (issue.code === "unrecognized_keys") {
    const known = issue.path.length === 0 ? [FEEDBACK_SECTION] : IDS.map((id) => FEEDBACK_SETTING_LABELS[id]);
    const keys = issue.keys.map((k) => `“${k}”`).join("、");
    return `${where ? `“${where}”中` : ""}有不认识的项 ${keys}；可以写的项：${known.join("、")}`;
  }
  if (issue.path.length === 0) return `整个文件应为一个 { } 括起来的对象。${JSON_HINT}`;
  if (issue.path.length === 1) return `“${where}”应为一个 { } 括起来的对象，其中写各项设置`;
  return `“${where}”应为用英文双引号括起来的文字`;
}

/** The settings a file's text gives (after the host decoded its bytes); a refusal says what is wrong and where. */
export function parseSettingsText(
  text: string,
): { readonly ok: true; readonly feedback: FeedbackSettings } | { readonly ok: false; readonly problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const place = jsonErrorPlace(text, e);
    return { ok: false, problem: `不是有效的 JSON${place ? `（${place}附近）` : ""}。${JSON_HINT}。` };
  }
  const shape = FILE_SHAPE.safeParse(json);
  if (!shape.success) return { ok: false, problem: `${shapeProblem(shape.error.issues[0])}。` };
  const section = (shape.data[FEEDBACK_SECTION] ?? {}) as Readonly<Record<string, string | undefined>>;
  const typed = Object.fromEntries(IDS.map((id) => [id, section[FEEDBACK_SETTING_LABELS[id]]]));
  const checked = feedbackSettingsOf(typed);
  if (checked.ok) return { ok: true, feedback: checked.settings };
  const problems = checked.problems.map((p) => `“${FEEDBACK_SECTION} → ${FEEDBACK_SETTING_LABELS[p.id]}”${p.message}`);
  return { ok: false, problem: `${problems.join("；")}。` };
}
