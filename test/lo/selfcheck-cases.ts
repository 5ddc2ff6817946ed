/**
 * Reports that exercise the 自检 formulas, as lo-fill PLANs (scripts/lo-fill.py format):
 * a correct report, and variants that each break (or just stay inside) one rule. Used twice:
 * applied with exceljs and recalculated by LibreOffice in test/lo/self-check.test.ts, and turned into
 * committed fixtures by scripts/make-selfcheck-fixtures.ts (LibreOffice fills them itself).
 *
 * `failing` lists the self-check lines that must show ✗; `notApplicable` those that must show —;
 * every other line must show ✓.
 */
import { FIELDS, SHEETS, TABLES, cellOf, tableById } from "../../src/core/definition";
import { SELF_CHECK, SELF_CHECK_LINES } from "../../src/xlsx/template/self-check-lines";
import { planOf as planOfReport, type Input, type PlanStep } from "./plans/plan";
import { SELF_CHECK_BASE } from "./plans/reports";

export type { PlanStep };

export interface SelfCheckCase {
  name: string;
  plan: PlanStep[];
  failing: string[];
  notApplicable?: string[];
  /** Lines that must say ？ (请用校验核对): the formulas cannot read the input as `check` does. */
  undecided?: string[];
  /** Text the message of a line must contain, by line id. */
  messages?: Record<string, string>;
  /** Uses steps only LibreOffice can apply (inserting rows, renaming sheets): fixtures only. */
  loFillOnly?: boolean;
}

/** A report a case edits in place; a field set to null is cleared (the template prefills the year). */
type Fields = Partial<Record<string, Input | null>>;
export type Row = Partial<Record<string, Input | null>>;

const date = (iso: string) => ({ input: iso });

export interface Report {
  fields: Fields;
  events: (Row | null)[];
  media: (Row | null)[];
  evidence: (Row | null)[];
}

/** A fresh copy of the correct report the cases start from (test/lo/plans/reports.ts). */
export function base(): Report {
  const rows = (id: "events" | "media" | "evidence") =>
    (SELF_CHECK_BASE.tables[id] ?? []).map((r) => (r ? { ...r } : null));
  return {
    fields: { ...SELF_CHECK_BASE.fields },
    events: rows("events"),
    media: rows("media"),
    evidence: rows("evidence"),
  };
}

/** null: nothing to type. */
function step(sheet: string, cell: string, v: Input | null | undefined): PlanStep | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "object") return { sheet, cell, ...v };
  return { sheet, cell, value: v };
}

const present = (row: Row | null): Record<string, Input> | null =>
  row &&
  Object.fromEntries(Object.entries(row).filter((e): e is [string, Input] => e[1] !== null && e[1] !== undefined));

/** The plan that types `report` into a blank template. */
export function planOf(report: Report): PlanStep[] {
  const fields = Object.fromEntries(
    Object.entries(report.fields).flatMap(([id, v]) =>
      v === undefined ? [] : [[id, v === null ? ({ clear: true } as const) : v]],
    ),
  );
  return planOfReport({
    fields,
    tables: {
      events: report.events.map(present),
      media: report.media.map(present),
      evidence: report.evidence.map(present),
    },
  });
}

function variant(edit: (r: Report) => void): PlanStep[] {
  const r = base();
  edit(r);
  return planOf(r);
}

const required = FIELDS.filter((f) => f.required).map((f) => `required.${f.id}`);

