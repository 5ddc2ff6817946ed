/**
 * The one template definition. Everything else (the template writer, the reader, the rules,
 * `describe`, the master workbook's columns) reads it; nothing repeats it.
 *
 * Ids are the contract of ../spec/report.md §1–2: add fields, options and rules, never rename an id.
 * Adding a field = one entry here (and, for a single field, a free row on its sheet).
 *
 * Pure data: no Office.js, no Node APIs.
 */

export type FieldType =
  "text" | "longtext" | "headcount" | "integer" | "date" | "enum" | "phone" | "email" | "url" | "credit_code";

/** What a single field or a table column has in common. */
export interface ValueSpec<Id extends string = string> {
  readonly id: Id;
  /** What users see (Chinese). */
  readonly label: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** The choices of an `enum`, in the order the dropdown shows them. */
  readonly options?: readonly string[];
  /** Longest accepted text, in characters (text, longtext, email, url). */
  readonly maxLength?: number;
  /** Inclusive range of an `integer`. */
  readonly min?: number;
  readonly max?: number;
  /** Input prompt shown by the cell (Excel/WPS/LibreOffice data-validation prompt). */
  readonly hint: string;
}

export interface FieldDef<Id extends string = FieldId> extends ValueSpec<Id> {
  readonly sheet: string;
  /** Worksheet row (1-based) of the input cell; the input column is SINGLE_FIELD_LAYOUT.inputColumn. */
  readonly row: number;
}

export interface ColumnDef<Id extends string = AnyColumnId> extends ValueSpec<Id> {
  /** Column letter on the table's sheet. */
  readonly column: string;
  /** Column width in characters. */
  readonly width: number;
}

export interface TableDef<Id extends string = TableId, Column extends string = AnyColumnId> {
  readonly id: Id;
  /** Chinese title of the table (also its sheet's title row). */
  readonly label: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstRow: number;
  /** Rows prepared in the template (validation, formatting, unlocked cells). Users may add more. */
  readonly capacity: number;
  readonly columns: readonly ColumnDef<Column>[];
}

export const REPORT_TYPES = ["阶段性总结", "年度总结"] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const [STAGE_REPORT, ANNUAL_REPORT] = REPORT_TYPES;

export const UNIT_CATEGORIES = [
  "市级行政主管部门",
  "区市场监管局",
  "区级行政主管部门",
  "专业标准化技术委员会",
  "标准化技术机构",
  "行业协会商会",
  "企业",
  "教育科研机构",
  "其他",
] as const;

export const DISTRICTS = [
  "市级",
  "和平区",
  "河东区",
  "河西区",
  "南开区",
  "河北区",
  "红桥区",
  "东丽区",
  "西青区",
  "津南区",
  "北辰区",
  "武清区",
  "宝坻区",
  "滨海新区",
  "宁河区",
  "静海区",
  "蓟州区",
] as const;

export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

export const YES_NO = ["是", "否"] as const;
export const [YES, NO] = YES_NO;

/** What an event studied (活动明细 研学内容). */
export const EVENT_CONTENTS = ["《条例》", "《纲要》", "《条例》和《纲要》", "其他标准化内容"] as const;

/** Unit categories that must hold at least one 公益性宣贯 (notice 三(三)2). */
export const CATEGORIES_NEEDING_PUBLIC_SESSION: readonly string[] = [
  "市级行政主管部门",
  "区市场监管局",
  "区级行政主管部门",
  "专业标准化技术委员会",
  "标准化技术机构",
  "行业协会商会",
] satisfies readonly UnitCategory[];

/** District-level categories must name a district; the city-level one must be 市级 (spec §4 district.matches_category). */
export const DISTRICT_LEVEL_CATEGORIES: readonly string[] = [
  "区市场监管局",
  "区级行政主管部门",
] satisfies readonly UnitCategory[];
export const CITY_LEVEL_CATEGORY = "市级行政主管部门" satisfies UnitCategory;
export const CITY_LEVEL_DISTRICT = "市级" satisfies (typeof DISTRICTS)[number];

