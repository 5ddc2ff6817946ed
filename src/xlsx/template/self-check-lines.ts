/**
 * The lines of the 自检 sheet: every spec §4 rule a worksheet formula can express, derived from the
 * definition. Each line has a formula that says whether it applies (its inputs are there), whether
 * it passes, and what to tell the user when it fails. SELF_CHECK_LINES (ids and rows) is exported
 * so tests and other tools read a line's result by row.
 */
import {
  CATEGORIES_NEEDING_PUBLIC_SESSION,
  CITY_LEVEL_CATEGORY,
  CITY_LEVEL_DISTRICT,
  DEADLINES,
  DISTRICT_LEVEL_CATEGORIES,
  RULE_LIMITS,
  FIELDS,
  REPORT_TYPES,
  SHEETS,
  fieldById,
  tableById,
  type FieldDef,
  type FieldId,
} from "../../core/definition";
import { eventParticipantsFor } from "./conditional";
import { F, countEqual, dateOf, datesOutside, isBlank, isDate, isNum, isOneOf, nonEmptyRows, num, str, tablesWithDates } from "./formula-text";
import { columnRange } from "./refs";

export type LineSeverity = "error" | "warning" | "errorInAnnualOnly";

export interface LineSpec {
  /** Unique line id: the rule id, plus the field or table when a rule has several lines. */
  readonly id: string;
  /** Rule id of spec §4. */
  readonly rule: string;
  readonly field?: string;
  readonly severity: LineSeverity;
  /** Chinese name of the check. */
  readonly name: string;
  /** Formula (boolean): the inputs the check needs are present. */
  readonly applicable: string;
  /** Formula (boolean): the check passes. */
  readonly pass: string;
  /** Formula (text): what is wrong, in Chinese. */
  readonly failMessage: string;
}

const [STAGE, ANNUAL] = REPORT_TYPES;
const CITY_LEVEL = CITY_LEVEL_DISTRICT;
const MAX_EVENT_PARTICIPANTS = RULE_LIMITS.eventParticipantsOutlier;
const MAX_TOTAL_PARTICIPANTS = RULE_LIMITS.totalParticipantsOutlier;
const STAGE_LAST = RULE_LIMITS.stageLastDay;
const MIN_LONGTEXT = RULE_LIMITS.longTextMin;

const TRUE = "TRUE";
/**
 * A message that ends by naming the field's cell where it is now (ADDRESS/ROW/COLUMN of its
 * defined name), so rows inserted above it do not leave a stale address: "…（基本情况!C10）。".
 */
const saying = (f: FieldDef, text: string) =>
  `${str(`${text}（${f.sheet}!`)}&ADDRESS(ROW(${F(f.id)}),COLUMN(${F(f.id)}),4)&${str("）。")}`;
const quoted = (label: string) => `“${label}”`;