export const CASES: SelfCheckCase[] = [
  { name: "correct", plan: planOf(base()), failing: [] },
  {
    name: "blank",
    plan: [],
    failing: [...required.filter((id) => id !== "required.year"), "media.none", "evidence.none"],
    // Lines of optional fields pass when blank; those of required ones wait (—) for the value.
    notApplicable: SELF_CHECK_LINES.filter(
      (l) =>
        !l.id.startsWith("required.") &&
        !(l.field && !FIELDS.find((f) => f.id === l.field)!.required) &&
        // Lines over table rows: no rows, nothing wrong.
        !(
          [
            "required",
            "type.enum",
            "type.date",
            "type.headcount",
            "format.normalized",
            "format.approximate",
            "format.url",
            "text.too_long",
          ].includes(l.rule) && TABLES.some((t) => l.id === `${l.rule}.${t.id}`)
        ) &&
        ![
          "type.integer.year",
          "format.normalized.year",
          "participants.outlier",
          "event.in_year.events",
          "event.in_year.media",
          "media.none",
          "evidence.none",
        ].includes(l.id),
    ).map((l) => l.id),
  },
  {
    name: "public-above-training",
    plan: variant((r) => (r.fields.public_sessions = 4)),
    failing: ["public.le_training", "public.matches_events"],
  },
  {
    name: "regulation-below-events",
    plan: variant((r) => (r.fields.regulation_participants = 129)),
    failing: ["regulation.covers_events"],
  },
  { name: "regulation-equals-events", plan: variant((r) => (r.fields.regulation_participants = 130)), failing: [] },
  {
    name: "outline-below-events",
    plan: variant((r) => (r.fields.outline_participants = 79)),
    failing: ["outline.covers_events"],
  },
  {
    name: "training-not-event-rows",
    plan: variant((r) => (r.fields.training_sessions = 4)),
    failing: ["training.matches_events"],
  },
  {
    name: "public-not-public-rows",
    plan: variant((r) => (r.fields.public_sessions = 1)),
    failing: ["public.matches_events"],
  },
  {
    name: "no-public-session-annual",
    plan: variant((r) => {
      r.fields.public_sessions = 0;
      for (const e of r.events) if (e) e.is_public = "否";
    }),
    failing: ["public.min_one"],
  },
  {
    name: "no-public-session-enterprise",
    plan: variant((r) => {
      r.fields.unit_category = "企业";
      r.fields.public_sessions = 0;
      for (const e of r.events) if (e) e.is_public = "否";
    }),
    failing: [],
  },
  {
    name: "no-public-session-stage",
    plan: variant((r) => {
      r.fields.report_type = "阶段性总结";
      r.fields.fill_date = date("2023-06-20");
      r.fields.public_sessions = 0;
      r.events[2]!.date = date("2023-06-15");
      for (const e of r.events) if (e) e.is_public = "否";
    }),
    failing: ["public.min_one"],
  },
  {
    name: "district-bureau-at-city-level",
    plan: variant((r) => (r.fields.district = "市级")),
    failing: ["district.matches_category"],
  },
  {
    name: "city-department-in-a-district",
    plan: variant((r) => (r.fields.unit_category = "市级行政主管部门")),
    failing: ["district.matches_category"],
  },
  {
    name: "city-department-at-city-level",
    plan: variant((r) => {
      r.fields.unit_category = "市级行政主管部门";
      r.fields.district = "市级";
    }),
    failing: [],
  },
  { name: "not-sealed", plan: variant((r) => (r.fields.sealed = "否")), failing: ["sealed.no"] },
  {
    name: "unit-name-blank",
    plan: variant((r) => (r.fields.unit_name = null)),
    failing: ["required.unit_name"],
    notApplicable: ["text.too_long.unit_name"],
    messages: { "required.unit_name": "请填写“报送单位（盖章单位全称）”（基本情况!C8）。" },
  },
  {
    name: "negative-headcount",
    plan: variant((r) => (r.fields.outline_participants = -1)),
    // As in `check`: a value that is not a headcount is not compared with anything.
    failing: ["type.headcount.outline_participants"],
    notApplicable: ["outline.covers_events", "sessions.without_participants"],
  },
  {
    name: "headcount-not-a-number",
    plan: variant((r) => (r.fields.training_sessions = "若干")),
    failing: ["type.headcount.training_sessions"],
    notApplicable: ["public.le_training", "training.matches_events", "sessions.without_participants"],
  },
  {
    name: "headcount-fraction",
    plan: variant((r) => (r.fields.public_sessions = 1.5)),
    failing: ["type.headcount.public_sessions"],
    notApplicable: ["public.le_training", "public.min_one", "public.matches_events"],
  },
  {
    name: "headcounts-with-words-read-as-numbers",
    plan: variant((r) => {
      r.fields.training_sessions = "3次";
      r.fields.public_sessions = "２场";
      r.fields.regulation_participants = "约150人次";
      r.fields.outline_participants = "100余人";
    }),
    failing: [
      "format.normalized.training_sessions",
      "format.normalized.public_sessions",
      "format.approximate.regulation_participants",
      "format.approximate.outline_participants",
    ],
  },
  {
    name: "words-do-not-hide-a-broken-rule",
    plan: variant((r) => (r.fields.regulation_participants = "120多人")),
    failing: ["regulation.covers_events", "format.approximate.regulation_participants"],
  },
  { name: "headcount-digits-as-text", plan: variant((r) => (r.fields.training_sessions = "3")), failing: [] },
  { name: "fill-date-as-text", plan: variant((r) => (r.fields.fill_date = "2023-11-01")), failing: [] },
  { name: "fill-date-as-chinese-text", plan: variant((r) => (r.fields.fill_date = "2023年11月1日")), failing: [] },
  {
    name: "late-fill-date-as-slashed-text",
    plan: variant((r) => (r.fields.fill_date = "2023/11/20")),
    failing: ["deadline.late"],
  },
  {
    name: "fill-date-not-a-date",
    plan: variant((r) => (r.fields.fill_date = "十一月初")),
    failing: ["type.date.fill_date"],
    notApplicable: ["event.after_fill_date.events", "event.after_fill_date.media", "deadline.late"],
  },
  {
    name: "event-next-year",
    plan: variant((r) => (r.events[2]!.date = date("2024-01-05"))),
    // Outside the year is the one finding, as in `check`: not also after the fill date.
    failing: ["event.in_year.events"],
  },
  { name: "late", plan: variant((r) => (r.fields.fill_date = date("2023-11-20"))), failing: ["deadline.late"] },
  {
    name: "stage-with-event-after-june",
    plan: variant((r) => {
      r.fields.report_type = "阶段性总结";
      r.fields.fill_date = date("2023-06-20");
    }),
    failing: ["stage.after_june", "event.after_fill_date.events"],
  },
  {
    name: "no-media-no-evidence",
    plan: variant((r) => {
      r.media = [];
      r.evidence = [];
    }),
    failing: ["media.none", "evidence.none"],
  },
  {
    name: "short-highlights",
    plan: variant((r) => (r.fields.highlights = "成效明显")),
    failing: ["text.too_short.highlights"],
  },
  {
    name: "sessions-without-participants",
    plan: variant((r) => {
      r.fields.regulation_participants = 0;
      r.fields.outline_participants = 0;
      for (const e of r.events) if (e) e.participants = 0;
    }),
    failing: ["sessions.without_participants"],
  },
  {
    name: "participants-outlier",
    plan: variant((r) => {
      r.events[0]!.participants = 6000;
      r.fields.regulation_participants = 7000;
    }),
    failing: ["participants.outlier"],
  },
  {
    name: "credit-code-17",
    plan: variant((r) => (r.fields.credit_code = "11120103MB123456X")),
    failing: ["format.credit_code.credit_code"],
    notApplicable: ["credit_code.check_digit.credit_code"],
  },
  {
    name: "optional-fields-blank",
    plan: variant((r) => {
      r.fields.credit_code = null;
      r.fields.contact_email = null;
      r.fields.publicity_summary = null;
    }),
    failing: [],
  },
  {
    name: "optional-text-too-short",
    plan: variant((r) => (r.fields.publicity_summary = "有报道")),
    failing: ["text.too_short.publicity_summary"],
  },
  {
    name: "category-typo",
    plan: variant((r) => (r.fields.unit_category = "区市场监管")),
    failing: ["type.enum.unit_category"],
  },
  {
    name: "year-blank",
    plan: variant((r) => (r.fields.year = null)),
    failing: ["required.year"],
    // Dates are judged in the year the template was made for, as `check` does.
    notApplicable: ["type.integer.year", "format.normalized.year"],
  },
  {
    name: "rows-inserted-in-events",
    loFillOnly: true,
    plan: [
      ...variant((r) => {
        r.fields.training_sessions = 4;
        r.fields.public_sessions = 3;
      }),
      { insert_rows: SHEETS.events, before: tableById("events").firstRow, count: 2 },
      ...eventRow(tableById("events").firstRow, {
        date: date("2023-06-02"),
        title: "插入行中的宣贯活动",
        form: "技术服务",
        mode: "线下",
        content: "《条例》",
        participants: 20,
        is_public: "是",
      }),
    ],
    failing: [],
  },
  {
    name: "rows-inserted-not-counted-in-totals",
    loFillOnly: true,
    plan: [
      ...planOf(base()),
      { insert_rows: SHEETS.events, before: tableById("events").firstRow + 1, count: 1 },
      ...eventRow(tableById("events").firstRow + 1, {
        date: date("2023-06-08"),
        title: "插入行中的宣贯活动",
        form: "调研研讨",
        mode: "线下",
        content: "《条例》",
        participants: 40,
        is_public: "是",
      }),
    ],
    failing: ["training.matches_events", "public.matches_events", "regulation.covers_events"],
  },
  {
    name: "rows-inserted-in-basic-unit-name-blank",
    loFillOnly: true,
    plan: [...variant((r) => (r.fields.unit_name = null)), { insert_rows: SHEETS.basic, before: 3, count: 2 }],
    failing: ["required.unit_name"],
    notApplicable: ["text.too_long.unit_name"],
    messages: { "required.unit_name": "请填写“报送单位（盖章单位全称）”（基本情况!C10）。" },
  },
  {
    name: "rows-inserted-in-basic-and-sheet-renamed",
    loFillOnly: true,
    plan: [
      ...planOf(base()),
      { insert_rows: SHEETS.basic, before: 3, count: 2 },
      { rename_sheet: SHEETS.events, to: "活动" },
    ],
    failing: [],
  },
];