/** Thresholds of spec §4, shared by the rules engine and the 自检 formulas. */
export const RULE_LIMITS = {
  /** text.too_short: a long-text field under this many characters. */
  longTextMin: 20,
  /** participants.outlier: one event over this many 人次. */
  eventParticipantsOutlier: 5_000,
  /** participants.outlier: a participant total over this. */
  totalParticipantsOutlier: 1_000_000,
  /** stage.after_june: a 阶段性总结 covers events up to this day of the report year. */
  stageLastDay: { month: 6, day: 30 },
} as const;

/** Deadlines per report type, as month/day in the report year (notice 四(二)). */
export const DEADLINES: Readonly<Record<ReportType, { month: number; day: number }>> = {
  阶段性总结: { month: 6, day: 27 },
  年度总结: { month: 11, day: 10 },
};

/** Event contents that count towards each participant total. */
export const CONTENT_COUNTS_FOR = {
  regulation: ["《条例》", "《条例》和《纲要》"],
  outline: ["《纲要》", "《条例》和《纲要》"],
} as const satisfies Record<string, readonly (typeof EVENT_CONTENTS)[number][]>;

/**
 * How people write values that spec §3 still reads. The normalisers (src/core/normalise) build their
 * patterns from these lists and the 自检 formulas (src/xlsx/template) restate them cell by cell, so
 * the two cannot drift apart.
 */
export const READING = {
  headcount: {
    /** 约120, 大约300: an approximate number (format.approximate). */
    approximatePrefixes: ["大约", "约计", "约", "将近", "近"],
    /** 120人, 3场次: a unit after the number (format.normalized). At most one. */
    unitSuffixes: ["人次", "人", "场次", "场", "次", "名", "期", "个"],
    /** 120余, 100多, 120+, 50以上, 30左右: approximate (format.approximate). At most one. */
    approximateSuffixes: ["余", "多", "+", "以上", "左右"],
    /** 1.2万: a number of ten thousands, with at most this many decimals. */
    tenThousand: "万",
    tenThousandDecimals: 4,
  },
  /** 2023年, 2023年度 in 年度 (format.normalized). */
  yearSuffixes: ["年度", "年"],
  date: {
    /** 2023-06-05, 2023/6/5, 2023.6.5: one separator, the same twice. */
    separators: ["-", "/", "."],
    /** 2023年6月5日 and 6月5日 (the report year then: format.normalized); 号 as well as 日. */
    yearMark: "年",
    monthMark: "月",
    dayMarks: ["日", "号"],
  },
  phone: {
    /** Mobile numbers: 1, then one of these, then nine digits (138-1234-5678 grouped or not). */
    mobileFirstDigit: "1",
    mobileSecondDigits: "3456789",
    /** +86 / 86 before a mobile number. */
    countryCode: "86",
    /** Tianjin's area code before a landline, bare or in brackets: 022-27182133, (022)27182133. */
    areaCode: "022",
    /** Extension marks after a landline: 27182133-801, 27182133转801, 27182133 ext.801 (case ignored). */
    extensionMarks: ["-", "转", "ext.", "ext"],
    maxExtensionDigits: 6,
  },
  /** 统一社会信用代码 (GB 32100-2015): 18 characters of this alphabet (no I, O, Z, S, V). */
  creditCodeAlphabet: "0123456789ABCDEFGHJKLMNPQRTUWXY",
  creditCodeLength: 18,
  /** name@host.tld: the characters of the name, of each host label, and letters only in the tld (≥ 2). */
  email: {
    localChars: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+'-",
    labelChars: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-",
    tldChars: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    minTldLength: 2,
  },
  /** Web addresses start with one of these (case ignored). */
  urlSchemes: ["http://", "https://"],
} as const;

/** "6月27日": a deadline or another day of the report year, as the hints and messages say it. */
export function monthDayWords(d: { readonly month: number; readonly day: number }): string {
  return `${d.month}${READING.date.monthMark}${d.day}${READING.date.dayMarks[0]}`;
}

/** "（不超过2000字）": the length words of a hint, from the field's own limit. */
export function lengthWords(maxLength: number): string {
  return `（不超过${maxLength}字）`;
}

