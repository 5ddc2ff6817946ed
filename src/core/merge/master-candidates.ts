/**
 * A master taken in with --include-master, as the merge's candidates: each of its units becomes a
 * candidate like a report read directly (its values, its detail rows, its findings), named as a copy
 * that came through that master (carried.ts). The master's identity lines are left behind: the
 * identity rule runs again over every unit of this merge, the copies and the files read directly
 * alike, so a conflict between two districts is found and none is told twice.
 */
import { cellOf, fieldById } from "../definition";
import { statusOf } from "../judge";
import type { Finding } from "../model";
import type { RuleId } from "../rules/catalogue";
import { identityOf, type Candidate, type CandidateRow } from "./candidate";
import { carriedThrough } from "./carried";
import { DETAIL_TABLE_IDS } from "./columns";
import type { IncludedMaster, MasterDetail, MasterUnit, ProblemRow } from "./model";

const CREDIT_CODE = fieldById("credit_code");

function findingOf(p: ProblemRow): Finding {
  return {
    rule: p.rule as RuleId,
    severity: p.severity === "error" ? "error" : "warning",
    field: p.field as Finding["field"],
    ...(p.table !== null ? { table: p.table as Finding["table"] } : {}),
    ...(p.row !== null ? { row: p.row } : {}),
    sheet: p.sheet ?? "",
    cell: p.cell ?? "",
    message: p.message,
    ...(p.explanation !== null ? { explanation: p.explanation } : {}),
  };
}

function countsOf(findings: readonly Finding[]): Candidate["judgement"]["counts"] {
  const warnings = findings.filter((f) => f.severity === "warning");
  return {
    errors: findings.length - warnings.length,
    warnings: warnings.length,
    unexplainedWarnings: warnings.filter((f) => !f.explanation).length,
  };
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function candidateOf(
  unit: MasterUnit,
  details: ReadonlyMap<string, { id: string; row: MasterDetail }[]>,
  problems: readonly ProblemRow[],
  master: IncludedMaster,
): Candidate {
  const own = unit.source.path;
  const source = carriedThrough(unit.source, master.source.path, master.content.stamp.generated);
  const findings = problems.filter((p) => p.kind === "finding").map(findingOf);
  const counts = countsOf(findings);
  const tables: Record<string, CandidateRow[]> = {};
  for (const id of DETAIL_TABLE_IDS) tables[id] = [];
  for (const { id, row } of details.get(own) ?? [])
    tables[id].push({ sheet: row.source.sheet, row: row.source.row, values: row.values, unread: row.unread });
  // Where the unit's file has its code: a line about that cell says so, else the template's cell.
  const codeLine = problems.find((p) => p.field === CREDIT_CODE.id && p.sheet !== null && p.cell !== null);
  return {
    source,
    fields: { values: unit.values, unread: unit.unread },
    ...identityOf(unit),
    creditCodeAt: codeLine
      ? { sheet: codeLine.sheet!, cell: codeLine.cell! }
      : { sheet: CREDIT_CODE.sheet, cell: cellOf(CREDIT_CODE) },
    templateVersion: unit.templateVersion,
    tables,
    rowCounts: unit.tableCounts,
    judgement: { findings, status: statusOf(counts), counts },
  };
}

/** Every unit of an included master as a candidate of this merge, in the master's order. */
export function candidatesOfMaster(master: IncludedMaster): Candidate[] {
  const { content } = master;
  const details = new Map<string, { id: string; row: MasterDetail }[]>();
  for (const id of DETAIL_TABLE_IDS)
    for (const row of content.details[id]) pushTo(details, row.source.file, { id, row });
  const problems = new Map<string, ProblemRow[]>();
  for (const p of content.problems) pushTo(problems, p.file, p);
  return content.units.map((u) => candidateOf(u, details, problems.get(u.source.path) ?? [], master));
}
