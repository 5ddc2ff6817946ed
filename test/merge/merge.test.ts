/** The merge rules of spec §5, on judged submissions (pure core, no files). */
import fc from "fast-check";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import type { RosterUnit } from "../../src/core/merge/model";
import { creditCode, reportFile, unit, unreadableFile } from "./helpers";

const paths = (files: readonly { source: { path: string } }[]) => files.map((f) => f.source.path);

describe("one submission per unit", () => {
  it("keeps the later 填报日期 of the same name and code and lists the other as 被替代 with the file that won", () => {
    const r = mergeSubmissions([
      reportFile("a/first.xlsx", { fields: unit(1, { fill_date: "2023-11-01", regulation_participants: 300 }) }),
      reportFile("b/second.xlsx", {
        fields: unit(1, { unit_name: "天津市测试单位１", fill_date: "2023-11-08", regulation_participants: 320 }),
      }),
    ]);
    expect(r.units).toHaveLength(1);
    expect(r.units[0].source.path).toBe("b/second.xlsx");
    expect(r.units[0].values.regulation_participants).toBe(320);
    expect(r.units[0].key).toEqual({ by: "credit_code", value: creditCode(1) });
    expect(r.superseded).toHaveLength(1);
    expect(r.superseded[0].source.path).toBe("a/first.xlsx");
    expect(r.superseded[0].by.path).toBe("b/second.xlsx");
    expect(r.problems.find((p) => p.kind === "superseded")).toMatchObject({ file: "a/first.xlsx", severity: "info" });
    expect(r.totals.headcounts.regulation_participants).toBe(320);
  });

  it("without credit codes, the same name after trimming and width folding is the same unit", () => {
    const r = mergeSubmissions([
      reportFile("x.xlsx", {
        fields: { credit_code: null, unit_name: "天津市ＡＢＣ协会（筹）", fill_date: "2023-11-02" },
      }),
      reportFile("y.xlsx", {
        fields: { credit_code: null, unit_name: "  天津市ABC协会(筹) ", fill_date: "2023-11-01" },
      }),
    ]);
    expect(r.units).toHaveLength(1);
    expect(r.units[0].source.path).toBe("x.xlsx");
    expect(r.units[0].key).toEqual({ by: "unit_name", value: "天津市ABC协会(筹)" });
    expect(paths(r.superseded)).toEqual(["y.xlsx"]);
  });

  it("different names without codes, and different codes with one name, are different units", () => {
    const r = mergeSubmissions([
      reportFile("a.xlsx", { fields: { credit_code: null, unit_name: "甲单位" } }),
      reportFile("b.xlsx", { fields: { credit_code: null, unit_name: "乙单位" } }),
      reportFile("c.xlsx", { fields: { credit_code: creditCode(7), unit_name: "丙单位" } }),
      reportFile("d.xlsx", { fields: { credit_code: creditCode(8), unit_name: "丙单位" } }),
    ]);
    expect(r.units).toHaveLength(4);
    expect(r.superseded).toEqual([]);
  });

  it("a file without a code joins the one coded unit of its name", () => {
    const r = mergeSubmissions([
      reportFile("coded.xlsx", { fields: unit(3, { fill_date: "2023-11-01" }) }),
      reportFile("plain.xlsx", {
        fields: { unit_name: "天津市测试单位3", credit_code: null, fill_date: "2023-11-03" },
      }),
    ]);
    expect(paths(r.units.map((u) => ({ source: u.source })))).toEqual(["plain.xlsx"]);
    expect(r.units[0].key.by).toBe("credit_code");
    expect(paths(r.superseded)).toEqual(["coded.xlsx"]);
  });

  it("a tie on 填报日期 goes to the later modification time, then to the later path", () => {
    const same = unit(2, { fill_date: "2023-11-05" });
    const byTime = mergeSubmissions([
      reportFile("z-old.xlsx", { fields: same, modified: "2023-11-05T08:00:00.000Z" }),
      reportFile("a-new.xlsx", { fields: same, modified: "2023-11-05T09:00:00.000Z" }),
    ]);
    expect(byTime.units[0].source.path).toBe("a-new.xlsx");
    const byPath = mergeSubmissions([reportFile("b.xlsx", { fields: same }), reportFile("c.xlsx", { fields: same })]);
    expect(byPath.units[0].source.path).toBe("c.xlsx");
  });

  it("a blank 填报日期 loses to any date", () => {
    const r = mergeSubmissions([
      reportFile("dated.xlsx", { fields: unit(4, { fill_date: "2023-11-01" }), modified: "2023-01-01T00:00:00.000Z" }),
      reportFile("undated.xlsx", { fields: unit(4, { fill_date: null }), modified: "2023-12-01T00:00:00.000Z" }),
    ]);
    expect(r.units[0].source.path).toBe("dated.xlsx");
  });
});

