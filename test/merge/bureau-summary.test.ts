/**
 * The bureau's own summary (issue 17 part 7): one paragraph from the merge's totals, its wording by
 * report type, its scope (the one district of a district bureau's units, else 全市, or as given), and
 * the units still missing when a roster was given.
 */
import { scopeOf, scopeText, summaryParagraph } from "../../src/core/bureau-summary";
import { mergeSubmissions } from "../../src/core/merge";
import type { RosterUnit } from "../../src/core/merge/model";
import { reportFile, unit } from "./helpers";

describe("the summary paragraph", () => {
  it("states the totals of a 年度总结 and the units still missing", () => {
    const roster: RosterUnit[] = [1, 2, 3].map((n) => ({
      name: `天津市测试单位${n}`,
      creditCode: null,
      category: null,
      row: n + 1,
    }));
    const r = mergeSubmissions(
      [
        reportFile("1.xlsx", { fields: unit(1, { district: "和平区" }) }),
        reportFile("2.xlsx", { fields: unit(2, { district: "河西区" }) }),
      ],
      { roster: { file: "名单.csv", units: roster } },
    );
    const p = summaryParagraph(r);
    expect(p).toMatch(
      /^全市共2个单位报送\d{4}年度总结，组织研学宣贯培训4次，其中公益性宣贯2次；参加《天津市标准化条例》研学600人次、《国家标准化发展纲要》研学500人次；填报研学宣贯活动4场、宣传报道2篇。/,
    );
    expect(p.endsWith("尚有1个单位未报送：天津市测试单位3。")).toBe(true);
  });

  it("says 阶段性总结 for a stage report, and nothing about missing units without a roster", () => {
    const r = mergeSubmissions([
      reportFile("1.xlsx", { fields: unit(1, { report_type: "阶段性总结", year: 2024, district: "市级" }) }),
    ]);
    const p = summaryParagraph(r);
    expect(p).toMatch(/^全市共1个单位报送2024年阶段性总结[，（]/);
    expect(p).not.toContain("年度总结");
    expect(p).not.toContain("未报送");
  });

  it("says every roster unit reported when none is missing, and flags figures of units with errors", () => {
    const r = mergeSubmissions([reportFile("1.xlsx", { fields: unit(1, { training_sessions: "很多" }) })], {
      roster: { file: "名单.csv", units: [{ name: "天津市测试单位1", creditCode: null, category: null, row: 2 }] },
    });
    const p = summaryParagraph(r);
    expect(p).toContain("名单中的单位均已报送。");
    expect(r.summary.unitsWithErrors).toBe(1);
    expect(p).toContain("（其中1个单位的报表尚有错误，数字待核实）");
  });

  it("names twenty missing units and counts the rest", () => {
    const roster: RosterUnit[] = Array.from({ length: 25 }, (_, i) => ({
      name: `名单单位${i + 1}`,
      creditCode: null,
      category: null,
      row: i + 2,
    }));
    const p = summaryParagraph(mergeSubmissions([], { roster: { file: "名单.csv", units: roster } }));
    expect(p).toMatch(/^全市尚无单位报送/);
    expect(p).toContain("尚有25个单位未报送：名单单位1、");
    expect(p).toContain("名单单位20等25个单位。");
    expect(p).not.toContain("名单单位21");
  });

  it("takes the one district all units state as its scope; 市级 or several districts give 全市; a given scope wins", () => {
    const one = mergeSubmissions(
      [1, 2].map((n) => reportFile(`${n}.xlsx`, { fields: unit(n, { district: "和平区" }) })),
    );
    expect(scopeOf(one)).toBe("和平区");
    expect(summaryParagraph(one)).toMatch(/^和平区共2个单位/);
    const city = mergeSubmissions([reportFile("1.xlsx", { fields: unit(1, { district: "市级" }) })]);
    expect(scopeOf(city)).toBe("全市");
    const two = mergeSubmissions([
      reportFile("1.xlsx", { fields: unit(1, { district: "和平区" }) }),
      reportFile("2.xlsx", { fields: unit(2, { district: "河西区" }) }),
    ]);
    expect(scopeOf(two)).toBe("全市");
    expect(summaryParagraph(two, { scope: "天津市" })).toMatch(/^天津市共2个单位/);
  });

  it("accepts a scope of one short line only", () => {
    expect(scopeText(" 滨海新区 ")).toBe("滨海新区");
    expect(scopeText("")).toBeNull();
    expect(scopeText("和平\n区")).toBeNull();
    expect(scopeText("很".repeat(21))).toBeNull();
  });
});
