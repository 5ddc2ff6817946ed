/** 汇总表's totals row and 统计's groups: every unit counts, whatever its status (spec §5). */
import { fieldById, type FieldId } from "../definition";
import type { ReportStatus } from "../model";
import { COUNTED_TABLES, HEADCOUNT_FIELDS } from "./columns";
import type { GroupTotals, MergeStatistics, Totals, UnitRow } from "./model";

const STATUSES: readonly ReportStatus[] = ["ok", "warnings", "errors"];

/** Events' participants of one unit row are summed in the merge and passed in by unit. */
export function totalsOf(units: readonly UnitRow[], eventParticipants: (u: UnitRow) => number): Totals {
  const tableRows: Record<string, number> = Object.fromEntries(COUNTED_TABLES.map((t) => [t.id, 0]));
  const headcounts: Record<string, number> = Object.fromEntries(HEADCOUNT_FIELDS.map((f) => [f.id, 0]));
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
  let participants = 0;
  for (const u of units) {
    for (const t of COUNTED_TABLES) tableRows[t.id] += u.tableCounts[t.id] ?? 0;
    for (const f of HEADCOUNT_FIELDS) {
      const v = u.values[f.id];
      if (typeof v === "number") headcounts[f.id] += v;
    }
    byStatus[u.status]++;
    participants += eventParticipants(u);
  }
  return { units: units.length, tableRows, headcounts, eventParticipants: participants, byStatus };
}

/** One line per option of the enum field (zeros included, so 统计 always lists every district), unread last when any. */
function groupsBy(
  fieldId: FieldId,
  units: readonly UnitRow[],
  eventParticipants: (u: UnitRow) => number,
): GroupTotals[] {
  const options = fieldById(fieldId).options ?? [];
  const groups = new Map<string | null, UnitRow[]>(options.map((o) => [o, []]));
  for (const u of units) {
    const v = u.values[fieldId];
    const key = typeof v === "string" && groups.has(v) ? v : null;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(u);
  }
  return [...groups].map(([group, members]) => ({ group, ...totalsOf(members, eventParticipants) }));
}

export function statisticsOf(units: readonly UnitRow[], eventParticipants: (u: UnitRow) => number): MergeStatistics {
  return {
    byCategory: groupsBy("unit_category", units, eventParticipants),
    byDistrict: groupsBy("district", units, eventParticipants),
  };
}