function eventRow(row: number, values: Row): PlanStep[] {
  const t = tableById("events");
  return t.columns
    .map((c) => step(t.sheet, `${c.column}${row}`, values[c.id]))
    .filter((s): s is PlanStep => s !== null);
}

/** Every cell a plan writes is an input of the template (a typo would make a case test nothing). */
export function isInputCell(sheet: string, cell: string): boolean {
  if (FIELDS.some((f) => f.sheet === sheet && cellOf(f) === cell)) return true;
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  const t = TABLES.find((x) => x.sheet === sheet);
  return Boolean(m && t && t.columns.some((c) => c.column === m[1]) && Number(m[2]) >= t.firstRow);
}

/**
 * Cases committed as LibreOffice-filled fixtures (test/fixtures/selfcheck/, made by
 * scripts/make-selfcheck-fixtures.ts): the ones exceljs cannot fill plus a spread of breakers.
 */
export const FIXTURE_CASES: readonly string[] = [
  ...CASES.filter((c) => c.loFillOnly).map((c) => c.name),
  "correct",
  "blank",
  "public-above-training",
  "regulation-below-events",
  "outline-below-events",
  "no-public-session-annual",
  "district-bureau-at-city-level",
  "headcount-not-a-number",
  "headcounts-with-words-read-as-numbers",
  "fill-date-as-chinese-text",
  "not-sealed",
];

