/**
 * The lines of the 自检 sheet: every spec §4 rule a worksheet formula can express, derived from the
 * definition. A line says whether it applies (its inputs are there), whether it passes, whether the
 * formulas cannot judge it the way `check` does (then it says ？ 请用校验核对 instead of a weaker
 * verdict), and what to tell the user when it fails. Values are read as the core reads them
 * (formula-read.ts cell by cell, self-check-reading.ts for the single fields' spellings).
 * SELF_CHECK_LINES (ids and rows) is exported so tests and other tools read a line's result by row.
 */
import {
  CATEGORIES_NEEDING_PUBLIC_SESSION,
  CITY_LEVEL_CATEGORY,
  CITY_LEVEL_DISTRICT,
  CONTENT_COUNTS_FOR,
  DEADLINES,
  DISTRICT_LEVEL_CATEGORIES,
  FIELDS,
  NO,
  READING,
  REPORT_TYPES,
  RULE_LIMITS,
  SHEETS,
  TABLES,
  YES,
  fieldById,
  monthDayWords,
  tableById,
  tableNameOf,
  type AnyColumnId,
  type ColumnDef,
  type FieldDef,
  type FieldId,
  type TableDef,
  type TableId,
} from "../../core/definition";
import { CREDIT_CODE_WEIGHTS } from "../../core/normalise/credit-code";
import type { RuleId } from "../../core/rules/catalogue";
import { F, isBlank, onlyChars, str, strArray } from "./formula-text";
import { STATE, compact, dateReading, folded, isUrl, tableHeadcount, type Reading } from "./formula-read";
import { READ_FIELDS, readBlockCells, readingOf, reportYear, stateIs, type FieldReading } from "./self-check-reading";
import { columnRange } from "./refs";

export type LineSeverity = "error" | "warning" | "errorInAnnualOnly";

/** The two hidden cells of a line that needs a whole table: a number it measures, and how many cells it could not read. */
export interface LineHelpers {
  readonly measure: string;
  readonly unsure: string;
}

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
  /** Formula (boolean): an input is written in a way only `check` reads (→ ？ 请用校验核对). */
  readonly undecided: string;
  /** Formula (text): what is wrong, in Chinese. */
  readonly failMessage: string;
  /** Array formulas over table columns, each computed once in a hidden cell of the line's row (LineHelpers). */
  readonly helpers?: { readonly measure: string; readonly unsure: string };
}

/** What a line is made of before its row (and so its helper cells) is known. */
interface Draft extends Omit<LineSpec, "applicable" | "pass" | "undecided" | "failMessage" | "helpers"> {
  readonly helpers?: LineSpec["helpers"];
  readonly build: (h: LineHelpers) => Pick<LineSpec, "applicable" | "pass" | "failMessage"> & { undecided?: string };
}

const [STAGE, ANNUAL] = REPORT_TYPES;
const MAX_EVENT_PARTICIPANTS = RULE_LIMITS.eventParticipantsOutlier;
const MAX_TOTAL_PARTICIPANTS = RULE_LIMITS.totalParticipantsOutlier;
const STAGE_LAST = RULE_LIMITS.stageLastDay;
const MIN_LONGTEXT = RULE_LIMITS.longTextMin;

const TRUE = "TRUE";
const FALSE = "FALSE";
/**
 * A message that ends by naming the field's cell where it is now (ADDRESS/ROW/COLUMN of its
 * defined name), so rows inserted above it do not leave a stale address: "…（基本情况!C10）。".
 */
const saying = (f: FieldDef, text: string) =>
  `${str(`${text}（${f.sheet}!`)}&ADDRESS(ROW(${F(f.id)}),COLUMN(${F(f.id)}),4)&${str("）。")}`;
const quoted = (label: string) => `“${label}”`;

/** The trimmed, width-folded text is one of `items` (as normaliseEnum compares). */
export function isOneOf(ref: string, items: readonly string[]): string {
  return `ISNUMBER(MATCH(${folded(ref)},${strArray(items)},0))`;
}