describe("one report type per merge", () => {
  const files = [
    reportFile("y1.xlsx", { fields: unit(1) }),
    reportFile("y2.xlsx", { fields: unit(2) }),
    reportFile("s1.xlsx", { fields: unit(3, { report_type: "阶段性总结", fill_date: "2023-06-20" }) }),
  ];

  it("takes the type most files are and lists the others as skipped, never summed", () => {
    const r = mergeSubmissions(files);
    expect(r.summary).toMatchObject({ reportType: "年度总结", reportTypeFrom: "majority", skipped: 1, unitsMerged: 2 });
    expect(paths(r.skipped)).toEqual(["s1.xlsx"]);
    expect(r.totals.units).toBe(2);
    expect(r.totals.headcounts.regulation_participants).toBe(600);
    expect(r.problems.filter((p) => p.kind === "other_type").map((p) => p.file)).toEqual(["s1.xlsx"]);
  });

  it("takes the type it is given", () => {
    const r = mergeSubmissions(files, { reportType: "阶段性总结" });
    expect(r.summary).toMatchObject({ reportType: "阶段性总结", reportTypeFrom: "given", unitsMerged: 1, skipped: 2 });
    expect(r.units[0].source.path).toBe("s1.xlsx");
  });

  it("a tie between the types goes to 年度总结", () => {
    const r = mergeSubmissions([files[0], files[2]]);
    expect(r.summary.reportType).toBe("年度总结");
    expect(paths(r.skipped)).toEqual(["s1.xlsx"]);
  });

  it("a report whose type cannot be read is merged with its error, not dropped", () => {
    const r = mergeSubmissions([files[0], reportFile("untyped.xlsx", { fields: unit(9, { report_type: "总结" }) })]);
    expect(r.units.map((u) => u.source.path).sort()).toEqual(["untyped.xlsx", "y1.xlsx"]);
    expect(r.units.find((u) => u.source.path === "untyped.xlsx")!.status).toBe("errors");
    expect(r.skipped).toEqual([]);
  });

  it("a 阶段性总结 and a 年度总结 of one unit: the other type is skipped, not 被替代", () => {
    const r = mergeSubmissions([
      reportFile("stage.xlsx", { fields: unit(1, { report_type: "阶段性总结", fill_date: "2023-06-20" }) }),
      reportFile("annual.xlsx", { fields: unit(1) }),
      reportFile("other.xlsx", { fields: unit(2) }),
    ]);
    expect(paths(r.skipped)).toEqual(["stage.xlsx"]);
    expect(r.superseded).toEqual([]);
  });
});

describe("roster", () => {
  const roster: RosterUnit[] = [
    { name: "天津市测试单位1", creditCode: null, category: null, row: 2 },
    { name: "某某名称不同的单位", creditCode: creditCode(2), category: "企业", row: 3 },
    { name: "天津市没有报送的单位", creditCode: null, category: null, row: 4 },
    { name: "天津市测试单位甲", creditCode: null, category: null, row: 5 },
  ];

  it("matches by name or code unless they name two units; lists roster units that sent nothing; suggests the closest name", () => {
    const r = mergeSubmissions(
      [
        reportFile("1.xlsx", { fields: unit(1, { unit_name: " 天津市测试单位１ " }) }),
        reportFile("2.xlsx", { fields: unit(2) }),
        reportFile("3.xlsx", { fields: unit(3, { unit_name: "天津市测试单位甲乙" }) }),
      ],
      { roster: { file: "名单.csv", units: roster } },
    );
    const standing = Object.fromEntries(r.units.map((u) => [u.source.path, u.roster]));
    expect(standing["1.xlsx"]).toEqual({
      kind: "matched",
      by: "unit_name",
      rosterName: "天津市测试单位1",
      rosterRow: 2,
    });
    // The roster gives 2.xlsx's code to a differently named unit: a conflict, not a match.
    expect(standing["2.xlsx"]).toEqual({
      kind: "conflict",
      nameRow: null,
      codeRow: { name: "某某名称不同的单位", rosterRow: 3 },
    });
    expect(standing["3.xlsx"]).toEqual({
      kind: "unmatched",
      suggestion: { name: "天津市测试单位甲", rosterRow: 5, distance: 1 },
    });
    expect(r.roster!.missing.map((m) => m.name)).toEqual([
      "某某名称不同的单位",
      "天津市没有报送的单位",
      "天津市测试单位甲",
    ]);
    expect(r.roster!.unmatched).toEqual([
      {
        unit: "天津市测试单位甲乙",
        key: { by: "credit_code", value: creditCode(3) },
        file: "3.xlsx",
        suggestion: { name: "天津市测试单位甲", rosterRow: 5, distance: 1 },
      },
    ]);
    expect(r.roster!.conflicts.map((c) => [c.file, c.nameRow, c.codeRow.row])).toEqual([["2.xlsx", null, 3]]);
    expect(r.summary).toMatchObject({ missingFromRoster: 3, notOnRoster: 1, identityConflicts: 1 });
  });

  it("without a roster nothing is missing and nothing unmatched", () => {
    const r = mergeSubmissions([reportFile("1.xlsx", { fields: unit(1) })]);
    expect(r.roster).toBeNull();
    expect(r.units[0].roster).toEqual({ kind: "no_roster" });
    expect(r.summary).toMatchObject({ missingFromRoster: null, notOnRoster: null });
  });
});

