/**
 * 未报送单位 as data (spec §5): the roster units no merged unit matched, the merged units the roster
 * does not list (with the closest roster name), and those in conflict with it. A roster unit counts as
 * having reported when a unit row matches it or another row the roster ties to it (same code); a
 * conflict matches neither roster unit it names, so both stay listed until a file matches them.
 */
import type { RosterReport, UnitRow } from "./model";
import type { RosterIndex } from "./roster-match";

const shownName = (u: UnitRow) =>
  typeof u.values.unit_name === "string" ? u.values.unit_name : (u.unread.unit_name ?? "");

export function rosterReportOf(file: string, roster: RosterIndex, units: readonly UnitRow[]): RosterReport {
  const rowAt = new Map(roster.units.map((r) => [r.row, r]));
  const classOfRowNumber = (row: number) => roster.classOfRow.get(rowAt.get(row)!);
  const reported = new Set(
    units.flatMap((u) => (u.roster.kind === "matched" ? [classOfRowNumber(u.roster.rosterRow)] : [])),
  );
  return {
    file,
    units: roster.units.length,
    missing: roster.units.filter((r) => !reported.has(roster.classOfRow.get(r))),
    unmatched: units.flatMap((u) =>
      u.roster.kind === "unmatched"
        ? [{ unit: shownName(u), key: u.key, file: u.source.path, suggestion: u.roster.suggestion }]
        : [],
    ),
    conflicts: units.flatMap((u) =>
      u.roster.kind === "conflict"
        ? [
            {
              unit: shownName(u),
              creditCode: typeof u.values.credit_code === "string" ? u.values.credit_code : "",
              key: u.key,
              file: u.source.path,
              nameRow: u.roster.nameRow === null ? null : rowAt.get(u.roster.nameRow.rosterRow)!,
              codeRow: rowAt.get(u.roster.codeRow.rosterRow)!,
            },
          ]
        : [],
    ),
  };
}
