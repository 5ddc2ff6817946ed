/**
 * The identity rule of spec §5 as a property: units file reports, resubmit them, start from each
 * other's files (keeping the other unit's credit code), mistype codes, leave the name blank, or use
 * a former name the roster ties to the current one. Whatever they send, in whatever order:
 * - every file's figures are in the master (its unit row and its detail rows) unless a file of the
 *   same unit by the rule supersedes it; no two units share a row;
 * - a file stating a code that another file or the roster gives to a differently named unit is
 *   flagged, and no file is flagged without a reason;
 * - a roster unit is 未报送 exactly when no merged file matches it (a name of one roster unit with
 *   the code of another matches neither).
 * The truth here is what the generator made each file from, not a second copy of the merge's rules.
 */
import fc from "fast-check";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import type { MergeResult, RosterUnit } from "../../src/core/merge/model";
import { creditCode, reportFile } from "./helpers";

const UNITS = 3;
const nameOf = (u: number) => `天津市测试单位${u}`;
const aliasOf = (u: number) => `天津市测试单位${u}（原名）`;
const codeOf = (u: number) => creditCode(u + 1);
/** The same name as a careless copy shows it: spaces around, a zero-width space and a NUL inside. */
const lookalike = (u: number) => `\u3000${nameOf(u).replace("测试", "测\u200b试")}\u0000 `;

type NameForm = "name" | "lookalike" | "alias" | "blank";
type CodeForm = "own" | "blank" | "neighbour" | "typo";

interface FileSpec {
  readonly unit: number;
  readonly name: NameForm;
  readonly code: CodeForm;
  readonly day: number;
  readonly late: boolean;
}

interface RosterSpec {
  readonly listed: boolean;
  readonly withCode: boolean;
  /** Also listed under its former name with the same code: the roster ties the two names. */
  readonly former: boolean;
}

const fileSpec = fc.record({
  unit: fc.integer({ min: 0, max: UNITS - 1 }),
  name: fc.constantFrom<NameForm>("name", "name", "lookalike", "alias", "blank"),
  code: fc.constantFrom<CodeForm>("own", "own", "blank", "neighbour", "typo"),
  day: fc.integer({ min: 1, max: 4 }),
  late: fc.boolean(),
});
const rosterSpec = fc.option(
  fc.array(fc.record({ listed: fc.boolean(), withCode: fc.boolean(), former: fc.boolean() }), {
    minLength: UNITS,
    maxLength: UNITS,
  }),
);

/** The 《条例》 headcount that marks file i's figures (at least its events' 300, so no rule fires on it). */
const marker = (i: number) => 1000 + i;

function stated(f: FileSpec, i: number): { name: string | null; code: string | null } {
  const name = { name: nameOf(f.unit), lookalike: lookalike(f.unit), alias: aliasOf(f.unit), blank: null }[f.name];
  const code = {
    own: codeOf(f.unit),
    blank: null,
    neighbour: codeOf((f.unit + 1) % UNITS),
    typo: creditCode(100 + i),
  }[f.code];
  return { name, code };
}

function inputOf(f: FileSpec, i: number): MergeInput {
  const { name, code } = stated(f, i);
  return reportFile(`f${i}.xlsx`, {
    fields: {
      unit_name: name,
      credit_code: code,
      fill_date: `2023-11-0${f.day}`,
      regulation_participants: marker(i),
    },
    modified: f.late ? "2023-11-20T10:00:00.000Z" : "2023-11-20T09:00:00.000Z",
  });
}

function rosterOf(specs: readonly RosterSpec[]): RosterUnit[] {
  const rows: { name: string; creditCode: string | null }[] = [];
  specs.forEach((s, u) => {
    if (!s.listed) return;
    rows.push({ name: nameOf(u), creditCode: s.withCode ? codeOf(u) : null });
    if (s.withCode && s.former) rows.push({ name: aliasOf(u), creditCode: codeOf(u) });
  });
  return rows.map((r, i) => ({ ...r, category: null, row: i + 2 }));
}