/** The state says a value was read (plainly, or with a note). */
const known = (r: FieldReading) => `((${r.state}>=${STATE.ok})*(${r.state}<=${STATE.approximate})>0)`;
const unsure = (r: FieldReading) => stateIs(r, STATE.unsure);
/** Some input is read by `check` alone, and none is blank or wrong (those lines say — and the field's own line says why). */
const undecidedOf = (rs: readonly FieldReading[]) =>
  `((${rs.map(unsure).join("+")})*(${rs.map((r) => `(${r.state}=${STATE.blank})+(${r.state}=${STATE.error})`).join("+")}=0)>0)`;

/** name@host.tld as `check` reads it: one @, allowed characters, dot-separated labels, a letter tld. */
function emailShape(x: string): string {
  const M = READING.email;
  const t = folded(x);
  const at = `FIND("@",${t})`;
  const local = `LEFT(${t},${at}-1)`;
  const domain = `MID(${t},${at}+1,999)`;
  const dots = `(LEN(${domain})-LEN(SUBSTITUTE(${domain},".","")))`;
  const tld = `MID(${domain},FIND("~",SUBSTITUTE(${domain},".","~",${dots}))+1,999)`;
  return (
    `AND(LEN(${t})-LEN(SUBSTITUTE(${t},"@",""))=1,${at}>1,${onlyChars(local, M.localChars)},` +
    `${dots}>0,LEFT(${domain},1)<>".",RIGHT(${domain},1)<>".",NOT(ISNUMBER(FIND("..",${domain}))),` +
    `${onlyChars(domain, `${M.labelChars}.`)},LEN(${tld})>=${M.minTldLength},${onlyChars(tld, M.tldChars)})`
  );
}

/** The credit code as the core compares it: width-folded, no blanks, upper case. */
const creditCode = (x: string) => `UPPER(${compact(x)})`;

/** The check character GB 32100 expects after the first 17 characters (CREDIT_CODE_WEIGHTS, mod 31). */
function creditCheckChar(code: string): string {
  const alphabet = str(READING.creditCodeAlphabet);
  const n = READING.creditCodeAlphabet.length;
  const positions = `{${CREDIT_CODE_WEIGHTS.map((_, i) => i + 1).join(",")}}`;
  const weights = `{${CREDIT_CODE_WEIGHTS.join(",")}}`;
  return `MID(${alphabet},MOD(${n}-MOD(SUM((FIND(MID(${code},${positions},1),${alphabet})-1)*${weights}),${n}),${n})+1,1)`;
}

