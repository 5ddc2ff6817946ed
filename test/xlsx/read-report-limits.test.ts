/** A file is read under the limits its caller passes, the table row cap included (not the defaults). */
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { readReportFile } from "../../src/xlsx/read-report";
import { GOOD_FILL } from "../core/locate-helpers";
import { filledTemplate } from "../helpers/filled-template";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "read-limits-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("refuses a table longer than the passed maxTableRows, and reads it under the default", async () => {
  const file = path.join(dir, "good.xlsx");
  await (await filledTemplate()).xlsx.writeFile(file);
  const events = GOOD_FILL.tables.events.length;
  const refused = await readReportFile(file, { maxTableRows: events - 1 });
  expect(refused).toMatchObject({ ok: false, code: "too_large" });
  if (!refused.ok) expect(refused.message).toContain(`有 ${events} 行，上限 ${events - 1} 行`);
  expect((await readReportFile(file)).ok).toBe(true);
});
