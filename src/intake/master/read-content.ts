/**
 * A master's grid → its units, detail rows and 问题清单 lines (MasterContent), read exactly as the
 * master writer (src/core/master → src/xlsx/master) wrote them: the same headers, the same words, the
 * same types. The sheets must also agree with each other as the writer makes them (each unit's counts
 * are its lines and rows); anything else is a master changed by hand, refused with MasterDamage.
 */
import { FIELDS, MASTER_SHEETS, TABLES, type ValueSpec } from "../../core/definition";
import { STATUS_HEADER } from "../../core/master/summary";
import { UNREAD_SUFFIX } from "../../core/master/columns";
import {
  COUNT_HEADERS,
  PROVENANCE_HEADERS,
  TOTALS_LABEL,
  UNIT_HEADER,
  fieldLabel,
  rowsHeader,
} from "../../core/master/labels";
import { PROBLEM_HEADERS } from "../../core/master/problems";
import { sourceOfShown } from "../../core/merge/carried";
import { DETAIL_TABLE_IDS, HEADCOUNT_FIELDS, detailColumns } from "../../core/merge/columns";
import type {
  DetailTableId,
  JudgedValues,
  MasterContent,
  MasterDetail,
  MasterStamp,
  MasterUnit,
  ProblemRow,
  SourceFile,
} from "../../core/merge/model";
import type { ReportStatus, WorkbookGrid } from "../../core/model";
import type { FieldValue } from "../../core/submission";
import { PROBLEM_KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS } from "../../core/words";
import {
  MasterDamage,
  countAt,
  requiredCount,
  requiredText,
  sheetRows,
  textAt,
  valueAt,
  wordAt,
  type SheetRows,
} from "./sheet-rows";

const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  ok: STATUS_LABELS.ok,
  warnings: STATUS_LABELS.warnings,
  errors: STATUS_LABELS.errors,
};

/** Values of one row by spec, with the original text of those that did not read (the （原文） columns). */
function judgedAt(s: SheetRows, specs: readonly ValueSpec[], row: number): JudgedValues {
  const values: Record<string, FieldValue> = {};
  const unread: Record<string, string> = {};
  for (const spec of specs) {
    values[spec.id] = valueAt(s, spec, row);
    const original = spec.label + UNREAD_SUFFIX;
    const text = s.has(original) ? textAt(s, original, row) : null;
    if (text === null) continue;
    if (values[spec.id] !== null) s.damage(original, row, `空白（“${spec.label}”已有值）`);
    unread[spec.id] = text;
  }
  return { values, unread };
}

/** 来源文件 (and 来源总表) of a row: the unit's file as the merge that wrote the master knew it. */
function sourceAt(s: SheetRows, row: number, sha256: string | null): SourceFile {
  const file = requiredText(s, PROVENANCE_HEADERS.file, row, "来源文件名");
  const chain = s.has(PROVENANCE_HEADERS.via) ? textAt(s, PROVENANCE_HEADERS.via, row) : null;
  return sourceOfShown(file, chain, sha256);
}

function unitAt(s: SheetRows, row: number): MasterUnit {
  const sha256 = requiredText(s, PROVENANCE_HEADERS.sha256, row);
  if (!/^[0-9a-f]{64}$/.test(sha256)) s.damage(PROVENANCE_HEADERS.sha256, row, "64 位十六进制的 SHA-256");
  return {
    ...judgedAt(s, FIELDS, row),
    tableCounts: Object.fromEntries(TABLES.map((t) => [t.id, requiredCount(s, rowsHeader(t), row)])),
    errors: requiredCount(s, COUNT_HEADERS.errors, row),
    warnings: requiredCount(s, COUNT_HEADERS.warnings, row),
    unexplainedWarnings: requiredCount(s, COUNT_HEADERS.unexplainedWarnings, row),
    status: wordAt(s, STATUS_HEADER, row, REPORT_STATUS_LABELS),
    source: { ...sourceAt(s, row, sha256), sha256 },
    templateVersion: textAt(s, PROVENANCE_HEADERS.templateVersion, row),
  };
}

function detailAt(s: SheetRows, id: DetailTableId, row: number, units: ReadonlyMap<string, MasterUnit>): MasterDetail {
  const file = sourceAt(s, row, null).path;
  const unit = units.get(file);
  if (!unit) s.damage(PROVENANCE_HEADERS.file, row, "汇总表中某个单位的来源文件");
  if (textAt(s, PROVENANCE_HEADERS.sha256, row) !== unit!.source.sha256)
    s.damage(PROVENANCE_HEADERS.sha256, row, `该单位在汇总表中的 SHA-256（${unit!.source.sha256}）`);
  return {
    unit: textAt(s, UNIT_HEADER, row) ?? "",
    ...judgedAt(s, detailColumns(id), row),
    source: {
      file,
      sheet: requiredText(s, PROVENANCE_HEADERS.sheet, row, "来源工作表名"),
      row: requiredCount(s, PROVENANCE_HEADERS.row, row),
    },
  };
}

