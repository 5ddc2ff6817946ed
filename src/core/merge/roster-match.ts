/**
 * Merged units against the roster (spec §5 未报送单位). Rows of the roster that share a credit code are
 * one unit listed under each of its names (an old and a new name, a short and a full one): the roster
 * ties those names into one class. A unit matches a roster unit by its name or its credit code when
 * the other does not belong to a different roster unit; a name of one and a code of another is a
 * conflict, not a match.
 */
import { boundedEditDistance, byText, comparedChars, foldName } from "./identity";
import type { RosterStanding, RosterSuggestion, RosterUnit } from "./model";

export interface RosterIndex {
  readonly units: readonly RosterUnit[];
  /** The first roster row of each folded name and of each credit code. */
  readonly byName: ReadonlyMap<string, RosterUnit>;
  readonly byCode: ReadonlyMap<string, RosterUnit>;
  /** The class of every folded name the roster lists: the first, in byte order, of the names tied to it. */
  readonly classOfName: ReadonlyMap<string, string>;
  /** The class of every roster row. */
  readonly classOfRow: ReadonlyMap<RosterUnit, string>;
  /** The credit codes the roster gives each class, in roster order. */
  readonly codesOfClass: ReadonlyMap<string, readonly string[]>;
  /** Folded names cut to what the edit distance compares, by roster position. */
  readonly compared: readonly (readonly number[])[];
}

/** Union of the names of rows sharing a code; every class is rooted at its smallest name (byte order). */
function tieNames(units: readonly RosterUnit[], folded: readonly string[]): Map<string, string> {
  const parent = new Map<string, string>(folded.map((f) => [f, f]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = x; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const firstNameOfCode = new Map<string, string>();
  units.forEach((u, i) => {
    if (u.creditCode === null) return;
    const other = firstNameOfCode.get(u.creditCode);
    if (other === undefined) {
      firstNameOfCode.set(u.creditCode, folded[i]);
      return;
    }
    const [a, b] = [find(other), find(folded[i])].sort(byText);
    if (a !== b) parent.set(b, a);
  });
  return new Map(folded.map((f) => [f, find(f)]));
}

export function indexRoster(units: readonly RosterUnit[]): RosterIndex {
  const folded = units.map((u) => foldName(u.name));
  const byCode = new Map<string, RosterUnit>();
  const byName = new Map<string, RosterUnit>();
  units.forEach((u, i) => {
    if (u.creditCode !== null && !byCode.has(u.creditCode)) byCode.set(u.creditCode, u);
    if (!byName.has(folded[i])) byName.set(folded[i], u);
  });
  const classOfName = tieNames(units, folded);
  const classOfRow = new Map(units.map((u, i) => [u, classOfName.get(folded[i])!]));
  const codesOfClass = new Map<string, string[]>();
  for (const u of units) {
    if (u.creditCode === null) continue;
    const codes = codesOfClass.get(classOfRow.get(u)!) ?? [];
    if (!codes.includes(u.creditCode)) codes.push(u.creditCode);
    codesOfClass.set(classOfRow.get(u)!, codes);
  }
  return { units, byName, byCode, classOfName, classOfRow, codesOfClass, compared: folded.map(comparedChars) };
}

/** The identity class of a folded unit name: the roster's class when the roster lists it, else the name itself. */
export function nameClassOf(index: RosterIndex | null, foldedName: string): string {
  return index?.classOfName.get(foldedName) ?? foldedName;
}

/**
 * The roster name nearest by edit distance on folded names; ties go to the earlier roster row. The
 * work is bounded: names are compared on their first MAX_COMPARED_CHARS code points, and a row stops
 * being compared as soon as it cannot beat the best so far.
 */
export function closestRosterName(index: RosterIndex, foldedName: string): RosterSuggestion | null {
  const name = comparedChars(foldedName);
  let best: RosterSuggestion | null = null;
  index.units.forEach((u, i) => {
    const distance = boundedEditDistance(name, index.compared[i], best === null ? Infinity : best.distance - 1);
    if (best === null || distance < best.distance) best = { name: u.name, rosterRow: u.row, distance };
  });
  return best;
}

export function standingOf(index: RosterIndex, creditCode: string | null, foldedName: string | null): RosterStanding {
  const nameRow = foldedName === null ? undefined : index.byName.get(foldedName);
  const codeRow = creditCode === null ? undefined : index.byCode.get(creditCode);
  if (codeRow && nameRow && index.classOfRow.get(codeRow) === index.classOfRow.get(nameRow)) {
    const row = nameRow.creditCode === creditCode ? nameRow : codeRow;
    return { kind: "matched", by: "credit_code", rosterName: row.name, rosterRow: row.row };
  }
  if (codeRow && foldedName === null)
    return { kind: "matched", by: "credit_code", rosterName: codeRow.name, rosterRow: codeRow.row };
  if (codeRow) {
    const named = nameRow ? { name: nameRow.name, rosterRow: nameRow.row } : null;
    return { kind: "conflict", nameRow: named, codeRow: { name: codeRow.name, rosterRow: codeRow.row } };
  }
  if (nameRow) {
    const codes = index.codesOfClass.get(index.classOfRow.get(nameRow)!) ?? [];
    const rosterCode = creditCode === null ? undefined : (nameRow.creditCode ?? codes[0]);
    return {
      kind: "matched",
      by: "unit_name",
      rosterName: nameRow.name,
      rosterRow: nameRow.row,
      ...(rosterCode === undefined ? {} : { rosterCode }),
    };
  }
  return { kind: "unmatched", suggestion: closestRosterName(index, foldedName ?? "") };
}
