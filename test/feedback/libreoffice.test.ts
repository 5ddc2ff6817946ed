/**
 * LibreOffice, a program nobody here wrote, opens the feedback workbooks: saved again as .xlsx they
 * hold the same lines, and printed to PDF every column of the findings fits across the page, with
 * formula-looking text printed as typed. Skipped without LibreOffice unless REQUIRE_LIBREOFFICE=1.
 */
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { FEEDBACK_HEADERS } from "../../src/core/feedback/words";
import { feedbackBytes } from "../../src/xlsx/feedback";
import { libreOfficeDescribe, recalcWithLibreOffice, tempDir } from "../helpers/libreoffice";
import { readFeedback, type ReadFeedback } from "./read-feedback";
import { DATE, sampleFeedback, SETTINGS } from "./sample";

const plain = (f: ReadFeedback) => ({
  sheet: f.sheet,
  title: f.title,
  labels: f.labels,
  rows: f.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)]))),
});

libreOfficeDescribe()("LibreOffice opens the feedback workbooks", () => {
  const tmp = tempDir("feedback-lo-");
  const names = ["退回意见", "回执"];
  const file = (name: string, ext: string) => path.join(tmp.dir, `${name}${ext}`);
  beforeAll(async () => {
    const [returned, receipt] = sampleFeedback();
    writeFileSync(file("退回意见", ".xlsx"), await feedbackBytes(returned, SETTINGS, DATE));
    writeFileSync(file("回执", ".xlsx"), await feedbackBytes(receipt, SETTINGS, DATE));
    await recalcWithLibreOffice(
      names.flatMap((n) => [
        { input: file(n, ".xlsx"), output: file(`${n}-LibreOffice`, ".xlsx") },
        { input: file(n, ".xlsx"), output: file(n, ".pdf") },
      ]),
    );
  }, 180000);
  afterAll(() => tmp.cleanup());

  it.each(names)("%s saved again by LibreOffice holds the same lines", async (name) => {
    const ours = await readFeedback(file(name, ".xlsx"));
    const theirs = await readFeedback(file(`${name}-LibreOffice`, ".xlsx"));
    expect(plain(theirs)).toEqual(plain(ours));
  });

  it("prints every column of the findings across the page, and formula-looking text as typed", () => {
    const pages = execFileSync("pdftotext", ["-layout", file("退回意见", ".pdf"), "-"], { encoding: "utf8" }).split(
      "\f",
    );
    const first = pages[0].replace(/\s+/g, "");
    // The first and the last column's headers on the first page: the columns are not split across pages.
    // (A header that wraps interleaves with its neighbours' in the extracted text, so only its start is sought.)
    for (const header of Object.values(FEEDBACK_HEADERS)) expect(first).toContain(header.slice(0, 4));
    const all = pages.join("").replace(/\s+/g, "");
    expect(all).toContain('=HYPERLINK("http://x","点我")');
    expect(all).toContain("@SUM(A1)");
    expect(all).toContain("_x0041_很多");
    expect(all).toContain("请于2023年11月25日前重新报送");
  });
});
