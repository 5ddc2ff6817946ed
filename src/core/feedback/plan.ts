/**
 * What each merged unit is told after a 汇总: a 退回意见 (its file has errors or unexplained
 * warnings) or a 回执 (it passed). Either lists exactly the lines 问题清单 has for the unit's file, in
 * the same order, each with the value the finding is about as the merge read it (the judged value,
 * else the original text of a value that could not be read), and names the unit's other files that
 * the merge set aside as superseded. Pure: the merge result and the merged files' Candidates in,
 * plain data out.
 */
import type { Candidate } from "../merge/candidate";
import type { MergeInput } from "../merge/merge";
import type { MergeResult, ProblemRow, SupersededFile, UnitRow } from "../merge/model";
import type { FieldValue } from "../submission";
import { safeStem, uniqueFileNames } from "./file-names";
import { FEEDBACK_KIND_WORDS, UNNAMED_UNIT } from "./words";

/** 退回意见: errors or unexplained warnings remain; 回执: the file passed. */
export type FeedbackKind = "return" | "receipt";

export interface FeedbackLine {
  /** The line of 问题清单, as it is there. */
  readonly problem: ProblemRow;
  /** The value the line is about as read (judged, else the original text); null when blank or about no one value. */
  readonly value: FieldValue;
}

export interface UnitFeedback {
  readonly kind: FeedbackKind;
  readonly unit: UnitRow;
  /** 问题清单's lines of the unit's file, in their order there. */
  readonly lines: readonly FeedbackLine[];
  /** The unit's other files, replaced by the one merged. */
  readonly superseded: readonly SupersededFile[];
  /** The workbook's file name: the unit's name, what it is, unique among all the feedback of one merge. */
  readonly fileName: string;
}

/** The merged files' Candidates by path (SourceFile.path is unique in one merge). */
export function candidatesOf(inputs: readonly MergeInput[]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  for (const i of inputs) if (i.kind === "report") out.set(i.candidate.source.path, i.candidate);
  return out;
}

/** A table's rows by worksheet row, made once per table of a file that has findings in it. */
type RowIndex = Map<string, Map<number, Candidate["tables"][string][number]>>;

function valueOf(c: Candidate | undefined, p: ProblemRow, index: RowIndex): FieldValue {
  if (!c || p.field === null) return null;
  if (p.table === null) return c.fields.values[p.field] ?? c.fields.unread[p.field] ?? null;
  if (p.row === null) return null;
  let rows = index.get(p.table);
  if (!rows) {
    rows = new Map((c.tables[p.table] ?? []).map((r) => [r.row, r]));
    index.set(p.table, rows);
  }
  const row = rows.get(p.row);
  return row ? (row.values[p.field] ?? row.unread[p.field] ?? null) : null;
}

export function feedbackLinesOf(lines: readonly ProblemRow[], candidate: Candidate | undefined): FeedbackLine[] {
  const index: RowIndex = new Map();
  return lines.map((problem) => ({ problem, value: valueOf(candidate, problem, index) }));
}

/** The file name's leading part: the unit's name, else the file's own name without .xlsx. */
function stemOf(unit: UnitRow): string {
  const name = typeof unit.values.unit_name === "string" ? unit.values.unit_name : unit.unread.unit_name;
  return safeStem(name ?? "") || safeStem(`${UNNAMED_UNIT}${unit.source.name.replace(/\.xls[xm]?$/i, "")}`);
}

/** Every merged unit's feedback, in 汇总表's order. */
export function feedbackOf(result: MergeResult, candidates: ReadonlyMap<string, Candidate>): UnitFeedback[] {
  const shown = new Set(result.units.map((u) => u.source.path));
  const linesByFile = new Map<string, ProblemRow[]>();
  for (const p of result.problems) {
    if (!shown.has(p.file)) continue;
    const list = linesByFile.get(p.file);
    if (list) list.push(p);
    else linesByFile.set(p.file, [p]);
  }
  const supersededBy = new Map<string, SupersededFile[]>();
  for (const s of result.superseded) supersededBy.set(s.by.path, [...(supersededBy.get(s.by.path) ?? []), s]);
  const kinds = result.units.map((u): FeedbackKind => (u.status === "ok" ? "receipt" : "return"));
  const names = uniqueFileNames(
    result.units.map((u, i) => ({ stem: stemOf(u), suffix: FEEDBACK_KIND_WORDS[kinds[i]] })),
    ".xlsx",
  );
  return result.units.map((unit, i) => ({
    kind: kinds[i],
    unit,
    lines: feedbackLinesOf(linesByFile.get(unit.source.path) ?? [], candidates.get(unit.source.path)),
    superseded: supersededBy.get(unit.source.path) ?? [],
    fileName: names[i],
  }));
}