function fieldLines(): LineSpec[] {
  const lines: LineSpec[] = [];
  for (const f of FIELDS.filter((x) => x.required)) {
    lines.push({
      id: `required.${f.id}`,
      rule: "required",
      field: f.id,
      severity: "error",
      name: `必填：${f.label}`,
      applicable: TRUE,
      pass: `NOT(${isBlank(F(f.id))})`,
      failMessage: saying(f, `请填写${quoted(f.label)}`),
    });
  }
  for (const f of FIELDS) {
    const x = F(f.id);
    // A blank required field is the required line's business (—); a blank optional field passes.
    const applicable = f.required ? `NOT(${isBlank(x)})` : TRUE;
    const add = (rule: string, name: string, test: string, message: string, severity: LineSeverity = "error") => {
      const pass = f.required ? test : `IF(${isBlank(x)},TRUE,${test})`;
      lines.push({ id: `${rule}.${f.id}`, rule, field: f.id, severity, name, applicable, pass, failMessage: saying(f, message) });
    };
    switch (f.type) {
      case "headcount":
        add("type.headcount", `${f.label}为不小于0的整数`, `IF(${isNum(x)},AND(${num(x)}>=0,${num(x)}=INT(${num(x)})),FALSE)`, `${quoted(f.label)}应为不小于0的整数`);
        break;
      case "integer":
        add(
          "type.integer",
          `${f.label}为${f.min}至${f.max}的整数`,
          `IF(${isNum(x)},AND(${num(x)}>=${f.min},${num(x)}<=${f.max},${num(x)}=INT(${num(x)})),FALSE)`,
          `${quoted(f.label)}应为${f.min}至${f.max}之间的整数`,
        );
        break;
      case "enum":
        add("type.enum", `${f.label}为列表中的选项`, isOneOf(x, f.options ?? []), `${quoted(f.label)}应从下拉列表中选择：${(f.options ?? []).join("、")}`);
        break;
      case "date":
        add("type.date", `${f.label}为日期`, isDate(x), `${quoted(f.label)}应为日期，如 2023-06-20`);
        break;
      case "credit_code":
        add("format.credit_code", `${f.label}为18位`, `LEN(TRIM(${x}))=18`, `${quoted(f.label)}应为18位`);
        break;
      default:
        break;
    }
    if (f.maxLength !== undefined) {
      add("text.too_long", `${f.label}不超过${f.maxLength}字`, `LEN(${x})<=${f.maxLength}`, `${quoted(f.label)}超过${f.maxLength}字`);
    }
    if (f.type === "longtext") {
      add("text.too_short", `${f.label}不少于${MIN_LONGTEXT}字`, `LEN(TRIM(${x}))>=${MIN_LONGTEXT}`, `${quoted(f.label)}不足${MIN_LONGTEXT}字，请充实内容`, "warning");
    }
  }
  return lines;
}

