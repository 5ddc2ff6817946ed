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
  TABLES,
  fieldById,
  tableById,
  type ColumnDef,
  type FieldDef,
  type FieldId,
} from "../../core/definition";
import { eventParticipantsFor } from "./conditional";
import {
  F,
  countEqual,
  dateOf,
  digitShape,
  hasAnyChar,
  headcountMayBeValid,
  isBlank,
  isDate,
  isMonthDayText,
  isNum,
  isOneOf,
  nonEmptyRows,
  num,
  onlyChars,
  plainNum,
  str,
  strArray,
  tablesWithDates,
} from "./formula-text";
import { columnRange, tableNameOf } from "./refs";
import type { RuleId } from "../../core/rules/catalogue";

export type LineSeverity = "error" | "warning" | "errorInAnnualOnly";

export interface LineSpec {
  /** Unique line id: the rule id, plus the field or table when a rule has several lines. */
  readonly id: string;
  /** Rule id of spec §4. */
  readonly rule: RuleId;
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
  /**
   * The formulas work on whole table columns, cell by cell: written as array formulas (CSE), which
   * Excel, WPS and LibreOffice all evaluate element by element, IF included.
   */
  readonly array?: true;
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

const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A phone without spaces, full-width folded. */
const compactPhone = (x: string) => `SUBSTITUTE(ASC(TRIM(${x}))," ","")`;

/**
 * The common ways to write a phone number, all of which `check` accepts: a mobile 1[3-9]… of 11 digits
 * (138-1234-5678 grouped or not), a landline of 8 digits (2718-2133), or 022 then 8 digits.
 */
function phoneCommon(x: string): string {
  const t = compactPhone(x);
  const shape = digitShape(t);
  const is = (shapes: string[]) => `ISNUMBER(MATCH(${shape},${strArray(shapes)},0))`;
  const mobile = `AND(${is(["00000000000", "000-0000-0000", "000-00000000", "0000000-0000"])},LEFT(${t},1)="1",ISNUMBER(FIND(MID(${t},2,1),"3456789")))`;
  const local = is(["00000000", "0000-0000"]);
  const withArea = `AND(${is(["00000000000", "000-00000000", "000-0000-0000", "0000000-0000"])},LEFT(${t},3)="022")`;
  return `OR(${mobile},${local},${withArea})`;
}

/**
 * Could be a phone in a rarer form `check` also accepts: digits and phone marks only, and a sign of
 * such a form (+86, (022), 转/ext, 12 or more digits, or a dash after eight digits, as in
 * 27182133-801). Anything else that is not a common form is an error, as in `check`.
 */
function phoneMaybe(x: string): string {
  const t = compactPhone(x);
  const digitsIn = (u: string) =>
    `(LEN(${u})-LEN(${Array.from("0123456789").reduce((acc, d) => `SUBSTITUTE(${acc},${str(d)},"")`, u)}))`;
  const extensionDash = `IFERROR(${digitsIn(`LEFT(${t},FIND("-",${t},9)-1)`)}>=8,FALSE)`;
  const rarerForm = `OR(${hasAnyChar(t, "+()转xX")},${digitsIn(t)}>=12,${extensionDash})`;
  return `AND(LEN(${t})>=8,${onlyChars(t, "0123456789-()+转eExXtT.")},${rarerForm})`;
}

const EMAIL_LOCAL = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+'-";
const EMAIL_DOMAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-";
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** name@host.tld as `check` reads it: one @, allowed characters, dot-separated labels, a tld of ≥ 2 letters. */
function emailShape(x: string): string {
  const t = `ASC(TRIM(${x}))`;
  const at = `FIND("@",${t})`;
  const local = `LEFT(${t},${at}-1)`;
  const domain = `MID(${t},${at}+1,999)`;
  const dots = `(LEN(${domain})-LEN(SUBSTITUTE(${domain},".","")))`;
  const tld = `MID(${domain},FIND("~",SUBSTITUTE(${domain},".","~",${dots}))+1,999)`;
  return (
    `AND(LEN(${t})-LEN(SUBSTITUTE(${t},"@",""))=1,${at}>1,${onlyChars(local, EMAIL_LOCAL)},` +
    `${dots}>0,LEFT(${domain},1)<>".",RIGHT(${domain},1)<>".",NOT(ISNUMBER(FIND("..",${domain}))),` +
    `${onlyChars(domain, EMAIL_DOMAIN)},LEN(${tld})>=2,${onlyChars(tld, LETTERS)})`
  );
}

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
    const add = (
      rule: RuleId,
      name: string,
      test: string,
      message: string,
      severity: LineSeverity = "error",
      suffix = "",
    ) => {
      const pass = f.required ? test : `IF(${isBlank(x)},TRUE,${test})`;
      lines.push({
        id: `${rule}.${f.id}${suffix}`,
        rule,
        field: f.id,
        severity,
        name,
        applicable,
        pass,
        failMessage: saying(f, message),
      });
    };
    switch (f.type) {
      case "headcount":
        add(
          "type.headcount",
          `${f.label}为不小于0的整数`,
          headcountMayBeValid(x),
          `${quoted(f.label)}应为不小于0的整数`,
        );
        // Text such as 120人, 约120, 三百: `check` reads it with a warning, and so does this line.
        add(
          "format.normalized",
          `${f.label}写成阿拉伯数字`,
          `OR(ISNUMBER(${plainNum(x)}),NOT(${headcountMayBeValid(x)}))`,
          `${quoted(f.label)}请只填写阿拉伯数字（如 120），不带“人”“约”等字`,
          "warning",
        );
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
        add(
          "type.enum",
          `${f.label}为列表中的选项`,
          isOneOf(x, f.options ?? []),
          `${quoted(f.label)}应从下拉列表中选择：${(f.options ?? []).join("、")}`,
        );
        break;
      case "date":
        add(
          "type.date",
          `${f.label}为日期`,
          `OR(${isDate(x)},${isMonthDayText(x)})`,
          `${quoted(f.label)}应为日期，如 2023-06-20`,
        );
        add(
          "format.normalized",
          `${f.label}写明年份`,
          `NOT(${isMonthDayText(x)})`,
          `${quoted(f.label)}请写明年份，如 2023-06-20`,
          "warning",
        );
        break;
      case "credit_code": {
        const t = `UPPER(SUBSTITUTE(ASC(TRIM(${x}))," ",""))`;
        add(
          "format.credit_code",
          `${f.label}为18位数字或大写字母`,
          `AND(LEN(${t})=18,${onlyChars(t, CREDIT_CODE_ALPHABET)})`,
          `${quoted(f.label)}应为18位数字或大写字母（不含 I、O、Z、S、V）`,
        );
        break;
      }
      case "phone":
        add(
          "format.phone",
          `${f.label}为手机号或固定电话`,
          `OR(${phoneCommon(x)},${phoneMaybe(x)})`,
          `${quoted(f.label)}应为手机号（11位）或固定电话（如 022-27182133）`,
        );
        // Written with +86, (022) or an extension: `check` judges these; a formula can only say it cannot.
        // It fails only for what the error line lets through, so a wrong number is one error, not also a warning.
        add(
          "format.phone",
          `${f.label}为常见写法（其他写法以 check 为准）`,
          `OR(${phoneCommon(x)},NOT(${phoneMaybe(x)}))`,
          `${quoted(f.label)}不是常见写法，自检无法判断，请以加载项或 check 的结果为准`,
          "warning",
          ".common",
        );
        break;
      case "email":
        add(
          "format.email",
          `${f.label}为电子邮箱地址`,
          emailShape(x),
          `${quoted(f.label)}应为电子邮箱地址，如 name@example.com`,
        );
        break;
      default:
        break;
    }
    if (f.maxLength !== undefined) {
      add(
        "text.too_long",
        `${f.label}不超过${f.maxLength}字`,
        `LEN(${x})<=${f.maxLength}`,
        `${quoted(f.label)}超过${f.maxLength}字`,
      );
    }
    if (f.type === "longtext") {
      add(
        "text.too_short",
        `${f.label}不少于${MIN_LONGTEXT}字`,
        `LEN(TRIM(${x}))>=${MIN_LONGTEXT}`,
        `${quoted(f.label)}不足${MIN_LONGTEXT}字，请充实内容`,
        "warning",
      );
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
      failMessage: str(
        `有单次活动超过${MAX_EVENT_PARTICIPANTS}人次，或研学人次合计超过${MAX_TOTAL_PARTICIPANTS}，请核实。`,
      ),
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
    // Dates written as text (2023-06-05) count too, as `check` reads them: cell by cell, in an array formula.
    const d = dateOf(columnRange(tableId, columnId));
    const outside = `SUM(ISNUMBER(${d})*((${d}<DATE(${n(y)},1,1))+(${d}>DATE(${n(y)},12,31))))`;
    lines.push({
      id: `event.in_year.${tableId}`,
      rule: "event.in_year",
      severity: "error",
      name: `“${table.sheet}”日期在报告年度内`,
      applicable: isNum(y),
      pass: `${outside}=0`,
      failMessage: `${str(`“${table.sheet}”有`)}&${outside}&${str("个日期不在")}&${n(y)}&${str("年内。")}`,
      array: true,
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
    failMessage: str(
      `${label("fill_date")}晚于报送截止日期（${STAGE}${DEADLINES[STAGE].month}月${DEADLINES[STAGE].day}日前，${ANNUAL}${DEADLINES[ANNUAL].month}月${DEADLINES[ANNUAL].day}日前）。`,
    ),
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

/**
 * Lines over table rows, one per table and rule: a line fails when a non-empty row (as `check` reads
 * them) has a cell at fault, and names the first such worksheet row.
 */
function tableLines(): LineSpec[] {
  const lines: LineSpec[] = [];
  for (const table of TABLES) {
    const col = (c: ColumnDef) => columnRange(table.id, c.id);
    const first = col(table.columns[0]);
    const inRow = `(ROW(${first})>ROW(${tableNameOf(table.id)}))*(LEN(${table.columns.map(col).join("&")})>0)`;
    const filled = (c: ColumnDef) => `(LEN(TRIM(${col(c)}))>0)`;
    const add = (
      rule: RuleId,
      what: string,
      columns: readonly ColumnDef[],
      bad: (c: ColumnDef) => string,
      message: string,
      severity: LineSeverity = "error",
    ) => {
      if (columns.length === 0) return;
      // Per row: how many of its cells are at fault (an array); the line fails when any is.
      const perRow = `(${inRow})*(${columns.map((c) => `(${bad(c)})`).join("+")})`;
      lines.push({
        id: `${rule}.${table.id}`,
        rule,
        severity,
        name: `“${table.sheet}”${what}`,
        applicable: TRUE,
        pass: `SUM(${perRow})=0`,
        // Names the first row only: repeating the per-row test for a count too would pass Excel's 8,192-character limit.
        failMessage: `${str(`“${table.sheet}”从第`)}&MIN(IF(${perRow}>0,ROW(${first})))&${str(`行起有${message}，请逐行检查。`)}`,
        array: true,
      });
    };
    const of = (type: ColumnDef["type"]) => table.columns.filter((c) => c.type === type);
    add(
      "required",
      "非空行的必填项已填写",
      table.columns.filter((c) => c.required),
      (c) => `LEN(TRIM(${col(c)}))=0`,
      "必填项未填写",
    );
    add(
      "type.enum",
      "选项均为下拉列表中的选项",
      of("enum"),
      (c) => `${filled(c)}*ISNA(MATCH(TRIM(${col(c)}),${strArray(c.options ?? [])},0))`,
      "不是下拉列表中的选项",
    );
    add(
      "type.date",
      "日期均可识别",
      of("date"),
      (c) => `${filled(c)}*NOT(ISNUMBER(${dateOf(col(c))}))*NOT(${isMonthDayText(col(c))})`,
      "日期无法识别（应如 2023-06-20）",
    );
    add(
      "type.headcount",
      "人次均为不小于0的整数",
      of("headcount"),
      (c) => `${filled(c)}*NOT(${headcountMayBeValid(col(c))})`,
      "人次不是不小于0的整数",
    );
    add(
      "format.normalized",
      "人次写成阿拉伯数字、日期写明年份",
      [...of("headcount"), ...of("date")],
      (c) =>
        c.type === "date"
          ? `${filled(c)}*${isMonthDayText(col(c))}`
          : `${filled(c)}*NOT(ISNUMBER(${plainNum(col(c))}))*${headcountMayBeValid(col(c))}`,
      "人次未写成阿拉伯数字或日期未写年份，请核实",
      "warning",
    );
    const limited = table.columns.filter((c) => c.maxLength !== undefined);
    add("text.too_long", "文字不超过字数上限", limited, (c) => `LEN(${col(c)})>${c.maxLength}`, "文字超过字数上限");
  }
  return lines;
}

export function lineSpecs(): LineSpec[] {
  return [...fieldLines(), ...tableLines(), ...ruleLines()];
}

/** Layout of the 自检 sheet. */
export const SELF_CHECK = {
  sheet: SHEETS.selfCheck,
  overallRow: 3,
  headerRow: 4,
  firstRow: 5,
  columns: { id: "A", name: "B", result: "C", message: "D", severity: "E" },
  /**
   * Cell of the overall line's result: "✓ 全部通过" only when every line passes; "△ 有 N 项提示请核实（公式未发现错误）";
   * or "✗ 有 N 项错误须修改".
   */
  overallCell: "C3",
  pass: "✓",
  warn: "△",
  fail: "✗",
  notApplicable: "—",
} as const;

export interface SelfCheckLine {
  readonly id: string;
  readonly rule: RuleId;
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
