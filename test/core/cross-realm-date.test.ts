/**
 * A date made in another realm (what a worker thread's result looks like inside jest's sandbox, or a
 * frame's value in the pane) is still a date to the rules: `merge` reads reports over worker threads.
 */
import * as vm from "vm";
import { judgeReport } from "../../src/core/judge";
import { isDateValue } from "../../src/core/model";
import { validReport } from "../helpers/report-builder";

const foreignDate = (iso: string): Date => vm.runInNewContext(`new Date(${JSON.stringify(iso)})`) as Date;

describe("dates from another realm", () => {
  it("are dates, though not instanceof this realm's Date", () => {
    const d = foreignDate("2023-11-01T00:00:00Z");
    expect(d instanceof Date).toBe(false);
    expect(isDateValue(d)).toBe(true);
    expect(isDateValue("2023-11-01")).toBe(false);
    expect(isDateValue({ error: "#N/A" })).toBe(false);
  });

  it("a 填报日期 from a worker thread is judged as the date it is, not as unreadable", () => {
    const judged = judgeReport(validReport({ fields: { fill_date: foreignDate("2023-11-01T00:00:00Z") } }));
    expect(judged.findings.filter((f) => f.field === "fill_date")).toEqual([]);
    expect(judged.status).toBe("ok");
  });
});