export const SHEETS = {
  guide: "填报说明",
  basic: "基本情况",
  events: "活动明细",
  media: "宣传报道",
  evidence: "佐证材料",
  explanations: "核实说明",
  /** The copy of 基本情况 to print and seal (formulas only): long answers print whole there. */
  print: "打印稿",
  selfCheck: "自检",
  meta: "模板信息",
} as const;

/**
 * The master workbook's sheets (spec §5). Its detail sheets carry the names of the template's table
 * sheets they collect, so the bureau finds 活动明细 under the same name in a report and in the master.
 */
export const MASTER_SHEETS = {
  summary: "汇总表",
  events: SHEETS.events,
  media: SHEETS.media,
  evidence: SHEETS.evidence,
  problems: "问题清单",
  missing: "未报送单位",
  statistics: "统计",
  /** Hidden: which product and template versions made the master, so a master is known as one. */
  info: "汇总信息",
} as const;

/**
 * The bounds of an `integer` that states none: from 0 to the largest whole number Excel's data
 * validation takes. The rules, the schema, the validation and 自检 all read them from here.
 */
export function integerBounds(spec: Pick<ValueSpec, "min" | "max">): { readonly min: number; readonly max: number } {
  return { min: spec.min ?? 0, max: spec.max ?? 2_147_483_647 };
}

/** Every sheet of the template, by its name: the one list of template sheet names. */
export const TEMPLATE_SHEET_NAMES: readonly string[] = Object.values(SHEETS);

/** Where single fields sit on their sheet: label in B, input in C, guidance in D. */
export const SINGLE_FIELD_LAYOUT = {
  numberColumn: "A",
  labelColumn: "B",
  inputColumn: "C",
  hintColumn: "D",
} as const;

/** Section headings of 基本情况, by the row they stand on (notice 四(二) order). */
export const BASIC_SECTIONS: readonly { readonly row: number; readonly title: string }[] = [
  { row: 4, title: "一、报告信息" },
  { row: 7, title: "二、报送单位信息" },
  { row: 17, title: "三、组织开展总体情况" },
  { row: 23, title: "四、工作亮点、案例及成效" },
  { row: 25, title: "五、宣传报道展示情况" },
  { row: 27, title: "六、下一步措施安排" },
];

const B = SHEETS.basic;

