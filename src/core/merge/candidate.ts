/**
 * One judged file, reduced to what the merge keeps: judged values with the original text of unread
 * ones, table rows with their provenance, findings. The raw grid can be dropped once this is made,
 * so a batch of a thousand files never holds a thousand grids.
 */
import { FIELDS, REPORT_TYPES, TABLES, type ReportType, type ValueSpec } from "../definition";
import type { Judgement } from "../judge";
import type { Finding, Located, RawReport } from "../model";
import { isBlank } from "../normalise/result";
import { shownValue } from "../normalise/text";
import type { FieldValue } from "../submission";
import { foldCreditCode, foldName } from "./identity";
import type { JudgedValues, SourceFile } from "./model";

export interface CandidateRow extends JudgedValues {
  readonly sheet: string;
  readonly row: number;
}

export interface Candidate {
  readonly source: SourceFile & { readonly sha256: string };
  readonly fields: JudgedValues;
  /** unit_name as shown: the judged value, else the original text, else null. */
  readonly unitName: string | null;
  readonly foldedName: string | null;
  readonly creditCode: string | null;
  /** Where the file's credit code cell is: identity-conflict lines of 问题清单 point at it. */
  readonly creditCodeAt: { readonly sheet: string; readonly cell: string };
  readonly reportType: ReportType | null;
  readonly fillDate: string | null;
  readonly templateVersion: string | null;
  /** By table id: every table of the definition. */
  readonly tables: Readonly<Record<string, readonly CandidateRow[]>>;
  /**
   * Rows per table id where not every row is at hand: a master's copy of a report carries its 核实说明
   * rows only as a count. Absent: the rows of `tables` are all there is.
   */
  readonly rowCounts?: Readonly<Record<string, number>>;
  readonly judgement: Pick<Judgement, "findings" | "status" | "counts">;
}

/** Judged values of one row, plus the original text of every non-blank cell that did not read. */
function judgedValues(
  specs: readonly ValueSpec[],
  values: Readonly<Record<string, FieldValue>>,
  raw: Readonly<Record<string, Located>> | undefined,
): JudgedValues {
  const out: Record<string, FieldValue> = {};
  const unread: Record<string, string> = {};
  for (const s of specs) {
    const v = values[s.id] ?? null;
    out[s.id] = v;
    const original = raw?.[s.id]?.value;
    if (v === null && original !== undefined && !isBlank(original)) unread[s.id] = shownValue(original);
  }
  return { values: out, unread };
}

const textValue = (v: FieldValue | undefined): string | null => (typeof v === "string" && v !== "" ? v : null);

/** What the merge reads off a file's single fields to tell units apart and order their files. */
export function identityOf(
  fields: JudgedValues,
): Pick<Candidate, "unitName" | "foldedName" | "creditCode" | "reportType" | "fillDate"> {
  const unitName = textValue(fields.values.unit_name) ?? fields.unread.unit_name ?? null;
  const code = textValue(fields.values.credit_code);
  const type = textValue(fields.values.report_type);
  return {
    unitName,
    foldedName: unitName === null ? null : foldName(unitName) || null,
    creditCode: code === null ? null : foldCreditCode(code),
    reportType: (REPORT_TYPES as readonly string[]).includes(type ?? "") ? (type as ReportType) : null,
    fillDate: textValue(fields.values.fill_date),
  };
}

export function prepareCandidate(
  source: SourceFile & { readonly sha256: string },
  raw: RawReport,
  judgement: Judgement,
): Candidate {
  const { submission } = judgement;
  const fields = judgedValues(FIELDS, submission.fields, raw.fields);
  const tables: Record<string, CandidateRow[]> = {};
  for (const t of TABLES) {
    const rawRows = new Map((raw.tables[t.id] ?? []).map((r) => [r.row, r.cells]));
    tables[t.id] = (submission.tables[t.id] ?? []).map((r) => {
      const cells = rawRows.get(r.row);
      const sheet = (cells && Object.values(cells)[0]?.sheet) ?? t.sheet;
      return { sheet, row: r.row, ...judgedValues(t.columns, r.values, cells) };
    });
  }
  const findings: Finding[] = judgement.findings;
  return {
    source,
    fields,
    ...identityOf(fields),
    creditCodeAt: { sheet: raw.fields.credit_code.sheet, cell: raw.fields.credit_code.cell },
    templateVersion: raw.templateVersion ?? submission.templateVersion ?? null,
    tables,
    judgement: { findings, status: judgement.status, counts: judgement.counts },
  };
}
