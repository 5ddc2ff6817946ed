/**
 * The feedback workbooks as files: submission text is text and never a formula, the sheet prints landscape on
 * A4 fitted to the width with the findings' header on every page, and the pane's zip holds the same
 * workbooks under their Chinese names.
 */
import { strFromU8, unzipSync } from "fflate";
import { feedbackBytes, feedbackZip } from "../../src/xlsx/feedback";
import { readFeedback } from "./read-feedback";
import { DATE, sampleFeedback, SETTINGS } from "./sample";

describe("a feedback workbook", () => {
  const [returned, receipt] = sampleFeedback();

  it("keeps formula-looking text as the characters typed", async () => {
    const bytes = await feedbackBytes(returned, SETTINGS, DATE);
    const parts = unzipSync(bytes);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    expect(sheet).not.toContain("<f>");
    const f = await readFeedback(bytes);
    const values = f.rows.map((r) => r["填写的内容"]);
    expect(values).toEqual(expect.arrayContaining(["+1", "@SUM(A1)", "_x0041_很多"]));
    expect(f.labels).toContainEqual(["报送单位", '=HYPERLINK("http://x","点我")']);
    expect(f.labels).toContainEqual(["补充说明", "=CMD|' /C calc'!A0"]);
  });

  it("prints landscape A4 fitted to the page width, the findings' header repeated on every page", async () => {
    const f = await readFeedback(await feedbackBytes(returned, SETTINGS, DATE));
    expect(f.worksheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(f.worksheet.pageSetup.printTitlesRow).toBe(`${f.headerRow}:${f.headerRow}`);
  });

  it("is the same bytes for the same feedback, and in the pane's zip under its own name", async () => {
    const zip = unzipSync(await feedbackZip([returned, receipt], SETTINGS, DATE));
    expect(Object.keys(zip)).toEqual([returned.fileName, receipt.fileName]);
    expect(returned.fileName).toBe("=HYPERLINK(httpx,点我)-退回意见.xlsx");
    expect(Buffer.from(zip[returned.fileName]).equals(Buffer.from(await feedbackBytes(returned, SETTINGS, DATE)))).toBe(
      true,
    );
  });
});