/** The generator's truth about files and the roster. */
function truth(files: readonly FileSpec[], roster: readonly RosterSpec[] | null) {
  const tied = (u: number) => roster !== null && roster[u].listed && roster[u].withCode && roster[u].former;
  /** Which unit under which name the file says it is (null: no name). */
  const classOf = (i: number): string | null => {
    const f = files[i];
    if (f.name === "blank") return null;
    return f.name === "alias" && !tied(f.unit) ? `${f.unit}:former` : `${f.unit}:current`;
  };
  const codeOfFile = (i: number) => stated(files[i], i).code;
  const sameUnit = (i: number, j: number) => {
    const [a, b] = [codeOfFile(i), codeOfFile(j)];
    return classOf(i) !== null && classOf(i) === classOf(j) && (a === null || b === null || a === b);
  };
  /** The roster's class for a code, if it lists the code. */
  const rosterClassOfCode = (code: string | null): string | null => {
    if (roster === null || code === null) return null;
    const u = roster.findIndex((s, v) => s.listed && s.withCode && codeOf(v) === code);
    return u < 0 ? null : `${u}:current`;
  };
  /** The roster classes whose names the roster lists. */
  const rosterNamed = (cls: string | null) => {
    if (roster === null || cls === null) return false;
    const [u, form] = cls.split(":");
    return roster[Number(u)].listed && form === "current";
  };
  return { classOf, codeOfFile, sameUnit, rosterClassOfCode, rosterNamed };
}

const pathIndex = (path: string) => Number(/^f(\d+)\.xlsx$/.exec(path)![1]);

function check(files: readonly FileSpec[], roster: readonly RosterSpec[] | null, r: MergeResult): void {
  const t = truth(files, roster);
  const shown = new Map(r.units.map((u) => [pathIndex(u.source.path), u]));
  const supersededBy = new Map(r.superseded.map((s) => [pathIndex(s.source.path), pathIndex(s.by.path)]));

  files.forEach((_, i) => {
    const row = shown.get(i);
    if (row) {
      expect(row.values.regulation_participants).toBe(marker(i));
      const details = [...r.details.events, ...r.details.media, ...r.details.evidence];
      expect(details.filter((d) => d.source.file === `f${i}.xlsx`).every((d) => d.key === row.key)).toBe(true);
      expect(r.details.events.filter((d) => d.source.file === `f${i}.xlsx`)).toHaveLength(2);
    } else {
      expect(r.details.events.filter((d) => d.source.file === `f${i}.xlsx`)).toEqual([]);
      const by = supersededBy.get(i);
      expect(by).toBeDefined();
      expect(shown.has(by!)).toBe(true);
      expect([i, by, t.sameUnit(i, by!)]).toEqual([i, by, true]);
    }
  });
  expect(r.units.length + r.superseded.length).toBe(files.length);
  expect(r.totals.headcounts.regulation_participants).toBe([...shown.keys()].reduce((s, i) => s + marker(i), 0));
  const keys = r.units.map((u) => `${u.key.by}\u0000${u.key.value}`);
  expect(new Set(keys).size).toBe(keys.length);

  // Flags: a shown file is flagged exactly when its code is another name's, or other rows share its name.
  const flagged = new Set(r.problems.filter((p) => p.rule === "merge.identity_conflict").map((p) => pathIndex(p.file)));
  for (const [i] of shown) {
    const cls = t.classOf(i);
    const code = t.codeOfFile(i);
    const codeElsewhere =
      cls !== null &&
      code !== null &&
      (files.some((_, j) => t.codeOfFile(j) === code && t.classOf(j) !== null && t.classOf(j) !== cls) ||
        (t.rosterClassOfCode(code) !== null && t.rosterClassOfCode(code) !== cls));
    const sharedName = cls !== null && [...shown.keys()].some((j) => j !== i && t.classOf(j) === cls);
    expect([i, flagged.has(i)]).toEqual([i, codeElsewhere || sharedName]);
  }

  // 未报送: a roster unit is missing exactly when no shown file matches it.
  if (roster === null) return expect(r.roster).toBeNull();
  const matches = (i: number, u: number): boolean => {
    const cls = t.classOf(i);
    const code = t.codeOfFile(i);
    const codeOwner = t.rosterClassOfCode(code);
    if (cls === null) return codeOwner === `${u}:current`;
    if (!t.rosterNamed(cls)) return false;
    return cls === `${u}:current` && (codeOwner === null || codeOwner === cls);
  };
  const expectedMissing = roster.flatMap((s, u) =>
    s.listed && ![...shown.keys()].some((i) => matches(i, u)) ? [u] : [],
  );
  const missingUnits = [...new Set(r.roster!.missing.map((m) => Number(/\d+/.exec(m.name)![0])))];
  expect(missingUnits.sort()).toEqual(expectedMissing);
}

describe("identity property", () => {
  it("no file's figures vanish unless a file of the same unit supersedes them; conflicts are flagged", () => {
    fc.assert(
      fc.property(fc.array(fileSpec, { minLength: 1, maxLength: 7 }), rosterSpec, (files, roster) => {
        const inputs = files.map(inputOf);
        const options = roster === null ? {} : { roster: { file: "名单.csv", units: rosterOf(roster) } };
        const r = mergeSubmissions(inputs, options);
        check(files, roster, r);
        expect(mergeSubmissions([...inputs].reverse(), options)).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });
});
