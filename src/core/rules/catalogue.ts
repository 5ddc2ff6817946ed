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
 */
export type Severity = "error" | "warning";

export interface RuleInfo {
  /** `depends`: public.min_one is an error in 年度总结 and a warning in 阶段性总结. */
  readonly severity: Severity | "depends";
  readonly name: string;
}

export const RULES = {
  required: { severity: "error", name: "必填项未填写" },
  "type.headcount": { severity: "error", name: "人次或次数不是整数" },
  "type.date": { severity: "error", name: "日期无法识别" },
  "type.enum": { severity: "error", name: "不是可选项" },
  "type.integer": { severity: "error", name: "年度不是有效整数" },
  "format.normalized": { severity: "warning", name: "填写格式已规范化" },
  "format.approximate": { severity: "warning", name: "填写的是约数" },
  "format.phone": { severity: "error", name: "联系电话格式错误" },
  "format.email": { severity: "error", name: "电子邮箱格式错误" },
  "format.credit_code": { severity: "error", name: "统一社会信用代码格式错误" },
  "credit_code.check_digit": { severity: "warning", name: "统一社会信用代码校验位不符" },
  "format.url": { severity: "warning", name: "链接不是网址" },
  "text.too_long": { severity: "error", name: "文字超过字数上限" },
  "text.too_short": { severity: "warning", name: "文字过于简略" },
  "public.le_training": { severity: "error", name: "公益性宣贯次数超过培训次数" },
  "public.min_one": { severity: "depends", name: "未举办公益性宣贯" },
  "training.matches_events": { severity: "warning", name: "培训次数与活动明细行数不一致" },
  "public.matches_events": { severity: "warning", name: "公益性宣贯次数与活动明细不一致" },
  "regulation.covers_events": { severity: "error", name: "《条例》研学人次少于活动合计" },
  "outline.covers_events": { severity: "error", name: "《纲要》研学人次少于活动合计" },
  "participants.outlier": { severity: "warning", name: "人次异常偏大" },
  "event.in_year": { severity: "error", name: "日期不在报告年度内" },
  "event.after_fill_date": { severity: "warning", name: "日期晚于填报日期" },
  "stage.after_june": { severity: "warning", name: "阶段性总结含6月30日以后的活动" },
  "deadline.late": { severity: "warning", name: "填报日期晚于报送期限" },
  "sealed.no": { severity: "warning", name: "未加盖公章" },
  "district.matches_category": { severity: "error", name: "所属区域与单位类别不符" },
  "sessions.without_participants": { severity: "error", name: "有培训次数但无研学人次" },
  "template.modified": { severity: "warning", name: "模板格式被改动" },
  "evidence.none": { severity: "warning", name: "无佐证材料" },
  "media.none": { severity: "warning", name: "无宣传报道" },
} as const satisfies Record<string, RuleInfo>;

/** A rule id of the catalogue: a typo is a compile error. */
export type RuleId = keyof typeof RULES;

/** The severity of a rule whose severity never depends on the report; throws for public.min_one (a bug). */
export function fixedSeverity(rule: RuleId): Severity {
  const info: RuleInfo = RULES[rule];
  if (info.severity === "depends") throw new Error(`rule ${rule} has no fixed severity`);
  return info.severity;
}
