/** judgeReport end to end on RawReports: 核实说明, status, counts, and the Submission it yields. */
import { FIELDS, TABLES } from "../../src/core/definition";
import { ruleNamed } from "../../src/core/explanations";
import { judgeReport } from "../../src/core/judge";
import { STATUS_LABELS } from "../../src/core/words";
import type { Finding } from "../../src/core/model";
import { RULES } from "../../src/core/rules/catalogue";
import { submissionSchema } from "../../src/core/submission";
import { validReport, type ReportInput } from "../helpers/report-builder";

/** A report that is not sealed (sealed.no at 基本情况!C16) and filled late (deadline.late at C15). */
const WARNED: ReportInput = { fields: { sealed: "否", fill_date: "2023-11-12" } };

function withExplanations(rows: [rule: string, location: string, text: string][], base: ReportInput = WARNED) {
  return judgeReport(
    validReport({
      ...base,
      tables: { ...base.tables, explanations: rows.map(([rule, location, text]) => ({ rule, location, text })) },
    }),
  );
}

const explained = (findings: Finding[], rule: string) => findings.find((f) => f.rule === rule)?.explanation;

describe("核实说明", () => {
  it("explains a warning named by rule id at its cell", () => {
    const j = withExplanations([["sealed.no", "基本情况!C16", "盖章件另行邮寄。"]]);
    expect(explained(j.findings, "sealed.no")).toBe("盖章件另行邮寄。");
    expect(explained(j.findings, "deadline.late")).toBeUndefined();
    expect(j.counts).toEqual({ errors: 0, warnings: 2, unexplainedWarnings: 1 });
    expect(j.status).toBe("warnings");
  });

  it("matches by the rule's Chinese name", () => {
    const j = withExplanations([[RULES["deadline.late"].name, "基本情况!C15", "经处室同意延期报送。"]]);
    expect(explained(j.findings, "deadline.late")).toBe("经处室同意延期报送。");
  });

  it("ignores $ and case in the cell, and accepts a quoted sheet name", () => {
    const j = withExplanations([
      ["SEALED.NO", "基本情况!$c$16", "A"],
      ["deadline.late", "'基本情况'!c$15", "B"],
    ]);
    expect(j.findings.map((f) => f.explanation)).toEqual(["B", "A"]);
    expect(j.status).toBe("ok");
  });

  it("matches a field by its label or id", () => {
    const j = withExplanations([
      ["sealed.no", "是否已加盖公章", "A"],
      ["deadline.late", "fill_date", "B"],
    ]);
    expect(j.status).toBe("ok");
    expect(j.counts.unexplainedWarnings).toBe(0);
  });

  it("does not explain a warning of another rule or another place", () => {
    const j = withExplanations([
      ["sealed.no", "基本情况!C15", "wrong cell"],
      ["deadline.late", "是否已加盖公章", "wrong field"],
      ["no.such.rule", "基本情况!C16", "unknown rule"],
    ]);
    expect(j.findings.every((f) => f.explanation === undefined)).toBe(true);
    expect(j.status).toBe("warnings");
  });

  it("explains table warnings by cell or column label", () => {
    const base: ReportInput = { fields: { fill_date: "2023-09-01" } }; // the second event (2023-09-10, row 5) is after it
    const byCell = withExplanations([["event.after_fill_date", "活动明细!a5", "活动日期为计划日期。"]], base);
    expect(byCell.findings).toHaveLength(1);
    expect(byCell.findings[0]).toMatchObject({ cell: "A5", explanation: "活动日期为计划日期。" });
    expect(withExplanations([["日期晚于填报日期", "日期", "x"]], base).status).toBe("ok");
    expect(withExplanations([["event.after_fill_date", "活动明细!A4", "x"]], base).status).toBe("warnings");
  });

  it("never explains an error away", () => {
    const j = withExplanations([["public.le_training", "基本情况!C22", "确实如此。"]], {
      fields: { public_sessions: 3, training_sessions: 2 },
    });
    const f = j.findings.find((x) => x.rule === "public.le_training")!;
    expect(f.severity).toBe("error");
    expect(f.explanation).toBeUndefined();
    expect(j.status).toBe("errors");
  });

  it("a 说明 row without its text is itself incomplete", () => {
    const j = withExplanations([["sealed.no", "基本情况!C16", " "]]);
    expect(j.findings.find((f) => f.rule === "required")).toMatchObject({
      table: "explanations",
      sheet: "核实说明",
      cell: "C4",
    });
    expect(explained(j.findings, "sealed.no")).toBeUndefined();
  });

  it("reads rule names written with extra words", () => {
    expect(ruleNamed(" Deadline.Late（逾期） ")).toBe("deadline.late");
    expect(ruleNamed("关于未加盖公章")).toBe("sealed.no");
    expect(ruleNamed("其他")).toBeNull();
    expect(explained(withExplanations([["sealed.no", "ｃ１６", "x"]]).findings, "sealed.no")).toBe("x");
    expect(explained(withExplanations([["sealed.no", "其他表!C16", "x"]]).findings, "sealed.no")).toBeUndefined();
  });

  it("reads a cell followed by the note a person adds to it", () => {
    const explains = (loc: string) =>
      explained(withExplanations([["sealed.no", loc, "x"]]).findings, "sealed.no") === "x";
    for (const loc of [
      "基本情况!C16（是否已加盖公章）",
      "基本情况!$C$16 是否盖章",
      "基本情况！C16，公章",
      "C16（公章）",
    ])
      expect([loc, explains(loc)]).toEqual([loc, true]);
    for (const loc of ["基本情况!C160", "基本情况!C15（是否已加盖公章）", "基本情况!C16C", "其他表!C16（公章）"])
      expect([loc, explains(loc)]).toEqual([loc, false]);
  });
});