const FIELD_LIST = [
  {
    id: "report_type",
    label: "报告类型",
    type: "enum",
    required: true,
    options: REPORT_TYPES,
    sheet: B,
    row: 5,
    hint: `${STAGE_REPORT}于${monthDayWords(DEADLINES[STAGE_REPORT])}前报送，${ANNUAL_REPORT}于${monthDayWords(DEADLINES[ANNUAL_REPORT])}前报送。`,
  },
  {
    id: "year",
    label: "年度",
    type: "integer",
    required: true,
    min: 2000,
    max: 2100,
    sheet: B,
    row: 6,
    hint: "填写四位数年份，如 2023。",
  },
  {
    id: "unit_name",
    label: "报送单位（盖章单位全称）",
    type: "text",
    required: true,
    maxLength: 100,
    sheet: B,
    row: 8,
    hint: "填写与公章一致的单位全称。",
  },
  {
    id: "unit_category",
    label: "单位类别",
    type: "enum",
    required: true,
    options: UNIT_CATEGORIES,
    sheet: B,
    row: 9,
    hint: "从下拉列表中选择。",
  },
  {
    id: "district",
    label: "所属区域",
    type: "enum",
    required: true,
    options: DISTRICTS,
    sheet: B,
    row: 10,
    hint: "市级单位选“市级”，区级单位选所在区。",
  },
  {
    id: "credit_code",
    label: "统一社会信用代码",
    type: "credit_code",
    required: false,
    sheet: B,
    row: 11,
    hint: `${READING.creditCodeLength}位代码，按文本填写。`,
  },
  {
    id: "contact_name",
    label: "联系人",
    type: "text",
    required: true,
    maxLength: 20,
    sheet: B,
    row: 12,
    hint: "填写联系人姓名。",
  },
  {
    id: "contact_phone",
    label: "联系电话",
    type: "phone",
    required: true,
    sheet: B,
    row: 13,
    hint: "手机号（11位）或固定电话（如 022-27182133，可带分机号）。",
  },
  {
    id: "contact_email",
    label: "电子邮箱",
    type: "email",
    required: false,
    maxLength: 100,
    sheet: B,
    row: 14,
    hint: "如 name@example.com。",
  },
  {
    id: "fill_date",
    label: "填报日期",
    type: "date",
    required: true,
    sheet: B,
    row: 15,
    hint: "日期格式，如 2023-06-20。",
  },
  {
    id: "sealed",
    label: "是否已加盖公章",
    type: "enum",
    required: true,
    options: YES_NO,
    sheet: B,
    row: 16,
    hint: "正式报送的总结材料须加盖公章。",
  },
  {
    id: "org_measures",
    label: "组织推动情况",
    type: "longtext",
    required: true,
    maxLength: 2000,
    sheet: B,
    row: 18,
    hint: `简述组织推动研学行动的举措${lengthWords(2000)}。`,
  },
  {
    id: "regulation_participants",
    label: "参加《天津市标准化条例》研学人次",
    type: "headcount",
    required: true,
    sheet: B,
    row: 19,
    hint: "填写不小于0的整数（人次）。",
  },
  {
    id: "outline_participants",
    label: "参加《国家标准化发展纲要》研学人次",
    type: "headcount",
    required: true,
    sheet: B,
    row: 20,
    hint: "填写不小于0的整数（人次）。",
  },
  {
    id: "training_sessions",
    label: "组织研学宣贯培训次数",
    type: "headcount",
    required: true,
    sheet: B,
    row: 21,
    hint: `填写不小于0的整数（次），应与“${SHEETS.events}”行数一致。`,
  },
  {
    id: "public_sessions",
    label: "其中：公益性宣贯次数",
    type: "headcount",
    required: true,
    sheet: B,
    row: 22,
    hint: "填写不小于0的整数（次），不大于培训次数。",
  },
  {
    id: "highlights",
    label: "工作亮点、案例及成效",
    type: "longtext",
    required: true,
    maxLength: 4000,
    sheet: B,
    row: 24,
    hint: `简述工作亮点、典型案例及成效${lengthWords(4000)}。`,
  },
  {
    id: "publicity_summary",
    label: "宣传报道展示情况",
    type: "longtext",
    required: false,
    maxLength: 2000,
    sheet: B,
    row: 26,
    hint: `概述宣传报道情况${lengthWords(2000)}，具体报道填入“${SHEETS.media}”表。`,
  },
  {
    id: "next_steps",
    label: "下一步措施安排",
    type: "longtext",
    required: true,
    maxLength: 2000,
    sheet: B,
    row: 28,
    hint: `简述下一步工作措施安排${lengthWords(2000)}。`,
  },
] as const satisfies readonly FieldDef<string>[];

/** The id of a single field: a typo is a compile error, not a silently disabled rule. */
export type FieldId = (typeof FIELD_LIST)[number]["id"];

export const FIELDS: readonly FieldDef[] = FIELD_LIST;

/** The seal block printed under the fields of 基本情况. */
export const SEAL_BLOCK = { row: 30, unitLabel: "单位（盖章）：", dateLabel: "日期：" } as const;

const TABLE_HEADER_ROW = 3;
const TABLE_FIRST_ROW = 4;

