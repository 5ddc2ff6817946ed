/**
 * Each merged unit's feedback (pure core): 退回意见 or 回执 by the unit's status, exactly the lines
 * 问题清单 has for its file with the value each is about, its superseded files, a file name of its
 * own; and the sheet a person reads: where, what was read, what is expected, how to explain.
 */
import {
  candidatesOf,
  describeFeedback,
  feedbackOf,
  NO_FEEDBACK_SETTINGS,
  type UnitFeedback,
} from "../../src/core/feedback";
import { mergeSubmissions, type MergeInput } from "../../src/core/merge";
import type { MasterRow } from "../../src/core/master";
import { FEEDBACK_HEADERS } from "../../src/core/feedback/words";
import { RULES } from "../../src/core/rules/catalogue";
import { creditCode, reportFile, unit, unreadableFile } from "../merge/helpers";

function feedbackOfFiles(inputs: MergeInput[]): UnitFeedback[] {
  return feedbackOf(mergeSubmissions(inputs), candidatesOf(inputs));
}

/** The sheet's rows as arrays of cells. */
function sheetCells(f: UnitFeedback, settings = NO_FEEDBACK_SETTINGS): MasterRow[] {
  return [...describeFeedback(f, settings, new Date(Date.UTC(2023, 10, 20))).sheets[0].rows()];
}

const byName = (list: UnitFeedback[], name: string) => list.find((f) => f.fileName.startsWith(name))!;

describe("what each unit is told", () => {
  const inputs = [
    reportFile("errors.xlsx", {
      fields: unit(1, { regulation_participants: "见签到表", public_sessions: 5 }),
      tables: { events: [{ date: "2023-05-01", title: "宣贯会", participants: "很多" }] },
    }),
    reportFile("passed.xlsx", { fields: unit(2) }),
    reportFile("explained.xlsx", {
      fields: unit(3, { sealed: "否" }),
      tables: {
        explanations: [{ rule: RULES["sealed.no"].name, location: "基本情况!C16", text: "公章在外，补盖后寄送" }],
      },
    }),
    reportFile("waiting.xlsx", { fields: unit(4, { sealed: "否" }) }),
    reportFile("old.xlsx", { fields: unit(5, { fill_date: "2023-11-01" }) }),
    reportFile("new.xlsx", { fields: unit(5, { fill_date: "2023-11-06" }) }),
    unreadableFile("locked.xlsx"),
  ];
  const result = mergeSubmissions(inputs);
  const list = feedbackOf(result, candidatesOf(inputs));

  it("gives every merged unit one feedback, in 汇总表's order, and none to a file that was not merged", () => {
    expect(list.map((f) => f.unit)).toEqual(result.units);
    expect(list.map((f) => [f.fileName, f.kind])).toEqual([
      ["天津市测试单位1-退回意见.xlsx", "return"],
      ["天津市测试单位2-回执.xlsx", "receipt"],
      ["天津市测试单位3-回执.xlsx", "receipt"],
      ["天津市测试单位4-退回意见.xlsx", "return"],
      ["天津市测试单位5-回执.xlsx", "receipt"],
    ]);
  });

  it("lists exactly 问题清单's lines of the unit's file, in order", () => {
    for (const f of list)
      expect(f.lines.map((l) => l.problem)).toEqual(result.problems.filter((p) => p.file === f.unit.source.path));
    expect(byName(list, "天津市测试单位1").lines.length).toBeGreaterThan(2);
    expect(byName(list, "天津市测试单位2").lines).toEqual([]);
  });

  it("gives each line the value read: the judged value, else the original text, a table row's too", () => {
    const lines = byName(list, "天津市测试单位1").lines;
    const at = (rule: string, field: string) =>
      lines.find((l) => l.problem.rule === rule && l.problem.field === field)!;
    expect(at("type.headcount", "regulation_participants").value).toBe("见签到表");
    expect(at("type.headcount", "participants")).toMatchObject({ value: "很多", problem: { table: "events", row: 4 } });
    expect(at("public.le_training", "public_sessions").value).toBe(5);
  });

  it("names the unit's superseded file", () => {
    const f = byName(list, "天津市测试单位5");
    expect(f.unit.source.path).toBe("new.xlsx");
    expect(f.superseded.map((s) => s.source.path)).toEqual(["old.xlsx"]);
    expect(byName(list, "天津市测试单位1").superseded).toEqual([]);
  });

  it("tells how to clear each line: an error is fixed, a warning explained at its cell, an explained one says so", () => {
    const location = (f: UnitFeedback) => sheetCells(f).map((r) => r.cells[7]);
    expect(location(byName(list, "天津市测试单位1"))).toContain("错误，须修改");
    const waiting = sheetCells(byName(list, "天津市测试单位4"));
    const sealed = waiting.find((r) => r.cells[6] === RULES["sealed.no"].name)!;
    expect(sealed.cells.slice(1, 3)).toEqual(["基本情况", "C16"]);
    expect(sealed.cells[7]).toBe("基本情况!C16");
    const explained = sheetCells(byName(list, "天津市测试单位3")).find((r) => r.cells[6] === RULES["sealed.no"].name)!;
    expect(explained.cells.slice(7)).toEqual(["已说明", "公章在外，补盖后寄送"]);
  });

  it("what a 退回意见 says to write in 核实说明 clears its warnings when the unit writes just that", () => {
    const rows = sheetCells(byName(list, "天津市测试单位4"));
    const header = rows.findIndex((r) => r.cells[0] === FEEDBACK_HEADERS.severity);
    const col = (h: string) => rows[header].cells.indexOf(h);
    const explanations = rows
      .slice(header + 1)
      .filter((r) => !["错误，须修改", "须修改", "已说明"].includes(String(r.cells[col(FEEDBACK_HEADERS.location)])))
      .map((r) => ({
        rule: String(r.cells[col(FEEDBACK_HEADERS.rule)]),
        location: String(r.cells[col(FEEDBACK_HEADERS.location)]),
        text: "情况属实",
      }));
    expect(explanations.length).toBeGreaterThan(0);
    const resent = [reportFile("waiting.xlsx", { fields: unit(4, { sealed: "否" }), tables: { explanations } })];
    const [again] = feedbackOfFiles(resent);
    expect([again.kind, again.unit.status, again.unit.unexplainedWarnings]).toEqual(["receipt", "ok", 0]);
    // Not so when the 说明 names another cell.
    const elsewhere = explanations.map((e) => ({ ...e, location: "基本情况!C3" }));
    const [wrong] = feedbackOfFiles([
      reportFile("waiting.xlsx", { fields: unit(4, { sealed: "否" }), tables: { explanations: elsewhere } }),
    ]);
    expect(wrong.kind).toBe("return");
  });
});

