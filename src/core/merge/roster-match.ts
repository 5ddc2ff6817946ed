/** Merged units against the roster (spec §5 未报送单位): by credit code, else by folded name. */
import { editDistance, foldName } from "./identity";
import type { RosterStanding, RosterSuggestion, RosterUnit } from "./model";

export interface RosterIndex {
  readonly units: readonly RosterUnit[];
  readonly byCode: ReadonlyMap<string, RosterUnit>;
  readonly byName: ReadonlyMap<string, RosterUnit>;
  readonly folded: readonly string[];
}

/** The first roster row wins when a code or name is listed twice. */
export function indexRoster(units: readonly RosterUnit[]): RosterIndex {
  const byCode = new Map<string, RosterUnit>();
  const byName = new Map<string, RosterUnit>();
  const folded = units.map((u) => foldName(u.name));
  units.forEach((u, i) => {
    if (u.creditCode !== null && !byCode.has(u.creditCode)) byCode.set(u.creditCode, u);
    if (!byName.has(folded[i])) byName.set(folded[i], u);
  });
  return { units, byCode, byName, folded };
}

/** The roster name nearest by edit distance on folded names; ties go to the earlier roster row. */
export function closestRosterName(index: RosterIndex, foldedName: string): RosterSuggestion | null {
  let best: RosterSuggestion | null = null;
  index.units.forEach((u, i) => {
    const distance = editDistance(foldedName, index.folded[i]);
    if (best === null || distance < best.distance) best = { name: u.name, rosterRow: u.row, distance };
  });
  return best;
}

export function standingOf(index: RosterIndex, creditCode: string | null, foldedName: string | null): RosterStanding {
  const byCode = creditCode === null ? undefined : index.byCode.get(creditCode);
  if (byCode) return { kind: "matched", by: "credit_code", rosterName: byCode.name, rosterRow: byCode.row };
  const byName = foldedName === null ? undefined : index.byName.get(foldedName);
  if (byName) return { kind: "matched", by: "unit_name", rosterName: byName.name, rosterRow: byName.row };
  return { kind: "unmatched", suggestion: closestRosterName(index, foldedName ?? "") };
}
