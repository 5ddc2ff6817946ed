/**
 * Gnumeric, a third spreadsheet program, evaluates the 自检 formulas as LibreOffice does: every case
 * of selfcheck-cases.ts shows the expected ✓ / ✗ / — / ？ per line and overall (a formula Gnumeric
 * evaluated otherwise once counted 0 filled event rows where LibreOffice counted 3), and on every
 * case, truth case and spelling of the sweep 自检 and `check` give one verdict, rule by rule.
 * Skipped without Gnumeric (ssconvert) unless REQUIRE_GNUMERIC=1.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { SHEETS, TEMPLATE_SHEET_NAMES } from "../../src/core/definition";
import { checkFile } from "../../src/node/intake-path";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { gnumericDescribe, gnumericSheet, inParallel } from "../helpers/gnumeric";
import { tempDir } from "../helpers/libreoffice";
import { applyPlan } from "./apply-plan";
import { selfCheckFromRows } from "./read-self-check";
import { CASES, expectedOverall, expectedResults } from "./selfcheck-cases";
import { TRUTH_CASES } from "./selfcheck-truth-cases";
import { SWEEP_CASES } from "./verdict-spellings";
import { disagreements } from "./verdict";

const describeGn = gnumericDescribe();
const EXPECTED = CASES.filter((c) => !c.loFillOnly);
const ALL = [...EXPECTED, ...TRUTH_CASES, ...SWEEP_CASES];

describeGn("Gnumeric evaluates 自检 as LibreOffice does, and as check judges", () => {
  const shown = new Map<string, ReturnType<typeof selfCheckFromRows>>();
  const verdicts = new Map<string, string[]>();
  let tmp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    tmp = tempDir("gnumeric-selfcheck-");
    const template = await writeTemplate();
    const files: { name: string; file: string }[] = [];
    for (const c of ALL) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as never);
      applyPlan(wb, c.plan);
      const file = path.join(tmp.dir, `${c.name}.xlsx`);
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      files.push({ name: c.name, file });
    }
    const sheet = TEMPLATE_SHEET_NAMES.indexOf(SHEETS.selfCheck);
    await inParallel(files, 2, async ({ name, file }) => {
      const self = selfCheckFromRows(await gnumericSheet(file, sheet));
      shown.set(name, self);
      verdicts.set(name, disagreements(self, await checkFile(file)));
    });
  }, 900000);

  afterAll(() => tmp?.cleanup());

  it.each(EXPECTED.map((c) => [c.name, c] as const))("%s: every line and the overall line as expected", (_n, c) => {
    const self = shown.get(c.name)!;
    expect(self.byLine).toEqual(expectedResults(c));
    expect(self.overall).toBe(expectedOverall(c));
  });

  it.each(ALL.map((c) => [c.name] as const))("%s: 自检 and check give one verdict", (name) => {
    expect([name, verdicts.get(name)]).toEqual([name, []]);
  });
});