describe("the sheet a unit reads", () => {
  it("a 退回意见 says by when and whom to ask; without a deadline, as soon as possible", () => {
    const [f] = feedbackOfFiles([reportFile("a.xlsx", { fields: unit(1, { public_sessions: 9 }) })]);
    const text = (rows: MasterRow[]) => rows.map((r) => r.cells.join("|")).join("\n");
    const settings = {
      ...NO_FEEDBACK_SETTINGS,
      deadline: "2023-11-25",
      contact: "张三",
      phone: "13812345678",
      note: "请加盖公章",
    };
    const withSettings = text(sheetCells(f, settings));
    expect(withSettings).toContain("请于 2023年11月25日 前重新报送");
    expect(withSettings).toContain("截止日期|2023年11月25日");
    expect(withSettings).toContain("联系人|张三");
    expect(withSettings).toContain("联系电话|13812345678");
    expect(withSettings).toContain("补充说明|请加盖公章");
    const without = text(sheetCells(f));
    expect(without).toContain("请尽快重新报送");
    expect(without).not.toContain("截止日期");
    expect(without).not.toContain("联系人");
  });

  it("keeps a long value short, saying how long it was, and grows a row to show wrapped text", () => {
    const long = "研".repeat(2100);
    const [f] = feedbackOfFiles([reportFile("a.xlsx", { fields: unit(1, { org_measures: long }) })]);
    const row = sheetCells(f).find((r) => r.cells[3] === "组织推动情况")!;
    expect(row.cells[4]).toBe(`${"研".repeat(100)}…（共 2100 字）`);
    expect(row.wrap).toBe(true);
    expect(row.height).toBeGreaterThan(100);
  });

  it("names the file after its file when the unit has no name, and keeps two units of one name apart", () => {
    const list = feedbackOfFiles([
      reportFile("无名.xlsx", { fields: unit(1, { unit_name: null }) }),
      reportFile("a.xlsx", { fields: unit(2, { unit_name: "天津市丙单位" }) }),
      reportFile("b.xlsx", { fields: unit(3, { unit_name: "天津市丙单位" }) }),
    ]);
    expect(list.map((f) => f.fileName).sort()).toEqual([
      "天津市丙单位-退回意见.xlsx",
      "天津市丙单位（2）-退回意见.xlsx",
      "未填写单位名称-无名-退回意见.xlsx",
    ]);
    // The two share a name with different codes: each is told of the identity conflict, at its code's cell.
    const conflicts = list.filter((f) => f.lines.some((l) => l.problem.kind === "identity_conflict"));
    expect(conflicts).toHaveLength(2);
    const line = conflicts[0].lines.find((l) => l.problem.kind === "identity_conflict")!;
    expect(line.value).toBe(conflicts[0].unit.values.credit_code);
    expect([creditCode(2), creditCode(3)]).toContain(line.value);
  });
});