function fieldLines(): Draft[] {
  const lines: Draft[] = [];
  for (const f of FIELDS.filter((x) => x.required)) {
    lines.push({
      id: `required.${f.id}`,
      rule: "required",
      field: f.id,
      severity: "error",
      name: `必填：${f.label}`,
      build: () => ({
        applicable: TRUE,
        pass: `NOT(${isBlank(F(f.id))})`,
        failMessage: saying(f, `请填写${quoted(f.label)}`),
      }),
    });
  }
  for (const f of FIELDS) {
    const x = F(f.id);
    const r = READ_FIELDS.includes(f) ? readingOf(f.id) : null;
    // A blank required field is the required line's business (—); a blank optional field passes.
    const applicable = f.required ? `NOT(${isBlank(x)})` : TRUE;
    const add = (
      rule: RuleId,
      name: string,
      test: string,
      message: string,
      options: { severity?: LineSeverity; suffix?: string; applicable?: string; undecided?: string } = {},
    ) => {
      lines.push({
        id: `${rule}.${f.id}${options.suffix ?? ""}`,
        rule,
        field: f.id,
        severity: options.severity ?? "error",
        name,
        build: () => ({
          applicable: options.applicable ?? applicable,
          pass: f.required ? test : `IF(${isBlank(x)},TRUE,${test})`,
          undecided: options.undecided ?? (r ? unsure(r) : FALSE),
          failMessage: saying(f, message),
        }),
      });
    };
    const not = (state: number) => `${r!.state}<>${state}`;
    switch (f.type) {
      case "headcount":
        add("type.headcount", `${f.label}为不小于0的整数`, not(STATE.error), `${quoted(f.label)}应为不小于0的整数`);
        add(
          "format.normalized",
          `${f.label}写成阿拉伯数字`,
          not(STATE.normalized),
          `${quoted(f.label)}请只填写阿拉伯数字（如 120），不带“人”“次”等字`,
          { severity: "warning" },
        );
        add(
          "format.approximate",
          `${f.label}为准确的数`,
          not(STATE.approximate),
          `${quoted(f.label)}填写的是约数，请填写准确的整数（如 120）`,
          { severity: "warning" },
        );
        break;
      case "integer":
        add(
          "type.integer",
          `${f.label}为${f.min}至${f.max}的整数`,
          not(STATE.error),
          `${quoted(f.label)}应为${f.min}至${f.max}之间的整数`,
        );
        add(
          "format.normalized",
          `${f.label}写成四位数字`,
          not(STATE.normalized),
          `${quoted(f.label)}请只填写四位数字（如 2023）`,
          {
            severity: "warning",
          },
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
        add("type.date", `${f.label}为日期`, not(STATE.error), `${quoted(f.label)}应为日期，如 2023-06-20`);
        add(
          "format.normalized",
          `${f.label}写明年份`,
          not(STATE.normalized),
          `${quoted(f.label)}请写明年份，如 2023-06-20`,
          {
            severity: "warning",
          },
        );
        break;
      case "credit_code": {
        const t = creditCode(x);
        const shape = `AND(LEN(${t})=${READING.creditCodeLength},${onlyChars(t, READING.creditCodeAlphabet)})`;
        const leftOut = Array.from("ABCDEFGHIJKLMNOPQRSTUVWXYZ").filter((c) => !READING.creditCodeAlphabet.includes(c));
        add(
          "format.credit_code",
          `${f.label}为${READING.creditCodeLength}位数字或大写字母`,
          shape,
          `${quoted(f.label)}应为${READING.creditCodeLength}位数字或大写字母（不含 ${leftOut.join("、")}）`,
        );
        add(
          "credit_code.check_digit",
          `${f.label}的校验位正确`,
          `${creditCheckChar(t)}=RIGHT(${t},1)`,
          `${quoted(f.label)}的最后一位（校验位）与前17位算出的不符，请核对；确属早期合法代码的，请填写核实说明`,
          { severity: "warning", applicable: `OR(${isBlank(x)},${shape})` },
        );
        break;
      }
      case "phone":
        add(
          "format.phone",
          `${f.label}为手机号或固定电话`,
          not(STATE.error),
          `${quoted(f.label)}应为手机号（11位）或固定电话（如 022-27182133，可带分机号）`,
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
        `LEN(TRIM(${x}))<=${f.maxLength}`,
        `${quoted(f.label)}超过${f.maxLength}字`,
      );
    }
    if (f.type === "longtext") {
      add(
        "text.too_short",
        `${f.label}不少于${MIN_LONGTEXT}字`,
        `LEN(TRIM(${x}))>=${MIN_LONGTEXT}`,
        `${quoted(f.label)}不足${MIN_LONGTEXT}字，请充实内容`,
        { severity: "warning" },
      );
    }
  }
  return lines;
}

/** One table, cell by cell (inside array formulas): its columns, its non-empty rows as `check` reads them. */
function tableView(table: TableDef) {
  const col = (c: ColumnDef | AnyColumnId) =>
    columnRange(table.id as TableId, typeof c === "string" ? c : (c.id as AnyColumnId));
  const first = col(table.columns[0]);
  // Rows under the header (tbl_<id> follows inserted rows) where any cell holds more than blanks.
  const inRow = `(ROW(${first})>ROW(${tableNameOf(table.id)}))*(LEN(TRIM(ASC(${table.columns.map(col).join("&")})))>0)`;
  const filled = (c: ColumnDef | AnyColumnId) => `(LEN(${folded(col(c))})>0)`;
  const dates = (c: ColumnDef | AnyColumnId) => dateReading(col(c), reportYear());
  const headcounts = (c: ColumnDef | AnyColumnId) => tableHeadcount(col(c));
  return { col, first, inRow, filled, dates, headcounts };
}

/** Non-empty rows of a table (an array formula). */
export function nonEmptyRows(tableId: TableId): string {
  return `SUM(${tableView(tableById(tableId)).inRow})`;
}

/** Per row (array), 1 when the reading's state is one of these. */
const inStates = (r: Reading, ...states: number[]) => `((${states.map((s) => `(${r.state}=${s})`).join("+")}+0)>0)`;
/** Per row (array), the value when it was read, else 0 (a reading's value is "" when nothing was read). */
const valueOr0 = (r: Reading) => `IFERROR(${r.value}*1,0)`;

/**
 * Lines over table rows, one per table and rule: a line fails when a non-empty row (as `check` reads
 * them) has a cell at fault, and names the first such worksheet row (a hidden cell works it out once).
 */
function tableLines(): Draft[] {
  const lines: Draft[] = [];
  for (const table of TABLES) {
    const v = tableView(table);
    const add = (
      rule: RuleId,
      what: string,
      columns: readonly ColumnDef[],
      bad: (c: ColumnDef) => string,
      message: string,
      options: { severity?: LineSeverity; unsure?: (c: ColumnDef) => string } = {},
    ) => {
      if (columns.length === 0) return;
      // Per row: how many of its cells are at fault (an array); the line fails when any is.
      const perRow = (test: (c: ColumnDef) => string) =>
        `(${v.inRow})*(${columns.map((c) => `(${test(c)})`).join("+")})`;
      const unsureCells = options.unsure;
      lines.push({
        id: `${rule}.${table.id}`,
        rule,
        severity: options.severity ?? "error",
        name: `“${table.sheet}”${what}`,
        helpers: {
          measure: `MIN(IF(${perRow(bad)}>0,ROW(${v.first})))`,
          unsure: unsureCells ? `SUM(${perRow(unsureCells)})` : "0",
        },
        build: (h) => ({
          applicable: TRUE,
          pass: `${h.measure}=0`,
          undecided: `${h.unsure}>0`,
          failMessage: `${str(`“${table.sheet}”从第`)}&${h.measure}&${str(`行起有${message}，请逐行检查。`)}`,
        }),
      });
    };
    const of = (type: ColumnDef["type"]) => table.columns.filter((c) => c.type === type);
    const dateCols = of("date");
    const headcountCols = of("headcount");
    add(
      "required",
      "非空行的必填项已填写",
      table.columns.filter((c) => c.required),
      (c) => `NOT(${v.filled(c)})`,
      "必填项未填写",
    );
    add(
      "type.enum",
      "选项均为下拉列表中的选项",
      of("enum"),
      (c) => `${v.filled(c)}*ISNA(MATCH(${folded(v.col(c))},${strArray(c.options ?? [])},0))`,
      "不是下拉列表中的选项",
    );
    // Lines over what the readers make of dates and headcounts: a cell at fault is one in `state`, and
    // a cell only `check` can read makes the line say 请用校验核对 when nothing else is at fault.
    const reading = (c: ColumnDef) => (c.type === "date" ? v.dates(c) : v.headcounts(c));
    const byReading = (
      rule: RuleId,
      what: string,
      columns: readonly ColumnDef[],
      state: number,
      message: string,
      severity: LineSeverity = "error",
    ) =>
      add(rule, what, columns, (c) => inStates(reading(c), state), message, {
        severity,
        unsure: (c) => inStates(reading(c), STATE.unsure),
      });
    byReading("type.date", "日期均可识别", dateCols, STATE.error, "日期无法识别（应如 2023-06-20）");
    byReading("type.headcount", "人次均为不小于0的整数", headcountCols, STATE.error, "人次不是不小于0的整数");
    byReading(
      "format.normalized",
      "人次写成阿拉伯数字、日期写明年份",
      [...headcountCols, ...dateCols],
      STATE.normalized,
      "人次未写成阿拉伯数字或日期未写年份，请核实",
      "warning",
    );
    byReading(
      "format.approximate",
      "人次为准确的数",
      headcountCols,
      STATE.approximate,
      "约数（如“约120”），请填写准确的整数",
      "warning",
    );
    add(
      "format.url",
      "链接均为网址",
      of("url"),
      (c) => `${v.filled(c)}*NOT(${isUrl(v.col(c))})`,
      `不是以 ${READING.urlSchemes.join(" 或 ")} 开头的网址的链接，请核实`,
      { severity: "warning" },
    );
    const limited = table.columns.filter((c) => c.maxLength !== undefined);
    add(
      "text.too_long",
      "文字不超过字数上限",
      limited,
      (c) => `LEN(TRIM(${v.col(c)}))>${c.maxLength}`,
      "文字超过字数上限",
    );
  }
  return lines;
}

function ruleLines(): Draft[] {
  const t = readingOf("training_sessions");
  const p = readingOf("public_sessions");
  const reg = readingOf("regulation_participants");
  const out = readingOf("outline_participants");
  const fill = readingOf("fill_date");
  const y = reportYear();
  const rt = F("report_type");
  const cat = F("unit_category");
  const dist = F("district");
  const label = (id: FieldId) => quoted(fieldById(id).label);
  const events = tableById("events");
  const ev = tableView(events);
  const participants = ev.headcounts("participants");
  const content = ev.col("content");
  /** Per event row, 1 when its content counts for `which` (《条例》, 《纲要》 or both). */
  const countsFor = (which: keyof typeof CONTENT_COUNTS_FOR) =>
    `ISNUMBER(MATCH(${folded(content)},${strArray(CONTENT_COUNTS_FOR[which])},0))`;
  const participantsUnsure = `(${ev.inRow})*${inStates(participants, STATE.unsure)}`;
  const covers = (
    which: keyof typeof CONTENT_COUNTS_FOR,
    r: FieldReading,
    id: RuleId,
    fieldId: FieldId,
    what: string,
  ): Draft => ({
    id,
    rule: id,
    severity: "error",
    name: `${what}研学人次不少于明细合计`,
    helpers: {
      measure: `SUM((${ev.inRow})*${countsFor(which)}*${valueOr0(participants)})`,
      unsure: `SUM(${participantsUnsure}*${countsFor(which)})`,
    },
    build: (h) => ({
      applicable: known(r),
      pass: `${r.value}>=${h.measure}`,
      undecided: `(${unsure(r)}+(${h.unsure}>0))*(${r.state}<>${STATE.blank})*(${r.state}<>${STATE.error})>0`,
      failMessage: `${str(`${label(fieldId)}（`)}&${r.value}&${str(`）少于活动明细中研学${what}的参加人次合计（`)}&${h.measure}&"）。"`,
    }),
  });
  const isPublic = `(${folded(ev.col("is_public"))}=${str(YES)})`;
  const publicRows = `SUM((${ev.inRow})*${isPublic})`;

  const lines: Draft[] = [
    {
      id: "public.le_training",
      rule: "public.le_training",
      severity: "error",
      name: "公益性宣贯次数不大于培训次数",
      build: () => ({
        applicable: `${known(p)}*${known(t)}>0`,
        pass: `${p.value}<=${t.value}`,
        undecided: undecidedOf([p, t]),
        failMessage: `${str(`${label("public_sessions")}（`)}&${p.value}&${str(`）大于${label("training_sessions")}（`)}&${t.value}&"）。"`,
      }),
    },
    {
      id: "public.min_one",
      rule: "public.min_one",
      severity: "errorInAnnualOnly",
      name: "宣贯主体至少举办一次公益性宣贯",
      build: () => ({
        applicable: `AND(NOT(${isBlank(cat)}),${known(p)})`,
        pass: `OR(NOT(${isOneOf(cat, CATEGORIES_NEEDING_PUBLIC_SESSION)}),${p.value}>=1)`,
        undecided: `AND(NOT(${isBlank(cat)}),${unsure(p)})`,
        failMessage: `${str("单位类别为“")}&${folded(cat)}&${str(`”，按通知三（三）2应至少举办一次公益性宣贯，${label("public_sessions")}为0。`)}`,
      }),
    },
    {
      id: "training.matches_events",
      rule: "training.matches_events",
      severity: "warning",
      name: "培训次数与活动明细行数一致",
      helpers: { measure: nonEmptyRows("events"), unsure: "0" },
      build: (h) => ({
        applicable: known(t),
        pass: `${t.value}=${h.measure}`,
        undecided: unsure(t),
        failMessage: `${str(`${label("training_sessions")}为`)}&${t.value}&${str(`，“${events.sheet}”有`)}&${h.measure}&${str("行活动。")}`,
      }),
    },
    {
      id: "public.matches_events",
      rule: "public.matches_events",
      severity: "warning",
      name: "公益性宣贯次数与明细一致",
      helpers: { measure: publicRows, unsure: "0" },
      build: (h) => ({
        applicable: known(p),
        pass: `${p.value}=${h.measure}`,
        undecided: unsure(p),
        failMessage: `${str(`${label("public_sessions")}为`)}&${p.value}&${str(`，“${events.sheet}”中“是否公益性”为“${YES}”的有`)}&${h.measure}&${str("行。")}`,
      }),
    },
    covers("regulation", reg, "regulation.covers_events", "regulation_participants", "《条例》"),
    covers("outline", out, "outline.covers_events", "outline_participants", "《纲要》"),
    {
      id: "sessions.without_participants",
      rule: "sessions.without_participants",
      severity: "error",
      name: "有培训则有研学人次",
      build: () => ({
        applicable: `${known(t)}*${known(reg)}*${known(out)}>0`,
        pass: `NOT(AND(${t.value}>0,${reg.value}=0,${out.value}=0))`,
        undecided: undecidedOf([t, reg, out]),
        failMessage: str(`${label("training_sessions")}大于0，但《条例》《纲要》研学人次均为0。`),
      }),
    },
    {
      id: "participants.outlier",
      rule: "participants.outlier",
      severity: "warning",
      name: "人次在合理范围内",
      helpers: {
        measure: `SUM((${ev.inRow})*(${valueOr0(participants)}>${MAX_EVENT_PARTICIPANTS}))`,
        unsure: `SUM(${participantsUnsure})`,
      },
      build: (h) => {
        const total = (r: FieldReading) => `IF(${known(r)},${r.value}<=${MAX_TOTAL_PARTICIPANTS},TRUE)`;
        return {
          applicable: TRUE,
          pass: `AND(${h.measure}=0,${total(reg)},${total(out)})`,
          undecided: `(${h.unsure}>0)+${unsure(reg)}+${unsure(out)}>0`,
          failMessage: str(
            `有单次活动超过${MAX_EVENT_PARTICIPANTS}人次，或研学人次合计超过${MAX_TOTAL_PARTICIPANTS}，请核实。`,
          ),
        };
      },
    },
    {
      id: "district.matches_category",
      rule: "district.matches_category",
      severity: "error",
      name: "所属区域与单位类别相符",
      build: () => ({
        applicable: `AND(NOT(${isBlank(cat)}),NOT(${isBlank(dist)}))`,
        pass: `NOT(OR(AND(${isOneOf(cat, DISTRICT_LEVEL_CATEGORIES)},${folded(dist)}=${str(CITY_LEVEL_DISTRICT)}),AND(${folded(cat)}=${str(CITY_LEVEL_CATEGORY)},${folded(dist)}<>${str(CITY_LEVEL_DISTRICT)})))`,
        failMessage: `${str("单位类别“")}&${folded(cat)}&${str("”与所属区域“")}&${folded(dist)}&${str(`”不符：区级单位应选所在区，市级行政主管部门应选“${CITY_LEVEL_DISTRICT}”。`)}`,
      }),
    },
  ];

  const datedTables = TABLES.flatMap((table) =>
    table.columns.filter((c) => c.type === "date").map((c) => ({ table, column: c })),
  );
  for (const { table, column } of datedTables) {
    const tv = tableView(table);
    const d = tv.dates(column);
    lines.push({
      id: `event.in_year.${table.id}`,
      rule: "event.in_year",
      severity: "error",
      name: `“${table.sheet}”日期在报告年度内`,
      helpers: {
        measure: `SUM((${tv.inRow})*(IFERROR(YEAR(${d.value}),${y})<>${y}))`,
        unsure: `SUM((${tv.inRow})*${inStates(d, STATE.unsure)})`,
      },
      build: (h) => ({
        applicable: `ISNUMBER(${y})`,
        pass: `${h.measure}=0`,
        undecided: `${h.unsure}>0`,
        failMessage: `${str(`“${table.sheet}”有`)}&${h.measure}&${str("个日期不在")}&${y}&${str("年内。")}`,
      }),
    });
    lines.push({
      id: `event.after_fill_date.${table.id}`,
      rule: "event.after_fill_date",
      severity: "warning",
      name: `“${table.sheet}”日期不晚于填报日期`,
      helpers: {
        // A date outside the report year is event.in_year's error already, as in `check`: one typo, one finding.
        measure: `SUM((${tv.inRow})*(${valueOr0(d)}>${fill.value})*(IFERROR(YEAR(${d.value}),0)=${y}))`,
        unsure: `SUM((${tv.inRow})*${inStates(d, STATE.unsure)})`,
      },
      build: (h) => ({
        applicable: known(fill),
        pass: `${h.measure}=0`,
        undecided: `(${h.unsure}>0)+${unsure(fill)}>0`,
        failMessage: `${str(`“${table.sheet}”有`)}&${h.measure}&${str(`个日期晚于${label("fill_date")}。`)}`,
      }),
    });
  }
  const eventDates = ev.dates("date");
  lines.push({
    id: "stage.after_june",
    rule: "stage.after_june",
    severity: "warning",
    name: `阶段性总结的活动在${monthDayWords(STAGE_LAST)}前`,
    helpers: {
      measure: `SUM((${ev.inRow})*(${valueOr0(eventDates)}>DATE(${y},${STAGE_LAST.month},${STAGE_LAST.day}))*(IFERROR(YEAR(${eventDates.value}),0)=${y}))`,
      unsure: `SUM((${ev.inRow})*${inStates(eventDates, STATE.unsure)})`,
    },
    build: (h) => ({
      applicable: `AND(${isOneOf(rt, REPORT_TYPES)},ISNUMBER(${y}))`,
      pass: `OR(${folded(rt)}<>${str(STAGE)},${h.measure}=0)`,
      undecided: `AND(${folded(rt)}=${str(STAGE)},${h.unsure}>0)`,
      failMessage: `${str(`${STAGE}中有`)}&${h.measure}&${str(`项活动晚于${monthDayWords(STAGE_LAST)}。`)}`,
    }),
  });
  const deadline = `IF(${folded(rt)}=${str(STAGE)},DATE(${y},${DEADLINES[STAGE].month},${DEADLINES[STAGE].day}),DATE(${y},${DEADLINES[ANNUAL].month},${DEADLINES[ANNUAL].day}))`;
  lines.push({
    id: "deadline.late",
    rule: "deadline.late",
    severity: "warning",
    name: "填报日期不晚于报送截止日期",
    build: () => ({
      applicable: `AND(${isOneOf(rt, REPORT_TYPES)},ISNUMBER(${y}),${known(fill)})`,
      pass: `${fill.value}<=${deadline}`,
      undecided: `AND(${isOneOf(rt, REPORT_TYPES)},${unsure(fill)})`,
      failMessage: str(
        `${label("fill_date")}晚于报送截止日期（${STAGE}${monthDayWords(DEADLINES[STAGE])}前，${ANNUAL}${monthDayWords(DEADLINES[ANNUAL])}前）。`,
      ),
    }),
  });
  lines.push({
    id: "sealed.no",
    rule: "sealed.no",
    severity: "warning",
    name: "已加盖公章",
    build: () => ({
      applicable: `NOT(${isBlank(F("sealed"))})`,
      pass: `${folded(F("sealed"))}<>${str(NO)}`,
      failMessage: str("正式报送的总结材料须加盖公章。"),
    }),
  });
  for (const tableId of ["media", "evidence"] as const) {
    const table = tableById(tableId);
    lines.push({
      id: `${tableId}.none`,
      rule: `${tableId}.none`,
      severity: "warning",
      name: `“${table.sheet}”至少有一行`,
      helpers: { measure: nonEmptyRows(tableId), unsure: "0" },
      build: (h) => ({ applicable: TRUE, pass: `${h.measure}>0`, failMessage: str(`“${table.sheet}”尚未填写。`) }),
    });
  }
  return lines;
}

/** Layout of the 自检 sheet. */
export const SELF_CHECK = {
  sheet: SHEETS.selfCheck,
  overallRow: 3,
  headerRow: 4,
  firstRow: 5,
  columns: { id: "A", name: "B", result: "C", message: "D", severity: "E" },
  /** Hidden cells of a line's row: what it measures over a table, and how many cells it could not read. */
  helperColumns: { measure: "F", unsure: "G" },
  /**
   * Cell of the overall line's result: "✓ 全部通过" only when every line passes; "？ …请用校验核对" when
   * some line cannot be judged by a formula; "△ 有 N 项提示请核实（公式未发现错误）"; or "✗ 有 N 项错误须修改".
   */
  overallCell: "C3",
  pass: "✓",
  warn: "△",
  fail: "✗",
  notApplicable: "—",
  undecided: "？",
  /** What a ？ line says. */
  undecidedMessage: "这样的写法公式无法判断，请用校验核对（任务窗格的“校验”或命令行 check）。",
} as const;

/** Every line with its formulas, in sheet order. */
export function lineSpecs(): LineSpec[] {
  return [...fieldLines(), ...tableLines(), ...ruleLines()].map((d, i) => {
    const row = SELF_CHECK.firstRow + i;
    const h = SELF_CHECK.helperColumns;
    const built = d.build({ measure: `$${h.measure}$${row}`, unsure: `$${h.unsure}$${row}` });
    return {
      id: d.id,
      rule: d.rule,
      ...(d.field ? { field: d.field } : {}),
      severity: d.severity,
      name: d.name,
      applicable: built.applicable,
      pass: built.pass,
      undecided: built.undecided ?? FALSE,
      failMessage: built.failMessage,
      ...(d.helpers ? { helpers: d.helpers } : {}),
    };
  });
}

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
 * A fingerprint of the self-check (line ids, rows and formulas, and the helper cells), stored on the
 * hidden sheet: a file whose fingerprint differs was made with other 自检 formulas (FNV-1a, 32 bits, hex).
 */
export function selfCheckFingerprint(): string {
  const text = JSON.stringify([lineSpecs(), readBlockCells()]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