describe("status", () => {
  it("is ok (通过) for a correct report, warnings (待说明) with an unexplained warning, errors (有错误) with any error", () => {
    const ok = judgeReport(validReport());
    expect([ok.status, STATUS_LABELS[ok.status]]).toEqual(["ok", "通过"]);
    const warned = judgeReport(validReport(WARNED));
    expect([warned.status, STATUS_LABELS[warned.status]]).toEqual(["warnings", "待说明"]);
    const wrong = judgeReport(validReport({ ...WARNED, fields: { ...WARNED.fields, contact_phone: "x" } }));
    expect([wrong.status, STATUS_LABELS[wrong.status]]).toEqual(["errors", "有错误"]);
    expect(wrong.counts).toEqual({ errors: 1, warnings: 2, unexplainedWarnings: 2 });
  });
});

describe("Submission", () => {
  it("holds every field and table of the definition, normalised, and satisfies its schema", () => {
    const j = judgeReport(
      validReport({
        fields: { training_sessions: "２次", fill_date: "2023年11月5日", credit_code: "11120101mb1234567b" },
      }),
    );
    expect(Object.keys(j.submission.fields)).toEqual(FIELDS.map((f) => f.id));
    expect(Object.keys(j.submission.tables)).toEqual(TABLES.map((t) => t.id));
    expect(j.submission.fields).toMatchObject({
      training_sessions: 2,
      fill_date: "2023-11-05",
      credit_code: "11120101MB1234567B",
      year: 2023,
    });
    expect(submissionSchema.parse(j.submission)).toEqual(j.submission);
  });

  it("keeps null where a value could not be read", () => {
    const j = judgeReport(validReport({ fields: { training_sessions: "若干", contact_phone: "x" } }));
    expect(j.submission.fields.training_sessions).toBeNull();
    expect(j.submission.fields.contact_phone).toBeNull();
    expect(submissionSchema.safeParse(j.submission).success).toBe(true);
  });

  it("the schema refuses values the definition does not allow", () => {
    const good = judgeReport(validReport()).submission;
    const bad = (fields: Record<string, unknown>) =>
      submissionSchema.safeParse({ ...good, fields: { ...good.fields, ...fields } }).success;
    expect(bad({})).toBe(true);
    expect(bad({ sealed: "也许" })).toBe(false);
    expect(bad({ training_sessions: 1.5 })).toBe(false);
    expect(bad({ fill_date: "2023/11/05" })).toBe(false);
    expect(bad({ unknown_field: "x" })).toBe(false);
  });
});