const TABLE_LIST = [
  {
    id: "events",
    label: "研学宣贯活动明细",
    sheet: SHEETS.events,
    headerRow: TABLE_HEADER_ROW,
    firstRow: TABLE_FIRST_ROW,
    capacity: 200,
    columns: [
      {
        id: "date",
        label: "日期",
        type: "date",
        required: true,
        column: "A",
        width: 12,
        hint: "活动日期，如 2023-06-15。",
      },
      {
        id: "title",
        label: "活动名称",
        type: "text",
        required: true,
        maxLength: 200,
        column: "B",
        width: 36,
        hint: `活动名称${lengthWords(200)}。`,
      },
      {
        id: "form",
        label: "形式",
        type: "enum",
        required: true,
        options: ["集中宣贯培训", "会议座谈交流", "调研研讨", "技术服务", "联合标准化工作攻关", "工作成效宣传", "其他"],
        column: "C",
        width: 18,
        hint: "从下拉列表中选择。",
      },
      {
        id: "mode",
        label: "方式",
        type: "enum",
        required: true,
        options: ["线下", "线上", "线上线下结合"],
        column: "D",
        width: 14,
        hint: "从下拉列表中选择。",
      },
      {
        id: "content",
        label: "研学内容",
        type: "enum",
        required: true,
        options: EVENT_CONTENTS,
        column: "E",
        width: 18,
        hint: "《条例》指《天津市标准化条例》，《纲要》指《国家标准化发展纲要》。",
      },
      {
        id: "participants",
        label: "参加人次",
        type: "headcount",
        required: true,
        column: "F",
        width: 10,
        hint: "填写不小于0的整数。",
      },
      {
        id: "is_public",
        label: "是否公益性",
        type: "enum",
        required: true,
        options: YES_NO,
        column: "G",
        width: 10,
        hint: `公益性宣贯选“${YES}”。`,
      },
      {
        id: "audience",
        label: "主要对象",
        type: "enum",
        required: false,
        options: ["机关事业单位", "国有企业", "民营企业", "外资企业", "社会组织", "教育科研机构", "社会公众", "其他"],
        column: "H",
        width: 14,
        hint: "从下拉列表中选择。",
      },
      {
        id: "theme",
        label: "结合主题活动",
        type: "enum",
        required: false,
        options: ["无", "世界标准日", "民营经济标准创新周", "质量月", "科技创新周", "其他"],
        column: "I",
        width: 18,
        hint: "结合的行业主题宣传活动。",
      },
      {
        id: "note",
        label: "备注",
        type: "text",
        required: false,
        maxLength: 500,
        column: "J",
        width: 30,
        hint: "其他需要说明的情况。",
      },
    ],
  },
  {
    id: "media",
    label: "宣传报道",
    sheet: SHEETS.media,
    headerRow: TABLE_HEADER_ROW,
    firstRow: TABLE_FIRST_ROW,
    capacity: 100,
    columns: [
      {
        id: "date",
        label: "日期",
        type: "date",
        required: true,
        column: "A",
        width: 12,
        hint: "报道日期，如 2023-06-16。",
      },
      {
        id: "channel",
        label: "媒体类型",
        type: "enum",
        required: true,
        options: ["广播", "电视", "报纸", "网站", "微博", "微信公众号", "短视频平台", "其他"],
        column: "B",
        width: 14,
        hint: "从下拉列表中选择。",
      },
      {
        id: "outlet",
        label: "媒体名称",
        type: "text",
        required: true,
        maxLength: 100,
        column: "C",
        width: 20,
        hint: "如 天津日报。",
      },
      {
        id: "title",
        label: "标题",
        type: "text",
        required: true,
        maxLength: 200,
        column: "D",
        width: 40,
        hint: "报道标题。",
      },
      {
        id: "url",
        label: "链接",
        type: "url",
        required: false,
        maxLength: 500,
        column: "E",
        width: 40,
        hint: `以 ${READING.urlSchemes.join(" 或 ")} 开头的网址。`,
      },
    ],
  },
  {
    id: "evidence",
    label: "佐证材料清单",
    sheet: SHEETS.evidence,
    headerRow: TABLE_HEADER_ROW,
    firstRow: TABLE_FIRST_ROW,
    capacity: 100,
    columns: [
      {
        id: "name",
        label: "材料名称",
        type: "text",
        required: true,
        maxLength: 200,
        column: "A",
        width: 30,
        hint: "佐证材料名称。",
      },
      {
        id: "kind",
        label: "材料类型",
        type: "enum",
        required: true,
        options: ["通知文件", "签到表", "照片", "课件", "新闻报道", "总结报告", "其他"],
        column: "B",
        width: 14,
        hint: "从下拉列表中选择。",
      },
      {
        id: "related_event",
        label: "对应活动",
        type: "text",
        required: false,
        maxLength: 200,
        column: "C",
        width: 30,
        hint: `对应“${SHEETS.events}”中的活动名称。`,
      },
      {
        id: "location",
        label: "文件名或存放位置",
        type: "text",
        required: false,
        maxLength: 500,
        column: "D",
        width: 36,
        hint: "随报送邮件附送的文件名或存放位置。",
      },
    ],
  },
  {
    id: "explanations",
    label: "核实说明",
    sheet: SHEETS.explanations,
    headerRow: TABLE_HEADER_ROW,
    firstRow: TABLE_FIRST_ROW,
    capacity: 50,
    columns: [
      {
        id: "rule",
        label: "规则",
        type: "text",
        required: true,
        maxLength: 100,
        column: "A",
        width: 28,
        hint: `照抄“${SHEETS.selfCheck}”表A列或 check 结果中的规则名称，也可填规则编号。`,
      },
      {
        id: "location",
        label: "位置",
        type: "text",
        required: true,
        maxLength: 100,
        column: "B",
        width: 22,
        hint: "单元格（如 基本情况!C21）或字段名称。",
      },
      {
        id: "text",
        label: "说明",
        type: "text",
        required: true,
        maxLength: 500,
        column: "C",
        width: 60,
        hint: `说明该提示为何属实${lengthWords(500)}。`,
      },
    ],
  },
] as const satisfies readonly TableDef<string, string>[];

