/** Grouping and wording of the 校验 view, on findings the real core produced. */
import { judgeLocated } from "../../src/core/check-grid";
import type { Finding } from "../../src/core/model";
import { countsText, findingsToMark, groupFindings, MAX_REASON_CHARS } from "../../src/taskpane/findings-view";
import { reasonProblem } from "../../src/taskpane/components/ExplainForm";
import { validReport, VALID_EVENTS } from "../helpers/report-builder";

function findingsOf(...args: Parameters<typeof validReport>): Finding[] {
  return judgeLocated(validReport(...args), undefined).judgement.findings;
}

describe("groupFindings", () => {
  it("puts sheets in workbook order and errors before warnings within a sheet", () => {
    const findings = findingsOf({
      fields: { sealed: "否", training_sessions: 2.5 },
      tables: { events: [VALID_EVENTS[0], { ...VALID_EVENTS[1], participants: "很多" }] },
    });
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.sheet)).toEqual(["基本情况", "活动明细"]);
    expect(groups[0].groups.map((g) => [g.severity, g.findings.map((f) => f.cell)])).toEqual([
      ["error", ["C21"]],
      ["warning", ["C16"]],
    ]);
    expect(groups.flatMap((g) => g.groups.flatMap((s) => s.findings))).toHaveLength(findings.length);
  });

  it("has no group for a correct report", () => {
    expect(groupFindings(findingsOf())).toEqual([]);
  });
});

describe("countsText", () => {
  it("says there is nothing when there is nothing, and counts otherwise", () => {
    expect(countsText({ errors: 0, warnings: 0, unexplainedWarnings: 0 })).toBe("未发现问题。");
    expect(countsText({ errors: 2, warnings: 0, unexplainedWarnings: 0 })).toBe("2 个错误。");
    expect(countsText({ errors: 0, warnings: 3, unexplainedWarnings: 1 })).toBe("3 个提示（1 个待说明）。");
  });
});

describe("findingsToMark", () => {
  it("marks errors and unexplained warnings, not explained ones", () => {
    const all = findingsOf({
      fields: { sealed: "否", training_sessions: 2.5 },
      tables: { explanations: [{ rule: "sealed.no", location: "基本情况!C16", text: "盖章件随后寄送" }] },
    });
    expect(all.find((f) => f.rule === "sealed.no")?.explanation).toBe("盖章件随后寄送");
    expect(findingsToMark(all).map((f) => f.rule)).toEqual(["type.headcount"]);
  });
});

describe("reasonProblem", () => {
  it("refuses blank and over-long reasons, counting characters as the core does", () => {
    expect(MAX_REASON_CHARS).toBe(500);
    expect(reasonProblem(" \n ")).toBe("请填写说明。");
    expect(reasonProblem("说".repeat(500))).toBeNull();
    expect(reasonProblem("说".repeat(501))).toBe("说明不应超过 500 字，现有 501 字。");
    // A character outside the BMP is one character, not two UTF-16 units.
    expect(reasonProblem("𠀀".repeat(500))).toBeNull();
  });
});