function ruleLines(): LineSpec[] {
  const t = F("training_sessions");
  const p = F("public_sessions");
  const reg = F("regulation_participants");
  const out = F("outline_participants");
  const y = F("year");
  const rt = F("report_type");
  const cat = F("unit_category");
  const dist = F("district");
  const fill = F("fill_date");
  const label = (id: FieldId) => quoted(fieldById(id).label);
  const events = tableById("events");
  const n = num;

  const lines: LineSpec[] = [
    {
      id: "public.le_training",
      rule: "public.le_training",
      severity: "error",
      name: "公益性宣贯次数不大于培训次数",
      applicable: `AND(${isNum(p)},${isNum(t)})`,
      pass: `${n(p)}<=${n(t)}`,
      failMessage: `${str(`${label("public_sessions")}（`)}&${n(p)}&${str(`）大于${label("training_sessions")}（`)}&${n(t)}&"）。"`,
    },
    {
      id: "public.min_one",
      rule: "public.min_one",
      severity: "errorInAnnualOnly",
      name: "宣贯主体至少举办一次公益性宣贯",
      applicable: `AND(NOT(${isBlank(cat)}),${isNum(p)})`,
      pass: `OR(NOT(${isOneOf(cat, CATEGORIES_NEEDING_PUBLIC_SESSION)}),${n(p)}>=1)`,
      failMessage: `${str("单位类别为“")}&TRIM(${cat})&${str(`”，按通知三（三）2应至少举办一次公益性宣贯，${label("public_sessions")}为0。`)}`,
    },
    {
      id: "training.matches_events",
      rule: "training.matches_events",
      severity: "warning",
      name: "培训次数与活动明细行数一致",
      applicable: isNum(t),
      pass: `${n(t)}=${nonEmptyRows("events")}`,
      failMessage: `${str(`${label("training_sessions")}为`)}&${n(t)}&${str(`，“${events.sheet}”有`)}&${nonEmptyRows("events")}&${str("行活动。")}`,
    },
    {
      id: "public.matches_events",
      rule: "public.matches_events",
      severity: "warning",
      name: "公益性宣贯次数与明细一致",
      applicable: isNum(p),
      pass: `${n(p)}=${countEqual("events", "is_public", "是")}`,
      failMessage: `${str(`${label("public_sessions")}为`)}&${n(p)}&${str(`，“${events.sheet}”中“是否公益性”为“是”的有`)}&${countEqual("events", "is_public", "是")}&${str("行。")}`,
    },
    {
      id: "regulation.covers_events",
      rule: "regulation.covers_events",
      severity: "error",
      name: "《条例》研学人次不少于明细合计",
      applicable: isNum(reg),
      pass: `${n(reg)}>=${eventParticipantsFor("regulation")}`,
      failMessage: `${str(`${label("regulation_participants")}（`)}&${n(reg)}&${str("）少于活动明细中研学《条例》的参加人次合计（")}&(${eventParticipantsFor("regulation")})&"）。"`,
    },
    {
      id: "outline.covers_events",
      rule: "outline.covers_events",
      severity: "error",
      name: "《纲要》研学人次不少于明细合计",
      applicable: isNum(out),
      pass: `${n(out)}>=${eventParticipantsFor("outline")}`,
      failMessage: `${str(`${label("outline_participants")}（`)}&${n(out)}&${str("）少于活动明细中研学《纲要》的参加人次合计（")}&(${eventParticipantsFor("outline")})&"）。"`,
    },
    {
      id: "sessions.without_participants",
      rule: "sessions.without_participants",
      severity: "error",
      name: "有培训则有研学人次",
      applicable: `AND(${isNum(t)},${isNum(reg)},${isNum(out)})`,
      pass: `NOT(AND(${n(t)}>0,${n(reg)}=0,${n(out)}=0))`,
      failMessage: str(`${label("training_sessions")}大于0，但《条例》《纲要》研学人次均为0。`),
    },
    {
      id: "participants.outlier",
      rule: "participants.outlier",
      severity: "warning",
      name: "人次在合理范围内",
      applicable: TRUE,
      pass: `AND(COUNTIF(${columnRange("events", "participants")},">${MAX_EVENT_PARTICIPANTS}")=0,IF(${isNum(reg)},${n(reg)}<=${MAX_TOTAL_PARTICIPANTS},TRUE),IF(${isNum(out)},${n(out)}<=${MAX_TOTAL_PARTICIPANTS},TRUE))`,
      failMessage: str(`有单次活动超过${MAX_EVENT_PARTICIPANTS}人次，或研学人次合计超过${MAX_TOTAL_PARTICIPANTS}，请核实。`),
    },
    {
      id: "district.matches_category",
      rule: "district.matches_category",
      severity: "error",
      name: "所属区域与单位类别相符",
      applicable: `AND(NOT(${isBlank(cat)}),NOT(${isBlank(dist)}))`,
      pass: `NOT(OR(AND(${isOneOf(cat, DISTRICT_LEVEL_CATEGORIES)},TRIM(${dist})=${str(CITY_LEVEL)}),AND(TRIM(${cat})=${str(CITY_LEVEL_CATEGORY)},TRIM(${dist})<>${str(CITY_LEVEL)})))`,
      failMessage: `${str("单位类别“")}&TRIM(${cat})&${str("”与所属区域“")}&TRIM(${dist})&${str(`”不符：区级单位应选所在区，市级行政主管部门应选“${CITY_LEVEL}”。`)}`,
    },
  ];

  for (const { tableId, columnId } of tablesWithDates()) {
    const table = tableById(tableId);
    const outside = datesOutside(tableId, columnId, `DATE(${n(y)},1,1)`, `DATE(${n(y)},12,31)`);
    lines.push({
      id: `event.in_year.${tableId}`,
      rule: "event.in_year",
      severity: "error",
      name: `“${table.sheet}”日期在报告年度内`,
      applicable: isNum(y),
      pass: `${outside}=0`,
      failMessage: `${str(`“${table.sheet}”有`)}&${outside}&${str("个日期不在")}&${n(y)}&${str("年内。")}`,
    });
  }
  for (const { tableId, columnId } of tablesWithDates()) {
    const table = tableById(tableId);
    const later = `COUNTIF(${columnRange(tableId, columnId)},">"&${dateOf(fill)})`;
    lines.push({
      id: `event.after_fill_date.${tableId}`,
      rule: "event.after_fill_date",
      severity: "warning",
      name: `“${table.sheet}”日期不晚于填报日期`,
      applicable: isDate(fill),
      pass: `${later}=0`,
      failMessage: `${str(`“${table.sheet}”有`)}&${later}&${str(`个日期晚于${label("fill_date")}。`)}`,
    });
  }
  const afterJune = `COUNTIF(${columnRange("events", "date")},">"&DATE(${n(y)},${STAGE_LAST.month},${STAGE_LAST.day}))`;
  lines.push({
    id: "stage.after_june",
    rule: "stage.after_june",
    severity: "warning",
    name: `阶段性总结的活动在${STAGE_LAST.month}月${STAGE_LAST.day}日前`,
    applicable: `AND(${isOneOf(rt, REPORT_TYPES)},${isNum(y)})`,
    pass: `OR(TRIM(${rt})<>${str(STAGE)},${afterJune}=0)`,
    failMessage: `${str(`${STAGE}中有`)}&${afterJune}&${str(`项活动晚于${STAGE_LAST.month}月${STAGE_LAST.day}日。`)}`,
  });
  const deadline = `IF(TRIM(${rt})=${str(STAGE)},DATE(${n(y)},${DEADLINES[STAGE].month},${DEADLINES[STAGE].day}),DATE(${n(y)},${DEADLINES[ANNUAL].month},${DEADLINES[ANNUAL].day}))`;
  lines.push({
    id: "deadline.late",
    rule: "deadline.late",
    severity: "warning",
    name: "填报日期不晚于报送截止日期",
    applicable: `AND(${isOneOf(rt, REPORT_TYPES)},${isNum(y)},${isDate(fill)})`,
    pass: `${dateOf(fill)}<=${deadline}`,
    failMessage: str(`${label("fill_date")}晚于报送截止日期（${STAGE}${DEADLINES[STAGE].month}月${DEADLINES[STAGE].day}日前，${ANNUAL}${DEADLINES[ANNUAL].month}月${DEADLINES[ANNUAL].day}日前）。`),
  });
  lines.push({
    id: "sealed.no",
    rule: "sealed.no",
    severity: "warning",
    name: "已加盖公章",
    applicable: `NOT(${isBlank(F("sealed"))})`,
    pass: `TRIM(${F("sealed")})<>"否"`,
    failMessage: str("正式报送的总结材料须加盖公章。"),
  });
  for (const tableId of ["media", "evidence"] as const) {
    const table = tableById(tableId);
    lines.push({
      id: `${tableId}.none`,
      rule: `${tableId}.none`,
      severity: "warning",
      name: `“${table.sheet}”至少有一行`,
      applicable: TRUE,
      pass: `${nonEmptyRows(tableId)}>0`,
      failMessage: str(`“${table.sheet}”尚未填写。`),
    });
  }
  return lines;
}

