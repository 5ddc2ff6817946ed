/** Feedback built in memory for the workbook tests: hostile text, a long text, a superseded file, a 回执. */
import { candidatesOf, feedbackOf, NO_FEEDBACK_SETTINGS, type UnitFeedback } from "../../src/core/feedback";
import { mergeSubmissions } from "../../src/core/merge";
import { reportFile, unit } from "../merge/helpers";

export const DATE = new Date(Date.UTC(2023, 10, 20, 8));
export const SETTINGS = {
  ...NO_FEEDBACK_SETTINGS,
  deadline: "2023-11-25",
  contact: "张三",
  note: "=CMD|' /C calc'!A0",
};

/** A 退回意见 with hostile text, a long text and superseded files, and a 回执. */
export function sampleFeedback(): UnitFeedback[] {
  const inputs = [
    reportFile("甲.xlsx", {
      fields: unit(1, {
        unit_name: '=HYPERLINK("http://x","点我")',
        regulation_participants: "+1",
        outline_participants: "@SUM(A1)",
        highlights: "短",
        org_measures: "研".repeat(2100),
      }),
      tables: { events: [{ date: "2023-05-01", title: "-1", participants: "_x0041_很多" }] },
    }),
    reportFile("旧甲.xlsx", {
      fields: unit(1, { unit_name: '=HYPERLINK("http://x","点我")', fill_date: "2023-10-01" }),
    }),
    reportFile("乙.xlsx", { fields: unit(2) }),
  ];
  return feedbackOf(mergeSubmissions(inputs), candidatesOf(inputs));
}
