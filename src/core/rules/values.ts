/**
 * Rules on single values: required, type.*, format.*, credit_code.check_digit, text.*. Reading the
 * values and judging them is one pass, and it yields the Submission the cross-field rules work on.
 */
import {
  FIELDS,
  integerBounds,
  TABLES,
  type AnyColumnId,
  type FieldId,
  type TableId,
  type ValueSpec,
} from "../definition";
import type { CellValue, Finding, RawReport } from "../model";
// Straight from each module, not the index: re-exports cost a getter call per cell.
import { creditCodeCheckChar, creditCodeCheckDigitOk, normaliseCreditCode } from "../normalise/credit-code";
import { normaliseEmail, normalisePhone, normaliseUrl } from "../normalise/contact";
import { normaliseDate } from "../normalise/date";
import { normaliseEnum } from "../normalise/enum";
import { normaliseHeadcount } from "../normalise/headcount";
import { normaliseInteger } from "../normalise/integer";
import { isBlank, type Normalised } from "../normalise/result";
import { RULE_LIMITS } from "../definition";
import { normaliseText, shownValue, textLength } from "../normalise/text";
import type { FieldValue, Submission, SubmissionRow } from "../submission";
import { fixedSeverity, type RuleId } from "./catalogue";
import { cellPlace, fieldFinding, quoteCell, quoteLabel } from "./context";

/** Long text shorter than this is a warning (spec §1). */
const LONG_TEXT_MIN = RULE_LIMITS.longTextMin;

interface Issue {
  readonly rule: RuleId;
  /** Chinese, after the field's name: "应为…，填写的是…". */
  readonly text: string;
}

export interface ValueContext {
  readonly year: number | null;
  readonly date1904: boolean;
}

/** Shared by every value without an issue: most of them. */
const NO_ISSUES: readonly Issue[] = [];

/** The rule that rejects a value of this type. */
const TYPE_RULE: Partial<Record<ValueSpec["type"], RuleId>> = {
  headcount: "type.headcount",
  integer: "type.integer",
  date: "type.date",
  enum: "type.enum",
  phone: "format.phone",
  email: "format.email",
  url: "format.url",
  credit_code: "format.credit_code",
};

function read(spec: ValueSpec, v: CellValue, ctx: ValueContext): Normalised<string | number> {
  switch (spec.type) {
    case "headcount":
      return normaliseHeadcount(v, ctx.date1904);
    case "integer": {
      const { min, max } = integerBounds(spec);
      return normaliseInteger(v, min, max, ctx.date1904);
    }
    case "date":
      return normaliseDate(v, ctx);
    case "enum":
      return normaliseEnum(v, spec.options ?? []);
    case "phone":
      return normalisePhone(v);
    case "email":
      return normaliseEmail(v);
    case "url":
      return normaliseUrl(v);
    case "credit_code":
      return normaliseCreditCode(v);
    default:
      return normaliseText(v);
  }
}

/** Judges one value against its spec: the value to keep (null when unusable) and what is wrong with it. */
function judgeValue(spec: ValueSpec, v: CellValue, ctx: ValueContext): { value: FieldValue; issues: readonly Issue[] } {
  if (isBlank(v))
    return { value: null, issues: spec.required ? [{ rule: "required", text: "为必填项，未填写" }] : NO_ISSUES };
  const result = read(spec, v, ctx);
  if (!result.ok) {
    const rule = TYPE_RULE[spec.type] ?? "required";
    // An address that is not http(s) is only a warning: the text is kept.
    const kept = spec.type === "url" ? normaliseText(v) : null;
    return { value: kept?.ok ? kept.value : null, issues: [{ rule, text: result.problem }] };
  }
  const value = result.value;
  const checksText =
    typeof value === "string" &&
    (spec.maxLength !== undefined || spec.type === "longtext" || spec.type === "credit_code");
  if (!result.note && !checksText) return { value, issues: NO_ISSUES };
  const issues: Issue[] = [];
  const shown = shownValue(v);
  if (result.note?.kind === "normalized") {
    issues.push({ rule: "format.normalized", text: `填写的是“${shown}”，已按“${result.note.readAs}”读取，请核实` });
  } else if (result.note?.kind === "approximate") {
    issues.push({
      rule: "format.approximate",
      text: `填写的是约数“${shown}”，已按“${result.note.readAs}”读取；应填写准确的整数`,
    });
  }
  if (typeof value === "string") {
    const length = textLength(value);
    if (spec.maxLength !== undefined && length > spec.maxLength) {
      issues.push({ rule: "text.too_long", text: `不应超过${spec.maxLength}字，现有${length}字` });
    }
    if (spec.type === "longtext" && length < LONG_TEXT_MIN) {
      issues.push({ rule: "text.too_short", text: `仅${length}字，内容过于简略，应不少于${LONG_TEXT_MIN}字` });
    }
    if (spec.type === "credit_code" && !creditCodeCheckDigitOk(value)) {
      issues.push({
        rule: "credit_code.check_digit",
        text: `“${value}”的校验位应为“${creditCodeCheckChar(value)}”，请核对代码；确属早期合法代码的，请填写核实说明`,
      });
    }
  }
  return { value, issues };
}

export interface ValuesResult {
  readonly submission: Submission;
  readonly findings: Finding[];
  readonly reportYear: number | null;
}

/** Reads every field and table cell of a RawReport, judging each value. */
export function readValues(raw: RawReport, yearFallback: number | null): ValuesResult {
  const findings: Finding[] = [];
  const date1904 = raw.date1904 ?? false;

  // The year first: dates such as 6月5日 are read in it.
  const yearSpec = FIELDS.find((f) => f.id === "year");
  const yearValue = yearSpec
    ? judgeValue(yearSpec, raw.fields.year?.value ?? null, { year: null, date1904 }).value
    : null;
  const reportYear = typeof yearValue === "number" ? yearValue : yearFallback;
  const ctx: ValueContext = { year: reportYear, date1904 };

  const fields = {} as Record<FieldId, FieldValue>;
  for (const spec of FIELDS) {
    const { value, issues } = judgeValue(spec, raw.fields[spec.id]?.value ?? null, ctx);
    fields[spec.id] = value;
    for (const i of issues) findings.push(fieldFinding(raw, i.rule, spec.id, `${quoteLabel(spec.id)}${i.text}`));
  }

  const tables = {} as Record<TableId, SubmissionRow[]>;
  for (const table of TABLES) {
    const rows: SubmissionRow[] = [];
    for (const rawRow of raw.tables[table.id]) {
      const values = {} as Record<AnyColumnId, FieldValue>;
      for (const col of table.columns) {
        const { value, issues } = judgeValue(col, rawRow.cells[col.id]?.value ?? null, ctx);
        values[col.id] = value;
        if (issues.length === 0) continue;
        // The reader's Located is at hand: no need to look the row up again.
        const place = rawRow.cells[col.id] ?? cellPlace(raw, table.id, rawRow.row, col.id);
        for (const i of issues) {
          findings.push({
            rule: i.rule,
            severity: fixedSeverity(i.rule),
            field: col.id,
            table: table.id,
            row: rawRow.row,
            sheet: place.sheet,
            cell: place.cell,
            message: `${quoteCell(table.id, rawRow.row, col.id)}${i.text}`,
          });
        }
      }
      rows.push({ row: rawRow.row, values });
    }
    tables[table.id] = rows;
  }

  const submission: Submission = {
    ...(raw.templateVersion ? { templateVersion: raw.templateVersion } : {}),
    fields,
    tables,
  };
  return { submission, findings, reportYear };
}