export function lineSpecs(): LineSpec[] {
  return [...fieldLines(), ...ruleLines()];
}

/** Layout of the 自检 sheet. */
export const SELF_CHECK = {
  sheet: SHEETS.selfCheck,
  overallRow: 3,
  headerRow: 4,
  firstRow: 5,
  columns: { id: "A", name: "B", result: "C", message: "D", severity: "E" },
  /** Cell of the overall line's result ("✓ 全部通过", "✓ 无错误；有 N 项提示请核实" or "✗ 有 N 项错误须修改"). */
  overallCell: "C3",
  pass: "✓",
  fail: "✗",
  notApplicable: "—",
} as const;

export interface SelfCheckLine {
  readonly id: string;
  readonly rule: string;
  readonly field?: string;
  readonly severity: LineSeverity;
  readonly name: string;
  /** Worksheet row of the line on 自检. */
  readonly row: number;
}

export const SELF_CHECK_LINES: readonly SelfCheckLine[] = lineSpecs().map(({ id, rule, field, severity, name }, i) => ({
  id,
  rule,
  ...(field ? { field } : {}),
  severity,
  name,
  row: SELF_CHECK.firstRow + i,
}));

export function selfCheckLine(id: string): SelfCheckLine {
  const line = SELF_CHECK_LINES.find((l) => l.id === id);
  if (!line) throw new Error(`unknown self-check line: ${id}`);
  return line;
}

/**
 * A fingerprint of the self-check (line ids, rows and formulas), stored on the hidden sheet: a
 * file whose fingerprint differs was made with other 自检 formulas (FNV-1a, 32 bits, hex).
 */
export function selfCheckFingerprint(): string {
  const text = JSON.stringify(lineSpecs());
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
