/**
 * The merge of spec §5 over judged submissions: pick one report type, keep one submission per unit,
 * match the roster, count. Pure and deterministic: every list is sorted explicitly, so the same files
 * in any order give an equal result.
 */
import { REPORT_TYPES, TABLES, type ReportType } from "../definition";
import type { UnreadableCode } from "../guard";
import { statusOf } from "../judge";
import type { Candidate } from "./candidate";
import { DETAIL_TABLE_IDS } from "./columns";
import { contactOfValues } from "./contact";
import { byNullableText, byText } from "./identity";
import { candidatesOfMaster } from "./master-candidates";
import { MERGE_RULES, fileRef, mergeMessages } from "./messages";
import { compareWithPrevious } from "./previous";
import type {
  DetailRow,
  IncludedMaster,
  PreviousMaster,
  DetailTableId,
  MergeResult,
  ProblemRow,
  RosterStanding,
  RosterUnit,
  SetAsideFile,
  SourceFile,
  SupersededFile,
  UnitKey,
  UnitRow,
  UnreadableFile,
} from "./model";
import { rosterReportOf } from "./roster-report";
import { indexRoster, standingOf } from "./roster-match";
import { statisticsOf, totalsOf } from "./statistics";
import { groupByUnit, identityProblems } from "./unit-identity";

/** What the file adapters hand the merge, one per input file. */
export type MergeInput =
  | { readonly kind: "report"; readonly candidate: Candidate }
  | {
      readonly kind: "unreadable";
      readonly source: SourceFile;
      readonly code: UnreadableCode;
      readonly message: string;
    }
  | { readonly kind: "lock_file"; readonly source: SourceFile }
  | { readonly kind: "temporary_master"; readonly source: SourceFile }
  | { readonly kind: "master_input"; readonly source: SourceFile };

export interface MergeOptions {
  /** The report type to merge (`--type`); without it, the type most files are. */
  readonly reportType?: ReportType;
  readonly roster?: { readonly file: string; readonly units: readonly RosterUnit[] };
  /** Masters taken in (--include-master): their units are merged with the files read directly. */
  readonly masters?: readonly IncludedMaster[];
  /** Last time's master (--previous): 与上年核对 compares this merge's units with its units. */
  readonly previous?: PreviousMaster;
}

const sourceOf = (i: MergeInput): SourceFile => (i.kind === "report" ? i.candidate.source : i.source);

/** By path, then content hash: a total order over inputs whatever order they came in. */
function byInput(a: MergeInput, b: MergeInput): number {
  const x = sourceOf(a);
  const y = sourceOf(b);
  return byText(x.path, y.path) || byNullableText(x.sha256, y.sha256);
}

/**
 * The type most files are. A tie goes to 年度总结 (the later type in REPORT_TYPES): it covers the
 * whole year, so it is the report the bureau is most likely collecting when both are present equally.
 */
export function majorityType(reports: readonly Candidate[]): ReportType | null {
  let best: ReportType | null = null;
  let bestCount = 0;
  for (const type of REPORT_TYPES) {
    const n = reports.filter((r) => r.reportType === type).length;
    if (n > 0 && n >= bestCount) [best, bestCount] = [type, n];
  }
  return best;
}

function setAside(c: Candidate, key: UnitKey | null, roster?: RosterStanding): SetAsideFile {
  return {
    source: c.source,
    unit: c.unitName,
    key,
    reportType: c.reportType,
    fillDate: c.fillDate,
    creditCode: c.creditCode,
    contact: contactOfValues(c.fields.values),
    ...(roster ? { roster } : {}),
  };
}

