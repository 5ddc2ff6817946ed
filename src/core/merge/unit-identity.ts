/**
 * Which merged files are one unit (spec §5), and which contradict each other.
 *
 * Two files are one unit only when nothing they state contradicts it: their names agree (foldName),
 * or the roster ties the two names to one unit (its rows sharing a code), and their credit codes do
 * not differ (one may be blank). A code never joins files by itself: a unit that started from
 * another unit's file keeps that unit's code, and joining by it would let the later file replace
 * the other unit's report.
 *
 * Within one name class the files split by code. With one code (or none) the class is one unit.
 * With several (same name, different codes) no file replaces another: a typing error and two units
 * of one name look alike, and only a person can tell them apart, so each code is a unit of its own
 * and each is flagged; the files without a code join the code the roster gives the class, else they
 * are one more unit (they could be either). A file without a name is a unit of its own.
 */
import type { Candidate } from "./candidate";
import { hops } from "./carried";
import { byNullableText, byText } from "./identity";
import { MERGE_RULES, mergeMessages, type OtherFile } from "./messages";
import type { ProblemRow, RosterStanding, UnitKey } from "./model";
import { nameClassOf, type RosterIndex } from "./roster-match";

/** What the rule looks at in a file: the same for a report, a master's copy of one, or last year's row. */
export type IdentityFacts = Pick<Candidate, "foldedName" | "creditCode" | "fillDate"> & {
  readonly source: Pick<Candidate["source"], "path" | "sha256" | "modified" | "carried">;
};

export interface UnitGroup<C extends IdentityFacts = Candidate> {
  readonly key: UnitKey;
  /** The name class of its files (roster-match.ts nameClassOf); null for a file without a name. */
  readonly nameClass: string | null;
  /** The credit code its files state (null: none does). */
  readonly code: string | null;
  /** Later 填报日期 first: the first is the file the master shows, the others it supersedes. */
  readonly members: readonly C[];
}

/**
 * Later 填报日期 wins. On the same day, the file itself wins over a master's copy of it (fewer masters
 * between: the bureau holds that file and can open it, while a copy is what another bureau read), then
 * the later modification time (a copy's is its master's date), then the later path (byte order).
 */
export function laterFirst(a: IdentityFacts, b: IdentityFacts): number {
  return (
    byNullableText(b.fillDate, a.fillDate) ||
    hops(a.source) - hops(b.source) ||
    byNullableText(b.source.modified, a.source.modified) ||
    byText(b.source.path, a.source.path) ||
    byText(b.source.sha256, a.source.sha256)
  );
}