export type TableId = (typeof TABLE_LIST)[number]["id"];
/** The column ids of one table. */
export type ColumnId<T extends TableId> = Extract<
  (typeof TABLE_LIST)[number],
  { readonly id: T }
>["columns"][number]["id"];
/** A column id of any table. */
export type AnyColumnId = ColumnId<TableId>;

export const TABLES: readonly TableDef[] = TABLE_LIST;

/** The sheets that hold report data, in workbook order: the single fields' sheet, then the tables'. */
export const REPORT_SHEETS: readonly string[] = [
  ...new Set([...FIELDS.map((f) => f.sheet), ...TABLES.map((t) => t.sheet)]),
];

export const TEMPLATE = {
  id: "tj-std-study-summary",
  /** Bumped whenever the layout changes; written into the hidden 模板信息 sheet. */
  version: "1.1.0",
  title: "标准化研学行动总结",
  defaultYear: 2023,
  sheets: SHEETS,
  fields: FIELDS,
  tables: TABLES,
} as const;

/** Prefixes of the workbook names the template defines: the writer, 插入模板, the locator and 自检 read them here. */
export const DEFINED_NAME_PREFIXES = { field: "fld_", table: "tbl_" } as const;

/** Defined name of a single field in the workbook ("fld_unit_name"): stable across inserted rows. */
export function definedNameOf(fieldId: FieldId): string {
  return `${DEFINED_NAME_PREFIXES.field}${fieldId}`;
}

/** Defined name of a table ("tbl_events"): its first header cell, so inserted rows above it are followed. */
export function tableNameOf(tableId: string): string {
  return `${DEFINED_NAME_PREFIXES.table}${tableId}`;
}

/** A1 address of a single field's input cell in the template. */
export function cellOf(field: FieldDef): string {
  return `${SINGLE_FIELD_LAYOUT.inputColumn}${field.row}`;
}

/** Lookups by id; the types rule out unknown ids, and the throw catches a cast that lied. */
export function fieldById(id: FieldId): FieldDef {
  const f = FIELDS.find((x) => x.id === id);
  if (!f) throw new Error(`unknown field id: ${id}`);
  return f;
}

export function tableById<T extends TableId>(id: T): TableDef<T, ColumnId<T>> {
  const t = TABLES.find((x) => x.id === id);
  if (!t) throw new Error(`unknown table id: ${id}`);
  return t as TableDef<T, ColumnId<T>>;
}

export function columnById<C extends string>(table: TableDef<TableId, C>, id: NoInfer<C>): ColumnDef<C> {
  const c = table.columns.find((x) => x.id === id);
  if (!c) throw new Error(`unknown column id: ${table.id}.${id}`);
  return c;
}