/** 字段 and 明细表 back to ids: the label fieldLabel shows, or an id it shows as is. */
function subjectAt(s: SheetRows, row: number): Pick<ProblemRow, "field" | "table"> {
  const tableText = textAt(s, PROBLEM_HEADERS.table, row);
  const table = tableText === null ? null : (TABLES.find((t) => t.label === tableText)?.id ?? null);
  if (tableText !== null && table === null) s.damage(PROBLEM_HEADERS.table, row, "明细表的名称");
  const shown = textAt(s, PROBLEM_HEADERS.field, row);
  if (shown === null) return { field: null, table };
  const specs: readonly ValueSpec[] = table ? TABLES.find((t) => t.id === table)!.columns : FIELDS;
  const field = specs.find((f) => f.label === shown)?.id ?? shown;
  if (fieldLabel(field, table) !== shown) s.damage(PROBLEM_HEADERS.field, row, "字段名称");
  return { field, table };
}

function problemAt(s: SheetRows, row: number): ProblemRow {
  return {
    kind: wordAt(s, PROBLEM_HEADERS.kind, row, PROBLEM_KIND_LABELS),
    file: sourceAt(s, row, null).path,
    unit: textAt(s, PROBLEM_HEADERS.unit, row),
    rule: requiredText(s, PROBLEM_HEADERS.rule, row, "规则编号"),
    severity: wordAt(s, PROBLEM_HEADERS.severity, row, SEVERITY_LABELS),
    ...subjectAt(s, row),
    row: countAt(s, PROBLEM_HEADERS.row, row),
    sheet: textAt(s, PROBLEM_HEADERS.sheet, row),
    cell: textAt(s, PROBLEM_HEADERS.cell, row),
    message: requiredText(s, PROBLEM_HEADERS.message, row, "问题说明"),
    explanation: textAt(s, PROBLEM_HEADERS.explanation, row),
  };
}

/** 合计 as the writer derives it: each headcount summed over every unit row (a figure typed over by hand shows here). */
function checkTotals(summary: SheetRows, units: readonly MasterUnit[]): void {
  const end = summary.end;
  if (end === null) return;
  for (const f of HEADCOUNT_FIELDS) {
    const sum = units.reduce((n, u) => n + (typeof u.values[f.id] === "number" ? (u.values[f.id] as number) : 0), 0);
    if (summary.raw(f.label, end) !== sum) summary.damage(f.label, end, `${sum}（各单位之和）`);
  }
}

/** Each unit's counts as the writer derives them from its lines of 问题清单 and its detail rows. */
function checkAgreement(
  summary: SheetRows,
  units: readonly MasterUnit[],
  details: Readonly<Record<DetailTableId, readonly MasterDetail[]>>,
  problems: readonly ProblemRow[],
): void {
  const lines = new Map<string, ProblemRow[]>();
  for (const p of problems)
    if (p.kind === "finding" || p.kind === "identity_conflict") lines.set(p.file, [...(lines.get(p.file) ?? []), p]);
  units.forEach((u, i) => {
    const row = summary.rows[i];
    const own = lines.get(u.source.path) ?? [];
    const warnings = own.filter((p) => p.severity === "warning");
    const said = (header: string, n: number, what: string) => {
      if (n !== summary.raw(header, row)) summary.damage(header, row, `${n}（${what}）`);
    };
    said(COUNT_HEADERS.errors, own.length - warnings.length, "问题清单中该单位的错误条数");
    said(COUNT_HEADERS.warnings, warnings.length, "问题清单中该单位的提示条数");
    said(COUNT_HEADERS.unexplainedWarnings, warnings.filter((p) => p.explanation === null).length, "未说明的提示条数");
    for (const id of DETAIL_TABLE_IDS) {
      const t = TABLES.find((x) => x.id === id)!;
      said(
        rowsHeader(t),
        details[id].filter((d) => d.source.file === u.source.path).length,
        `${MASTER_SHEETS[id]}中该单位的行数`,
      );
    }
  });
}

/** Everything the master holds about its units. Throws MasterDamage when it is not as the writer wrote it. */
export function readMasterContent(grid: WorkbookGrid, stamp: MasterStamp): MasterContent {
  const summary = sheetRows(grid.sheets, MASTER_SHEETS.summary, (first) => first === TOTALS_LABEL);
  const units = summary.rows.map((r) => unitAt(summary, r));
  const byPath = new Map<string, MasterUnit>();
  units.forEach((u, i) => {
    if (byPath.has(u.source.path)) summary.damage(PROVENANCE_HEADERS.file, summary.rows[i], "各单位互不相同的来源文件");
    byPath.set(u.source.path, u);
  });
  if (units.length !== stamp.units)
    throw new MasterDamage(`汇总表有 ${units.length} 个单位，而汇总信息记录的是 ${stamp.units} 个`);
  const details = {} as Record<DetailTableId, MasterDetail[]>;
  for (const id of DETAIL_TABLE_IDS) {
    const sheet = sheetRows(grid.sheets, MASTER_SHEETS[id]);
    details[id] = sheet.rows.map((r) => detailAt(sheet, id, r, byPath));
  }
  const problemSheet = sheetRows(grid.sheets, MASTER_SHEETS.problems);
  const problems = problemSheet.rows.map((r) => problemAt(problemSheet, r));
  checkTotals(summary, units);
  checkAgreement(summary, units, details, problems);
  return { stamp, units, details, problems };
}
