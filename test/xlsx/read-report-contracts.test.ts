/**
 * Core contracts on real files: a file is read under the limits its caller passes (the table row cap
 * included, not the defaults), and a finding on a sheet the file lacks says so in its JSON.
 */
import { mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { SHEETS } from "../../src/core/definition";
import { checkFile } from "../../src/node/intake-path";
import { readReportFile } from "../helpers/read-raw";
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

it("marks a finding on a sheet the file lacks with sheetMissing, in the JSON of check", async () => {
  const file = path.join(dir, "no-evidence-sheet.xlsx");
  const wb = await filledTemplate((w) => w.removeWorksheet(w.getWorksheet(SHEETS.evidence)!.id));
  await wb.xlsx.writeFile(file);
  const result = await checkFile(file);
  const none = result.findings.filter((f) => f.rule === "evidence.none");
  expect(none).toEqual([expect.objectContaining({ sheet: SHEETS.evidence, cell: "A4", sheetMissing: true })]);
  expect(none[0].message).toContain(`工作簿中没有工作表“${SHEETS.evidence}”`);
  for (const f of result.findings) if (!f.sheetMissing) expect(wb.worksheets.map((w) => w.name)).toContain(f.sheet);
});