describe("unreadable files, totals, statistics, provenance", () => {
  const inputs: MergeInput[] = [
    reportFile("ok.xlsx", { fields: unit(1) }),
    reportFile("bad.xlsx", { fields: unit(2, { regulation_participants: 100, outline_participants: "见签到表" }) }),
    unreadableFile("locked.xlsx"),
  ];
  const r = mergeSubmissions(inputs);

  it("an unreadable file is one error line in 问题清单 with its reason; the rest is merged", () => {
    expect(r.unreadable).toEqual([
      {
        source: expect.objectContaining({ path: "locked.xlsx" }),
        code: "encrypted",
        message: "“locked.xlsx”已加密，无法读取。",
      },
    ]);
    expect(r.problems.filter((p) => p.file === "locked.xlsx")).toEqual([
      expect.objectContaining({ kind: "unreadable", rule: "file.encrypted", severity: "error" }),
    ]);
    expect(r.summary).toMatchObject({ filesRead: 3, unitsMerged: 2, unreadable: 1, unitsWithErrors: 1 });
  });

  it("totals count every unit whatever its status; an unread headcount is blank with its original text kept", () => {
    const bad = r.units.find((u) => u.source.path === "bad.xlsx")!;
    expect(bad.status).toBe("errors");
    expect(bad.values.outline_participants).toBeNull();
    expect(bad.unread).toEqual({ outline_participants: "见签到表" });
    expect(r.totals.headcounts).toEqual({
      regulation_participants: 400,
      outline_participants: 250,
      training_sessions: 4,
      public_sessions: 2,
    });
    expect(r.totals.byStatus).toEqual({ ok: 1, warnings: 0, errors: 1 });
    expect(r.totals.eventParticipants).toBe(600);
    expect(r.totals.tableRows).toMatchObject({ events: 4, media: 2, evidence: 2 });
  });

  it("every finding of a merged file is in 问题清单 with file, unit, sheet and cell", () => {
    const findings = r.problems.filter((p) => p.kind === "finding");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((p) => p.file === "bad.xlsx" && p.unit === "天津市测试单位2")).toBe(true);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: "type.headcount", severity: "error", sheet: "基本情况", cell: "C20" }),
    );
  });

  it("statistics group by category and district in the definition's order, zeros included", () => {
    const districts = r.statistics.byDistrict;
    expect(districts[0].group).toBe("市级");
    expect(districts.find((d) => d.group === "和平区")).toMatchObject({ units: 2, eventParticipants: 600 });
    expect(districts.filter((d) => d.units > 0)).toHaveLength(1);
    expect(r.statistics.byCategory.find((c) => c.group === "区市场监管局")!.headcounts.regulation_participants).toBe(
      400,
    );
  });

  it("every detail row names its unit, file, sheet and worksheet row", () => {
    expect(r.details.events.map((e) => [e.unit, e.source])).toEqual([
      ["天津市测试单位1", { file: "ok.xlsx", sheet: "活动明细", row: 4 }],
      ["天津市测试单位1", { file: "ok.xlsx", sheet: "活动明细", row: 5 }],
      ["天津市测试单位2", { file: "bad.xlsx", sheet: "活动明细", row: 4 }],
      ["天津市测试单位2", { file: "bad.xlsx", sheet: "活动明细", row: 5 }],
    ]);
    expect(r.details.media[0].values.outlet).toBe("天津日报");
  });
});

describe("determinism", () => {
  const inputs: MergeInput[] = [
    reportFile("d/1.xlsx", { fields: unit(1, { fill_date: "2023-11-01" }) }),
    reportFile("d/2.xlsx", { fields: unit(1, { fill_date: "2023-11-01" }) }),
    reportFile("d/3.xlsx", { fields: unit(2, { district: "河西区" }) }),
    reportFile("d/4.xlsx", { fields: unit(3, { report_type: "阶段性总结", fill_date: "2023-06-01" }) }),
    reportFile("d/5.xlsx", { fields: { unit_name: null, credit_code: null } }),
    reportFile("d/6.xlsx", { fields: { unit_name: null, credit_code: null } }),
    unreadableFile("d/7.xlsx", "legacy_xls"),
  ];
  const roster = { file: "r.csv", units: [{ name: "天津市测试单位2", creditCode: null, category: null, row: 2 }] };

  it("the same inputs in any order give an equal result", () => {
    const expected = mergeSubmissions(inputs, { roster });
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length }), (shuffled) => {
        expect(mergeSubmissions(shuffled, { roster })).toEqual(expected);
      }),
      { numRuns: 50 },
    );
    expect(mergeSubmissions([...inputs].reverse(), { roster })).toEqual(expected);
  });
});