/** The unit row of the file shown; its counts and status take in the merge's own lines about it. */
function unitRowOf(c: Candidate, key: UnitKey, roster: RosterStanding, lines: readonly ProblemRow[]): UnitRow {
  const counts = c.judgement.counts;
  const errors = counts.errors + lines.filter((l) => l.severity === "error").length;
  const added = lines.filter((l) => l.severity === "warning").length;
  return {
    key,
    values: c.fields.values,
    unread: c.fields.unread,
    tableCounts: Object.fromEntries(TABLES.map((t) => [t.id, c.rowCounts?.[t.id] ?? c.tables[t.id]?.length ?? 0])),
    errors,
    warnings: counts.warnings + added,
    unexplainedWarnings: counts.unexplainedWarnings + added,
    status:
      lines.length === 0
        ? c.judgement.status
        : statusOf({ errors, unexplainedWarnings: counts.unexplainedWarnings + added }),
    source: c.source,
    templateVersion: c.templateVersion,
    roster,
  };
}

function fileLine(
  kind: ProblemRow["kind"],
  source: SourceFile,
  unit: string | null,
  rule: string,
  severity: ProblemRow["severity"],
  message: string,
): ProblemRow {
  return {
    kind,
    file: source.path,
    unit,
    rule,
    severity,
    field: null,
    table: null,
    row: null,
    sheet: null,
    cell: null,
    message,
    explanation: null,
  };
}

function findingLines(c: Candidate): ProblemRow[] {
  return c.judgement.findings.map((f) => ({
    kind: "finding",
    file: c.source.path,
    unit: c.unitName,
    rule: f.rule,
    severity: f.severity,
    field: f.field,
    table: f.table ?? null,
    row: f.row ?? null,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
    explanation: f.explanation ?? null,
  }));
}

/** The superseded line of a file, in words that say so when a master's copy is one of the two. */
function supersededMessage(lost: Candidate, by: Candidate): string {
  if (!lost.source.carried && !by.source.carried) return mergeMessages.superseded(by.source.path, by.fillDate);
  return mergeMessages.supersededCopy(fileRef(by.source), by.fillDate, lost.source.sha256 === by.source.sha256);
}