export function caseByName(name: string): SelfCheckCase {
  const c = CASES.find((x) => x.name === name);
  if (!c) throw new Error(`unknown self-check case ${name}`);
  return c;
}

/** What each 自检 line must show for a case, by line id. */
export function expectedResults(c: SelfCheckCase): Record<string, string> {
  return Object.fromEntries(
    SELF_CHECK_LINES.map((l) => [
      l.id,
      c.failing.includes(l.id)
        ? SELF_CHECK.fail
        : c.undecided?.includes(l.id)
          ? SELF_CHECK.undecided
          : c.notApplicable?.includes(l.id)
            ? SELF_CHECK.notApplicable
            : SELF_CHECK.pass,
    ]),
  );
}

/** The report type a case's plan writes last (public.min_one is an error only in a 年度总结). */
function reportTypeOf(c: SelfCheckCase): unknown {
  const cell = cellOf(FIELDS.find((f) => f.id === "report_type")!);
  const steps = c.plan.filter(
    (s): s is { sheet: string; cell: string; value: string | number } =>
      "value" in s && s.sheet === SHEETS.basic && s.cell === cell,
  );
  return steps.length > 0 ? steps[steps.length - 1].value : undefined;
}

/**
 * Errors fail the overall line; lines no formula can judge give ？ (请用校验核对); warnings alone give △
 * with a count to check; ✓ only when every line passes.
 */
export function expectedOverall(c: SelfCheckCase): string {
  const severityOf = (id: string) => {
    const line = SELF_CHECK_LINES.find((l) => l.id === id);
    if (!line) throw new Error(`unknown self-check line ${id}`);
    if (line.severity !== "errorInAnnualOnly") return line.severity;
    return reportTypeOf(c) === "阶段性总结" ? "warning" : "error";
  };
  const errors = c.failing.filter((id) => severityOf(id) === "error").length;
  const warnings = c.failing.length - errors;
  const undecided = c.undecided?.length ?? 0;
  if (errors > 0)
    return `${SELF_CHECK.fail} 有 ${errors} 项错误须修改${undecided > 0 ? `；另有 ${undecided} 项请用校验核对` : ""}`;
  if (undecided > 0)
    return `${SELF_CHECK.undecided} 有 ${undecided} 项公式无法判断，请用校验核对${warnings > 0 ? `；另有 ${warnings} 项提示请核实` : ""}`;
  if (warnings > 0) return `${SELF_CHECK.warn} 有 ${warnings} 项提示请核实（公式未发现错误）`;
  return `${SELF_CHECK.pass} 全部通过`;
}
