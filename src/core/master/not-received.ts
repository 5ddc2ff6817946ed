/**
 * Files that came in but count as not received (催报 chases them, 未报送单位 lists them): a file that
 * could not be read, and a report of the other type (a 阶段性总结 among 年度总结) from a unit that sent
 * nothing of the type collected. Such a report of a roster unit that sent nothing else is told on that
 * unit's 未报送 line; one of a unit whose other report was merged is not chased at all.
 */
import { foldCreditCode, foldName } from "../merge/identity";
import type { MergeResult, SetAsideFile, UnitRow } from "../merge/model";

export interface NotReceived {
  /** Other-type reports of roster units that sent nothing else, by the roster row they matched. */
  readonly byRosterRow: ReadonlyMap<number, readonly SetAsideFile[]>;
  /** Other-type reports of units neither merged nor a missing roster unit (no roster, or not on it). */
  readonly otherType: readonly SetAsideFile[];
}

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** Whether a merged unit is the file's unit: the same credit code, or the same name as compared. */
function mergedAs(file: SetAsideFile, units: readonly UnitRow[]): boolean {
  const code = file.creditCode ?? null;
  const name = file.unit === null ? null : foldName(file.unit);
  return units.some((u) => {
    const uCode = text(u.values.credit_code);
    const uName = text(u.values.unit_name) ?? text(u.unread.unit_name);
    return (
      (code !== null && uCode !== null && foldCreditCode(uCode) === code) ||
      (name !== null && name !== "" && uName !== null && foldName(uName) === name)
    );
  });
}

export function notReceived(result: MergeResult): NotReceived {
  const missingRows = new Set((result.roster?.missing ?? []).map((u) => u.row));
  const byRosterRow = new Map<number, SetAsideFile[]>();
  const otherType: SetAsideFile[] = [];
  for (const file of result.skipped) {
    const standing = file.roster;
    if (standing?.kind === "matched") {
      // A roster unit that reported under another of its names is not missing: nothing to chase.
      if (!missingRows.has(standing.rosterRow)) continue;
      byRosterRow.set(standing.rosterRow, [...(byRosterRow.get(standing.rosterRow) ?? []), file]);
    } else if (!mergedAs(file, result.units)) otherType.push(file);
  }
  return { byRosterRow, otherType };
}