/** One class's files split by code (see the module comment). */
function splitByCode<C extends IdentityFacts>(files: readonly C[], rosterCodes: readonly string[]): C[][] {
  const byCode = new Map<string, C[]>();
  const uncoded: C[] = [];
  for (const f of files) {
    if (f.creditCode === null) uncoded.push(f);
    else pushTo(byCode, f.creditCode, f);
  }
  if (byCode.size <= 1) return [[...byCode.values()].flat().concat(uncoded)];
  const home = [...byCode.keys()].filter((c) => rosterCodes.includes(c));
  if (home.length === 1) byCode.get(home[0])!.push(...uncoded);
  else if (uncoded.length > 0) return [...byCode.values(), uncoded];
  return [...byCode.values()];
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function count<T>(items: readonly T[]): Map<T, number> {
  const n = new Map<T, number>();
  for (const i of items) n.set(i, (n.get(i) ?? 0) + 1);
  return n;
}

/** The units of `reports` (any order in, the same groups out): see the module comment. */
export function groupByUnit<C extends IdentityFacts>(
  reports: readonly C[],
  roster: RosterIndex | null = null,
): UnitGroup<C>[] {
  const byClass = new Map<string, C[]>();
  const parts: { nameClass: string | null; files: C[] }[] = [];
  for (const r of reports) {
    if (r.foldedName === null) parts.push({ nameClass: null, files: [r] });
    else pushTo(byClass, nameClassOf(roster, r.foldedName), r);
  }
  for (const [cls, files] of byClass)
    for (const split of splitByCode(files, roster?.codesOfClass.get(cls) ?? []))
      parts.push({ nameClass: cls, files: split });

  const shaped = parts.map((p) => ({
    nameClass: p.nameClass,
    code: p.files.find((f) => f.creditCode !== null)?.creditCode ?? null,
    members: [...p.files].sort(laterFirst),
  }));
  const codeUnits = count(shaped.map((g) => g.code));
  const classUnits = count(shaped.map((g) => g.nameClass));
  return shaped.map((g) => {
    const key: UnitKey =
      g.code !== null && codeUnits.get(g.code) === 1
        ? { by: "credit_code", value: g.code }
        : g.nameClass !== null && classUnits.get(g.nameClass) === 1
          ? { by: "unit_name", value: g.nameClass }
          : { by: "file", value: g.members[0].source.path };
    return { ...g, key };
  });
}

/** An identity conflict of the file a unit row shows, as 问题清单 tells it. */
interface IdentityLine {
  readonly file: Candidate;
  readonly message: string;
}

const otherFile = (c: Candidate): OtherFile => ({ source: c.source, unit: c.unitName, creditCode: c.creditCode });
const byPath = (a: Candidate, b: Candidate) => byText(a.source.path, b.source.path);

/**
 * For every credit code, the file that speaks for each name class stating it: the file a unit row
 * shows when one does, else the first by path (a superseded file still gives its code to its name).
 */
function codeClaims(groups: readonly UnitGroup[]): Map<string, Map<string, Candidate>> {
  const shown = new Set(groups.map((g) => g.members[0]));
  const rank = (a: Candidate, b: Candidate) => Number(shown.has(b)) - Number(shown.has(a)) || byPath(a, b);
  const claims = new Map<string, Map<string, Candidate>>();
  for (const g of groups) {
    if (g.nameClass === null) continue;
    for (const m of g.members) {
      if (m.creditCode === null) continue;
      const byClass = claims.get(m.creditCode) ?? new Map<string, Candidate>();
      const held = byClass.get(g.nameClass);
      if (held === undefined || rank(m, held) < 0) byClass.set(g.nameClass, m);
      claims.set(m.creditCode, byClass);
    }
  }
  return claims;
}

/**
 * The identity conflicts of the files unit rows show, in group order (spec §5): a code another file
 * or the roster gives to a differently named unit, and other units of the same name class. Errors
 * all: the bureau must not total two units' reports as one, nor one unit's twice, unawares.
 */
function identityLines(groups: readonly UnitGroup[], roster: RosterIndex | null): IdentityLine[] {
  const claims = codeClaims(groups);
  const unitsOfClass = new Map<string, UnitGroup[]>();
  for (const g of groups) if (g.nameClass !== null) pushTo(unitsOfClass, g.nameClass, g);
  const lines: IdentityLine[] = [];
  const error = (file: Candidate, message: string) => lines.push({ file, message });
  for (const g of groups) {
    const w = g.members[0];
    if (g.nameClass === null) continue;
    const code = w.creditCode;
    if (code !== null) {
      const others = [...(claims.get(code) ?? [])].filter(([cls]) => cls !== g.nameClass).map(([, f]) => f);
      const ownerRow = roster?.byCode.get(code);
      const ownerClass = ownerRow ? roster!.classOfRow.get(ownerRow) : undefined;
      const owner = ownerRow && ownerClass !== g.nameClass ? { name: ownerRow.name, row: ownerRow.row } : null;
      if (owner || others.length > 0) {
        const named = others.sort(byPath).map(otherFile);
        error(w, mergeMessages.codeOfOtherUnit(code, w.unitName ?? "", owner, ownerClass === g.nameClass, named));
      }
    }
    const siblings = (unitsOfClass.get(g.nameClass) ?? []).filter((s) => s !== g).map((s) => s.members[0]);
    const tied = siblings.some((s) => s.foldedName !== w.foldedName);
    if (siblings.length > 0)
      error(w, mergeMessages.sameNameOtherCode(code, siblings.sort(byPath).map(otherFile), tied));
  }
  return lines;
}

/** A line of 问题清单 about a merged file's identity, pointing at its credit code cell. */
function identityRow(c: Candidate, severity: "error" | "warning", message: string): ProblemRow {
  return {
    kind: "identity_conflict",
    file: c.source.path,
    unit: c.unitName,
    rule: severity === "error" ? MERGE_RULES.identityConflict : MERGE_RULES.rosterCodeDiffers,
    severity,
    field: "credit_code",
    table: null,
    row: null,
    sheet: c.creditCodeAt.sheet,
    cell: c.creditCodeAt.cell,
    message,
    explanation: null,
  };
}

/**
 * The identity lines of 问题清单 for each file a unit row shows: its conflicts with other files or the
 * roster (errors), then a code the roster gives no unit while it has another for this one (warning).
 */
export function identityProblems(
  groups: readonly UnitGroup[],
  roster: RosterIndex | null,
  standings: ReadonlyMap<Candidate, RosterStanding>,
): Map<Candidate, ProblemRow[]> {
  const rows = new Map<Candidate, ProblemRow[]>();
  for (const l of identityLines(groups, roster)) pushTo(rows, l.file, identityRow(l.file, "error", l.message));
  for (const [c, s] of standings)
    if (s.kind === "matched" && s.rosterCode !== undefined && c.creditCode !== null) {
      const rosterRow = { name: s.rosterName, row: s.rosterRow };
      const message = mergeMessages.rosterCodeDiffers(c.creditCode, rosterRow, s.rosterCode);
      pushTo(rows, c, identityRow(c, "warning", message));
    }
  return rows;
}
