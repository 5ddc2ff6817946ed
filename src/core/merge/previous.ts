/**
 * 与上年核对: this merge's units beside last time's master (last year's, or last round's), unit by
 * unit. Units are matched by the identity rule of spec §5: the same name as compared (or names the
 * roster ties to one unit) and no credit code that differs. Where one unit of last time could be
 * either of two units now (it stated no code, they state different ones), it is matched to neither:
 * only a person can tell, so both sides stay listed. A headcount or session count that changed
 * beyond CHANGE_FACTOR either way (from or to 0 included) is flagged with both figures.
 */
import type { FieldValue } from "../submission";
import { identityOf } from "./candidate";
import { HEADCOUNT_FIELDS } from "./columns";
import type { ChangedFigure, ComparisonLine, PreviousComparison, PreviousMaster, UnitRow } from "./model";
import { nameClassOf, type RosterIndex } from "./roster-match";

/** A change beyond this factor either way is flagged (issue 17: 与上年核对). */
export const CHANGE_FACTOR = 3;

/** The figures compared: every headcount of the definition (participants and sessions). */
export const COMPARED_FIELDS = HEADCOUNT_FIELDS;

interface Side {
  readonly name: string;
  readonly nameClass: string | null;
  readonly code: string | null;
  readonly figures: Readonly<Record<string, number | null>>;
}

function sideOf(values: Readonly<Record<string, FieldValue>>, roster: RosterIndex | null): Side {
  const id = identityOf({ values, unread: {} });
  const figures = Object.fromEntries(
    COMPARED_FIELDS.map((f) => [f.id, typeof values[f.id] === "number" ? (values[f.id] as number) : null]),
  );
  return {
    name: id.unitName ?? "",
    nameClass: id.foldedName === null ? null : nameClassOf(roster, id.foldedName),
    code: id.creditCode,
    figures,
  };
}

/** Beyond the factor either way; a figure not read on one side is not compared. */
export function changedFigures(
  previous: Readonly<Record<string, number | null>>,
  current: Readonly<Record<string, number | null>>,
): ChangedFigure[] {
  const out: ChangedFigure[] = [];
  for (const f of COMPARED_FIELDS) {
    const [p, c] = [previous[f.id], current[f.id]];
    if (p === null || c === null || p === undefined || c === undefined) continue;
    if (Math.max(p, c) > CHANGE_FACTOR * Math.min(p, c)) out.push({ field: f.id, previous: p, current: c });
  }
  return out;
}

/** The unit of `now` that `then` is, by the identity rule; null when none is, or when two could be. */
function matchOf(then: Side, now: readonly Side[], taken: ReadonlySet<Side>): Side | null {
  if (then.nameClass === null) return null;
  const same = now.filter(
    (u) =>
      !taken.has(u) &&
      u.nameClass === then.nameClass &&
      (u.code === null || then.code === null || u.code === then.code),
  );
  const byCode = same.filter((u) => then.code !== null && u.code === then.code);
  if (byCode.length === 1) return byCode[0];
  return same.length === 1 ? same[0] : null;
}

export function compareWithPrevious(
  previous: PreviousMaster,
  units: readonly UnitRow[],
  roster: RosterIndex | null,
): PreviousComparison {
  const now = units.map((u) =>
    sideOf({ ...u.values, unit_name: u.values.unit_name ?? u.unread.unit_name ?? null }, roster),
  );
  const matched = new Map<Side, Side>();
  const gone: Side[] = [];
  for (const p of previous.units) {
    const then = sideOf(p.values, roster);
    const match = matchOf(then, now, new Set(matched.keys()));
    if (match) matched.set(match, then);
    else gone.push(then);
  }
  const lines: ComparisonLine[] = now.map((u, i) => {
    const then = matched.get(u);
    return {
      situation: then ? "both" : "new",
      unit: u.name,
      creditCode: u.code ?? then?.code ?? null,
      previous: then?.figures ?? null,
      current: u.figures,
      changed: then ? changedFigures(then.figures, u.figures) : [],
      file: units[i].source.path,
    };
  });
  for (const g of gone)
    lines.push({
      situation: "gone",
      unit: g.name,
      creditCode: g.code,
      previous: g.figures,
      current: null,
      changed: [],
      file: null,
    });
  return {
    file: previous.file,
    reportType: previous.reportType,
    lines,
    counts: {
      changed: lines.filter((l) => l.changed.length > 0).length,
      gone: gone.length,
      new: lines.filter((l) => l.situation === "new").length,
    },
  };
}
