/**
 * 与上年核对 in the core (issue 17 part 4): which change is flagged (beyond a factor of 3 either way,
 * both figures kept), and how last time's units are matched to this time's by the identity rule.
 */
import { mergeSubmissions } from "../../src/core/merge";
import type { PreviousMaster } from "../../src/core/merge/model";
import { changedFigures } from "../../src/core/merge/previous";
import { creditCode, reportFile } from "./helpers";

const REG = "regulation_participants";
const SESSIONS = "training_sessions";

describe("a change beyond a factor of 3 either way", () => {
  const figures = (reg: number | null, sessions: number | null = 4) => ({ [REG]: reg, [SESSIONS]: sessions });
  it.each([
    [100, 1000, true],
    [1000, 100, true],
    [100, 250, false],
    [250, 100, false],
    [100, 300, false],
    [100, 301, true],
    [0, 5, true],
    [0, 0, false],
  ])("%d → %d flagged: %s", (before, now, flagged) => {
    const changed = changedFigures(figures(before), figures(now));
    expect(changed).toEqual(flagged ? [{ field: REG, previous: before, current: now }] : []);
  });
  it("a figure not read on one side is not compared", () => {
    expect(changedFigures(figures(null), figures(1000))).toEqual([]);
    expect(changedFigures(figures(100, 1), figures(100, 10))).toEqual([{ field: SESSIONS, previous: 1, current: 10 }]);
  });
});

describe("last time's units matched to this time's", () => {
  const unit = (name: string, code: string | null, reg: number) => ({
    values: { unit_name: name, credit_code: code, [REG]: reg, [SESSIONS]: 2 },
    row: 2,
  });
  const previous = (units: PreviousMaster["units"]): PreviousMaster => ({ file: "上年.xlsx", reportType: null, units });
  const now = (name: string, code: string | null, reg: number, file: string) =>
    reportFile(file, { fields: { unit_name: name, credit_code: code, [REG]: reg, [SESSIONS]: 2 } });

  it("by name as compared (full-width letters folded), a code on one side only still matching", () => {
    const r = mergeSubmissions([now("天津市测试单位ＡＢ", creditCode(1), 1000, "a.xlsx")], {
      previous: previous([unit("天津市测试单位AB", null, 100)]),
    });
    expect(r.previous!.lines).toEqual([
      expect.objectContaining({ situation: "both", changed: [{ field: REG, previous: 100, current: 1000 }] }),
    ]);
    expect(r.summary.previous).toEqual({ file: "上年.xlsx", changed: 1, gone: 0, new: 0 });
  });

  it("a different credit code is another unit: one gone, one new, nothing compared", () => {
    const r = mergeSubmissions([now("天津市测试单位甲", creditCode(1), 1000, "a.xlsx")], {
      previous: previous([unit("天津市测试单位甲", creditCode(2), 100)]),
    });
    expect(r.previous!.lines.map((l) => [l.situation, l.changed.length])).toEqual([
      ["new", 0],
      ["gone", 0],
    ]);
  });

  it("a unit of last time that could be either of two units now (no code then, two codes now) is matched to neither", () => {
    const r = mergeSubmissions(
      [now("天津市测试单位甲", creditCode(1), 100, "a.xlsx"), now("天津市测试单位甲", creditCode(2), 100, "b.xlsx")],
      { previous: previous([unit("天津市测试单位甲", null, 100)]) },
    );
    expect(r.previous!.lines.map((l) => l.situation).sort()).toEqual(["gone", "new", "new"]);
  });

  it("without --previous there is no comparison", () => {
    const r = mergeSubmissions([now("天津市测试单位甲", creditCode(1), 100, "a.xlsx")]);
    expect(r.previous).toBeUndefined();
    expect(r.summary.previous).toBeUndefined();
  });
});
