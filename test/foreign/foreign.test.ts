/**
 * Real workbooks written by Excel, Google Sheets and LibreOffice that are not this template
 * (../shared/fixtures/foreign): each is refused as a whole with a Chinese message, never crashes
 * and never yields a half-read report. Skipped without ../shared unless REQUIRE_SHARED=1.
 */
import { existsSync, readdirSync } from "fs";
import * as path from "path";
import { checkFile } from "../../src/node/intake-path";
import { readReportFile } from "../helpers/read-raw";
import { describeWithShared, sharedPath } from "../helpers/shared";

const FOREIGN = sharedPath("fixtures/foreign");
const present = existsSync(FOREIGN);

/** Damaged inside a valid zip, or a package missing its workbook part: refused as damage, not as "another template". */
const DAMAGED: Readonly<Record<string, readonly string[]>> = {
  "invalid-xml.xlsx": ["corrupt"],
  // No [Content_Types].xml and no xl/workbook.xml: the guard may call it damaged or not a workbook at all.
  "missing-bits.xlsx": ["corrupt", "not_spreadsheet"],
};

const files = present ? readdirSync(FOREIGN).filter((f) => f.endsWith(".xlsx")) : [];

describeWithShared(FOREIGN, "workbooks that are not this template (../shared/fixtures/foreign)", () => {
  it("the shared fixtures are there", () => {
    expect(present).toBe(true);
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)("%s is refused cleanly", async (name) => {
    const result = await checkFile(path.join(FOREIGN, name), { displayName: name });
    expect(result.status).toBe("unreadable");
    expect(DAMAGED[name] ?? ["not_template"]).toContain(result.code);
    expect(result.findings).toEqual([]);
    expect(result.unit).toBeNull();
    expect(result.message).toContain(name);
    expect(result.message).toMatch(/[\u4e00-\u9fff]/);
    const read = await readReportFile(path.join(FOREIGN, name));
    expect(read.ok).toBe(false);
  });
});
