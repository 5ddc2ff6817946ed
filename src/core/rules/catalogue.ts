/**
 * Every rule of spec §4: id → severity and Chinese name. The name is what users may write in a
 * 核实说明 instead of the id. Where each rule lives:
 *   values.ts        required, type.*, format.*, credit_code.check_digit, text.*
 *   sessions.ts      public.*, training.matches_events, sessions.without_participants
 *   participants.ts  regulation.covers_events, outline.covers_events, participants.outlier
 *   dates.ts         event.in_year, event.after_fill_date, stage.after_june, deadline.late
 *   unit.ts          sealed.no, district.matches_category
 *   completeness.ts  evidence.none, media.none
 *   layout.ts        template.modified
 *   ../explanations.ts explanation.unused
 */
export type Severity = "error" | "warning";

export interface RuleInfo {
  /** `depends`: public.min_one is an error in 年度总结 and a warning in 阶段性总结. */
  readonly severity: Severity | "depends";
  /** Shown on 自检 and in `check`'s output; what users write in 核实说明 (the id works too). */
  readonly name: string;
  /**
   * Whether the 自检 sheet has a formula line for the rule ("line"), or why not (Chinese, shown on 自检
   * so users know what only the add-in or `check` judges). A test derived from this list fails when a
   * rule has neither.
   */
  readonly selfCheck: "line" | { readonly without: string };
}

const LINE = "line" as const;

export const RULES = {
  required: { severity: "error", name: "必填项未填写", selfCheck: LINE },
  "type.headcount": { severity: "error", name: "人次或次数不是整数", selfCheck: LINE },
  "type.date": { severity: "error", name: "日期无法识别", selfCheck: LINE },
  "type.enum": { severity: "error", name: "不是可选项", selfCheck: LINE },
  "type.integer": { severity: "error", name: "年度不是有效整数", selfCheck: LINE },
  "format.normalized": { severity: "warning", name: "填写格式已规范化", selfCheck: LINE },
  "format.approximate": { severity: "warning", name: "填写的是约数", selfCheck: LINE },
  "format.phone": { severity: "error", name: "联系电话格式错误", selfCheck: LINE },
  "format.email": { severity: "error", name: "电子邮箱格式错误", selfCheck: LINE },
  "format.credit_code": { severity: "error", name: "统一社会信用代码格式错误", selfCheck: LINE },
  "credit_code.check_digit": { severity: "warning", name: "统一社会信用代码校验位不符", selfCheck: LINE },
  "format.url": { severity: "warning", name: "链接不是网址", selfCheck: LINE },
  "text.too_long": { severity: "error", name: "文字超过字数上限", selfCheck: LINE },
  "text.too_short": { severity: "warning", name: "文字过于简略", selfCheck: LINE },
  "public.le_training": { severity: "error", name: "公益性宣贯次数超过培训次数", selfCheck: LINE },
  "public.min_one": { severity: "depends", name: "未举办公益性宣贯", selfCheck: LINE },
  "training.matches_events": { severity: "warning", name: "培训次数与活动明细行数不一致", selfCheck: LINE },
  "public.matches_events": { severity: "warning", name: "公益性宣贯次数与活动明细不一致", selfCheck: LINE },
  "regulation.covers_events": { severity: "error", name: "《条例》研学人次少于活动合计", selfCheck: LINE },
  "outline.covers_events": { severity: "error", name: "《纲要》研学人次少于活动合计", selfCheck: LINE },
  "participants.outlier": { severity: "warning", name: "人次异常偏大", selfCheck: LINE },
  "event.in_year": { severity: "error", name: "日期不在报告年度内", selfCheck: LINE },
  "event.after_fill_date": { severity: "warning", name: "日期晚于填报日期", selfCheck: LINE },
  "stage.after_june": { severity: "warning", name: "阶段性总结含6月30日以后的活动", selfCheck: LINE },
  "deadline.late": { severity: "warning", name: "填报日期晚于报送期限", selfCheck: LINE },
  "sealed.no": { severity: "warning", name: "未加盖公章", selfCheck: LINE },
  "district.matches_category": { severity: "error", name: "所属区域与单位类别不符", selfCheck: LINE },
  "sessions.without_participants": { severity: "error", name: "有培训次数但无研学人次", selfCheck: LINE },
  "template.modified": {
    severity: "warning",
    name: "模板格式被改动",
    selfCheck: { without: "版式是否被改动须与原模板逐项比对" },
  },
  "evidence.none": { severity: "warning", name: "无佐证材料", selfCheck: LINE },
  "media.none": { severity: "warning", name: "无宣传报道", selfCheck: LINE },
  // A 核实说明 row that explains nothing: matches no warning, or names an error (spec §4 Explanations).
  "explanation.unused": {
    severity: "warning",
    name: "核实说明未被采用",
    selfCheck: { without: "核实说明是否对应某条提示须由加载项或 check 判断" },
  },
} as const satisfies Record<string, RuleInfo>;

/** A rule id of the catalogue: a typo is a compile error. */
export type RuleId = keyof typeof RULES;

/** The Chinese name of a rule id read from outside (a file, a message); the id itself when the catalogue does not know it. */
export function ruleNameOf(id: string): string {
  return Object.prototype.hasOwnProperty.call(RULES, id) ? RULES[id as RuleId].name : id;
}

/** The severity of a rule whose severity never depends on the report; throws for public.min_one (a bug). */
export function fixedSeverity(rule: RuleId): Severity {
  const info: RuleInfo = RULES[rule];
  if (info.severity === "depends") throw new Error(`rule ${rule} has no fixed severity`);
  return info.severity;
}
