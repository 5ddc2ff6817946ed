/**
 * Who is the same unit (spec §5): names agree and nothing stated contradicts it. A unit that started
 * from another unit's file keeps that unit's credit code; the merge must keep both reports, flag
 * both files, and never let one replace the other.
 */
import { cellOf, fieldById } from "../../src/core/definition";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import type { MergeResult, ProblemRow, RosterUnit } from "../../src/core/merge/model";
import { creditCode, reportFile } from "./helpers";

const A = "天津市甲区市场监督管理局";
const B = "天津市乙区市场监督管理局";
const C = "天津市丙标准化协会";
const X = creditCode(1);
const Y = creditCode(2);
const Z = creditCode(3);

/** A correct report of `name` stating `code`, filled on 2023-11-`day`, with `people` (≥ 300, its events' sum) as its 《条例》 headcount. */
function file(path: string, name: string | null, code: string | null, day = 1, people = 400): MergeInput {
  return reportFile(path, {
    fields: {
      unit_name: name,
      credit_code: code,
      fill_date: `2023-11-${String(day).padStart(2, "0")}`,
      regulation_participants: people,
    },
  });
}

const rosterOf = (...rows: [string, string | null][]): { file: string; units: RosterUnit[] } => ({
  file: "名单.csv",
  units: rows.map(([name, code], i) => ({ name, creditCode: code, category: null, row: i + 2 })),
});

const shown = (r: MergeResult) => r.units.map((u) => u.source.path).sort();
const identityOf = (r: MergeResult, path: string): ProblemRow[] =>
  r.problems.filter((p) => p.file === path && p.kind === "identity_conflict");