export function mergeSubmissions(inputs: readonly MergeInput[], options: MergeOptions = {}): MergeResult {
  const masters = options.masters ?? [];
  // A master's units enter as its copies of the units' reports, handled from here on as any report.
  const copies = masters.flatMap(candidatesOfMaster);
  const sorted = [...inputs, ...copies.map((candidate): MergeInput => ({ kind: "report", candidate }))].sort(byInput);
  const reports = sorted.flatMap((i) => (i.kind === "report" ? [i.candidate] : []));
  const reportType = options.reportType ?? majorityType(reports);

  // A report whose type did not read is merged (its status shows the error), not silently dropped.
  const isOtherType = (c: Candidate) => reportType !== null && c.reportType !== null && c.reportType !== reportType;
  const skippedFiles = new Set(reports.filter(isOtherType));
  const roster = options.roster ? indexRoster(options.roster.units) : null;
  const groups = groupByUnit(
    reports.filter((c) => !skippedFiles.has(c)),
    roster,
  );

  const winners: { candidate: Candidate; key: UnitKey }[] = [];
  const losers = new Map<Candidate, { by: Candidate; key: UnitKey }>();
  for (const g of groups) {
    const [winner, ...rest] = g.members;
    winners.push({ candidate: winner, key: g.key });
    for (const loser of rest) losers.set(loser, { by: winner, key: g.key });
  }
  winners.sort(
    (a, b) =>
      byText(a.candidate.foldedName ?? "", b.candidate.foldedName ?? "") ||
      byText(a.candidate.creditCode ?? "", b.candidate.creditCode ?? "") ||
      byText(a.candidate.source.path, b.candidate.source.path),
  );
  const standings = new Map<Candidate, RosterStanding>(
    winners.map(({ candidate: c }) => [
      c,
      roster ? standingOf(roster, c.creditCode, c.foldedName) : { kind: "no_roster" },
    ]),
  );
  const identity = identityProblems(groups, roster, standings);

  const participants = new Map<UnitRow, number>();
  const units: UnitRow[] = [];
  const details: Record<DetailTableId, DetailRow[]> = { events: [], media: [], evidence: [] };
  for (const { candidate: c, key } of winners) {
    const row = unitRowOf(c, key, standings.get(c)!, identity.get(c) ?? []);
    units.push(row);
    const unit = c.unitName ?? "";
    for (const id of DETAIL_TABLE_IDS)
      for (const r of c.tables[id] ?? [])
        details[id].push({
          unit,
          key,
          values: r.values,
          unread: r.unread,
          source: { file: c.source.path, sheet: r.sheet, row: r.row },
        });
    participants.set(
      row,
      (c.tables.events ?? []).reduce(
        (s, r) => s + (typeof r.values.participants === "number" ? r.values.participants : 0),
        0,
      ),
    );
  }
  const eventParticipants = (u: UnitRow) => participants.get(u) ?? 0;

  const problems: ProblemRow[] = [];
  const unreadable: UnreadableFile[] = [];
  const superseded: SupersededFile[] = [];
  const skipped: SetAsideFile[] = [];
  let ignored = 0;
  for (const input of sorted) {
    if (input.kind === "unreadable") {
      unreadable.push({ source: input.source, code: input.code, message: input.message });
      problems.push(
        fileLine("unreadable", input.source, null, MERGE_RULES.unreadable(input.code), "error", input.message),
      );
    } else if (input.kind === "lock_file") {
      ignored++;
      problems.push(fileLine("lock_file", input.source, null, MERGE_RULES.lockFile, "info", mergeMessages.lockFile()));
    } else if (input.kind === "temporary_master") {
      ignored++;
      problems.push(
        fileLine(
          "temporary_master",
          input.source,
          null,
          MERGE_RULES.temporaryMaster,
          "info",
          mergeMessages.temporaryMaster(),
        ),
      );
    } else if (input.kind === "master_input") {
      ignored++;
      problems.push(
        fileLine("master_input", input.source, null, MERGE_RULES.masterInput, "info", mergeMessages.masterInput()),
      );
    } else {
      const c = input.candidate;
      const lost = losers.get(c);
      if (skippedFiles.has(c)) {
        // Its roster standing tells 催报 whether the unit still owes the report collected.
        skipped.push(setAside(c, null, roster ? standingOf(roster, c.creditCode, c.foldedName) : undefined));
        problems.push(
          fileLine(
            "other_type",
            c.source,
            c.unitName,
            MERGE_RULES.otherType,
            "info",
            mergeMessages.otherType(c.reportType, reportType!),
          ),
        );
      } else if (lost) {
        superseded.push({ ...setAside(c, lost.key), by: lost.by.source });
        problems.push(
          fileLine("superseded", c.source, c.unitName, MERGE_RULES.superseded, "info", supersededMessage(c, lost.by)),
        );
      } else problems.push(...(identity.get(c) ?? []), ...findingLines(c));
    }
  }

  const rosterReport = roster && options.roster ? rosterReportOf(options.roster.file, roster, units) : null;
  const previous = options.previous ? compareWithPrevious(options.previous, units, roster) : null;

  return {
    summary: {
      reportType,
      reportTypeFrom: options.reportType ? "given" : "majority",
      filesRead: inputs.length + masters.length,
      unitsMerged: units.length,
      unitsWithErrors: units.filter((u) => u.status === "errors").length,
      unreadable: unreadable.length,
      superseded: superseded.length,
      skipped: skipped.length,
      ignored,
      missingFromRoster: rosterReport ? rosterReport.missing.length : null,
      notOnRoster: rosterReport ? rosterReport.unmatched.length : null,
      identityConflicts: [...identity.values()].filter((rows) => rows.some((r) => r.severity === "error")).length,
      ...(masters.length > 0
        ? { includedMasters: masters.length, unitsFromMasters: units.filter((u) => u.source.carried).length }
        : {}),
      ...(previous ? { previous: { file: previous.file, ...previous.counts } } : {}),
    },
    units,
    totals: totalsOf(units, eventParticipants),
    details,
    problems,
    unreadable,
    superseded,
    skipped,
    roster: rosterReport,
    statistics: statisticsOf(units, eventParticipants),
    ...(previous ? { previous } : {}),
  };
}