describe("a unit that started from another unit's file (same code, different names)", () => {
  const r = mergeSubmissions([file("a.xlsx", A, X, 1, 500), file("b.xlsx", B, X, 8, 420)]);

  it("keeps both reports as their own rows under the names they state; neither replaces the other", () => {
    expect(shown(r)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(r.superseded).toEqual([]);
    expect(r.units.map((u) => u.values.unit_name).sort()).toEqual([A, B].sort());
    expect(r.totals.headcounts.regulation_participants).toBe(920);
    expect(new Set(r.details.events.map((d) => d.source.file))).toEqual(new Set(["a.xlsx", "b.xlsx"]));
  });

  it("puts an error on each file in 问题清单 naming the other file and the unit whose code it is", () => {
    const [onA] = identityOf(r, "a.xlsx");
    const [onB] = identityOf(r, "b.xlsx");
    expect(onA).toMatchObject({
      severity: "error",
      rule: "merge.identity_conflict",
      unit: A,
      field: "credit_code",
      sheet: "基本情况",
      cell: cellOf(fieldById("credit_code")),
    });
    expect(onA.message).toContain(`文件“b.xlsx”（报送单位“${B}”）`);
    expect(onA.message).toContain(X);
    expect(onB.message).toContain(`文件“a.xlsx”（报送单位“${A}”）`);
    expect(onB.message).toContain(`单位名称与本文件（“${B}”）不同`);
  });

  it("counts the conflict in each row's errors and status, and in the summary", () => {
    for (const u of r.units) expect([u.errors, u.status]).toEqual([1, "errors"]);
    expect(r.summary).toMatchObject({ unitsMerged: 2, unitsWithErrors: 2, superseded: 0, identityConflicts: 2 });
  });

  it("gives every unit row its own key, so detail rows find their own unit", () => {
    const keys = r.units.map((u) => `${u.key.by}:${u.key.value}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(r.units.map((u) => u.key.by)).toEqual(["unit_name", "unit_name"]);
  });

  it("more than two files sharing a code: every unit kept, each file names the others", () => {
    const three = mergeSubmissions([file("a.xlsx", A, X), file("b.xlsx", B, X), file("c.xlsx", C, X)]);
    expect(shown(three)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx"]);
    const onC = identityOf(three, "c.xlsx");
    expect(onC).toHaveLength(1);
    expect(onC[0].message).toContain("“a.xlsx”");
    expect(onC[0].message).toContain("“b.xlsx”");
  });

  it("files that share nothing contradictory get no identity line", () => {
    const calm = mergeSubmissions([file("a.xlsx", A, X), file("b.xlsx", B, Y), file("c.xlsx", C, null)]);
    expect(calm.problems.filter((p) => p.kind === "identity_conflict")).toEqual([]);
    expect(calm.summary.identityConflicts).toBe(0);
    expect(calm.units.map((u) => u.key.by).sort()).toEqual(["credit_code", "credit_code", "unit_name"]);
  });
});

describe("a genuine resubmission (same name, with or without the code) supersedes", () => {
  it.each([
    ["both coded", X, X],
    ["the later without the code", X, null],
    ["the earlier without the code", null, X],
    ["neither coded", null, null],
  ])("%s", (_, first, second) => {
    const r = mergeSubmissions([file("old.xlsx", A, first, 1, 300), file("new.xlsx", ` ${A} `, second, 9, 320)]);
    expect(shown(r)).toEqual(["new.xlsx"]);
    expect(r.superseded.map((s) => [s.source.path, s.by.path])).toEqual([["old.xlsx", "new.xlsx"]]);
    expect(r.totals.headcounts.regulation_participants).toBe(320);
    expect(r.problems.filter((p) => p.kind === "identity_conflict")).toEqual([]);
  });

  it("the resubmission of the unit that copied stays one unit, still in conflict with the other", () => {
    const r = mergeSubmissions([file("a.xlsx", A, X), file("b1.xlsx", B, X, 2), file("b2.xlsx", B, X, 5)]);
    expect(shown(r)).toEqual(["a.xlsx", "b2.xlsx"]);
    expect(r.superseded.map((s) => s.source.path)).toEqual(["b1.xlsx"]);
    expect(identityOf(r, "b2.xlsx")[0].message).toContain("“a.xlsx”");
    expect(identityOf(r, "b1.xlsx")).toEqual([]);
  });

  it("a code that only a superseded file gave the other unit still flags the copy", () => {
    const r = mergeSubmissions([file("a1.xlsx", A, X, 1), file("a2.xlsx", A, null, 5), file("b.xlsx", B, X, 3)]);
    expect(shown(r)).toEqual(["a2.xlsx", "b.xlsx"]);
    expect(identityOf(r, "b.xlsx")[0].message).toContain(`文件“a1.xlsx”（报送单位“${A}”）`);
    expect(identityOf(r, "a2.xlsx")).toEqual([]);
  });
});

describe("the same name with different codes", () => {
  it("keeps each code as its own unit, flags each, and supersedes nothing", () => {
    const r = mergeSubmissions([file("x.xlsx", A, X, 1, 300), file("y.xlsx", A, Y, 9, 320)]);
    expect(shown(r)).toEqual(["x.xlsx", "y.xlsx"]);
    expect(r.superseded).toEqual([]);
    expect(identityOf(r, "x.xlsx")[0].message).toContain(`文件“y.xlsx”（信用代码 ${Y}）`);
    expect(identityOf(r, "y.xlsx")[0].message).toContain(`文件“x.xlsx”（信用代码 ${X}）`);
    expect(r.units.map((u) => u.key)).toEqual([
      { by: "credit_code", value: X },
      { by: "credit_code", value: Y },
    ]);
  });

  it("a file without a code cannot tell which it belongs to: its own unit, flagged, superseding nothing", () => {
    const r = mergeSubmissions([file("x.xlsx", A, X, 1), file("y.xlsx", A, Y, 2), file("none.xlsx", A, null, 9)]);
    expect(shown(r)).toEqual(["none.xlsx", "x.xlsx", "y.xlsx"]);
    expect(r.superseded).toEqual([]);
    expect(identityOf(r, "none.xlsx")[0].message).toContain("本文件（未填写）");
    expect(r.units.find((u) => u.source.path === "none.xlsx")!.key).toEqual({ by: "file", value: "none.xlsx" });
  });

  it("with a roster giving the name one of the codes, the file without a code joins that one", () => {
    const r = mergeSubmissions([file("x.xlsx", A, X, 1), file("y.xlsx", A, Y, 2), file("none.xlsx", A, null, 9)], {
      roster: rosterOf([A, X]),
    });
    expect(shown(r)).toEqual(["none.xlsx", "y.xlsx"]);
    expect(r.superseded.map((s) => [s.source.path, s.by.path])).toEqual([["x.xlsx", "none.xlsx"]]);
    expect(identityOf(r, "y.xlsx").map((p) => p.severity)).toEqual(["error", "warning"]);
  });
});

describe("a file without a name", () => {
  it("is a unit of its own: it neither joins nor replaces the unit whose code it states", () => {
    const r = mergeSubmissions([file("a.xlsx", A, X, 1), file("blank.xlsx", null, X, 9)]);
    expect(shown(r)).toEqual(["a.xlsx", "blank.xlsx"]);
    expect(r.superseded).toEqual([]);
    expect(r.problems.filter((p) => p.kind === "identity_conflict")).toEqual([]);
    expect(r.units.find((u) => u.source.path === "blank.xlsx")!.key).toEqual({ by: "file", value: "blank.xlsx" });
  });
});

describe("the roster", () => {
  it("a name of one roster unit and the code of another is a conflict, matched to neither; both stay 未报送", () => {
    const r = mergeSubmissions([file("b.xlsx", B, X)], { roster: rosterOf([A, X], [B, Y]) });
    expect(r.units[0].roster).toEqual({
      kind: "conflict",
      nameRow: { name: B, rosterRow: 3 },
      codeRow: { name: A, rosterRow: 2 },
    });
    expect(r.roster!.missing.map((m) => m.name)).toEqual([A, B]);
    expect(r.roster!.conflicts).toEqual([
      {
        unit: B,
        creditCode: X,
        key: { by: "credit_code", value: X },
        file: "b.xlsx",
        nameRow: r.roster!.missing[1],
        codeRow: r.roster!.missing[0],
      },
    ]);
    expect(r.summary).toMatchObject({ missingFromRoster: 2, notOnRoster: 0, identityConflicts: 1 });
    expect(identityOf(r, "b.xlsx")[0].message).toContain(`在单位名单中属于“${A}”（名单第 2 行）`);
  });

  it("names the roster's owner of the code and the other file; the owner's own file is told it is right", () => {
    const r = mergeSubmissions([file("a.xlsx", A, X), file("b.xlsx", B, X)], { roster: rosterOf([A, X], [B, null]) });
    expect(r.units.find((u) => u.source.path === "a.xlsx")!.roster).toMatchObject({
      kind: "matched",
      by: "credit_code",
    });
    expect(r.roster!.missing.map((m) => m.name)).toEqual([B]);
    const onB = identityOf(r, "b.xlsx")[0].message;
    expect(onB).toContain(`在单位名单中属于“${A}”（名单第 2 行）`);
    expect(onB).toContain(`文件“a.xlsx”（报送单位“${A}”）`);
    expect(identityOf(r, "a.xlsx")[0].message).toContain("与单位名单一致");
  });

  it("a name not on the roster with a roster unit's code is a conflict too, and hides nobody", () => {
    const r = mergeSubmissions([file("c.xlsx", C, X)], { roster: rosterOf([A, X]) });
    expect(r.units[0].roster).toEqual({ kind: "conflict", nameRow: null, codeRow: { name: A, rosterRow: 2 } });
    expect(r.roster!.missing.map((m) => m.name)).toEqual([A]);
  });

  it("a file without a name is matched by its code", () => {
    const r = mergeSubmissions([file("blank.xlsx", null, X)], { roster: rosterOf([A, X]) });
    expect(r.units[0].roster).toMatchObject({ kind: "matched", by: "credit_code", rosterRow: 2 });
    expect(r.roster!.missing).toEqual([]);
  });

  it("matched by name with a code the roster gives nobody: matched, with a warning naming both codes", () => {
    const r = mergeSubmissions([file("a.xlsx", A, Z)], { roster: rosterOf([A, X]) });
    expect(r.units[0].roster).toEqual({ kind: "matched", by: "unit_name", rosterName: A, rosterRow: 2, rosterCode: X });
    const [line] = identityOf(r, "a.xlsx");
    expect(line).toMatchObject({ severity: "warning", rule: "merge.roster_code_differs" });
    expect(line.message).toContain(X);
    expect(line.message).toContain(Z);
    expect([r.units[0].warnings, r.units[0].status]).toEqual([1, "warnings"]);
    expect(r.summary.identityConflicts).toBe(0);
  });

  it("rows sharing a code tie their names: files under either name are one unit, and neither row is missing", () => {
    const roster = rosterOf([A, X], [C, null], [`${A}（原名）`, X]);
    const r = mergeSubmissions([file("new.xlsx", A, null, 9), file("old.xlsx", `${A}（原名）`, X, 1)], { roster });
    expect(shown(r)).toEqual(["new.xlsx"]);
    expect(r.superseded.map((s) => s.source.path)).toEqual(["old.xlsx"]);
    expect(r.roster!.missing.map((m) => m.name)).toEqual([C]);
    expect(r.problems.filter((p) => p.kind === "identity_conflict")).toEqual([]);
    // Without the roster the two names are two units.
    expect(shown(mergeSubmissions([file("new.xlsx", A, null, 9), file("old.xlsx", `${A}（原名）`, X, 1)]))).toEqual([
      "new.xlsx",
      "old.xlsx",
    ]);
  });
});

describe("names that look the same", () => {
  it("a NUL, zero-width space or bidi mark inside a name does not make another unit", () => {
    const r = mergeSubmissions([
      file("1.xlsx", A, null, 1),
      file("2.xlsx", A.replace("甲", "甲\u0000"), null, 2),
      file("3.xlsx", A.replace("区", "\u200b区\u200e"), null, 3),
    ]);
    expect(shown(r)).toEqual(["3.xlsx"]);
    expect(r.superseded.map((s) => s.source.path).sort()).toEqual(["1.xlsx", "2.xlsx"]);
  });
});
