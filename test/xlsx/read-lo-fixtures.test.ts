/**
 * Reports filled by LibreOffice (test/fixtures/lo, made by scripts/make-lo-fixtures.sh from each
 * PLAN.json): each must get exactly the rule ids at the cells its expected.json lists, and the same
 * report handed over as a plain Office.js-style grid must get identical findings.
 */
import * as path from "path";
import { judgeReport } from "../../src/core/judge";
import { locateReport } from "../../src/core/locate";
import type { WorkbookGrid } from "../../src/core/model";
import { findingToJson, type CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { gridOfFile } from "../helpers/read-grid";
import { compareFindings, loadFixtures, officeStyle } from "../helpers/lo-fixtures";

const ROOT = path.resolve(__dirname, "../fixtures/lo");
const fixtures = loadFixtures(ROOT, "scripts/make-lo-fixtures.sh");

describe.each(fixtures)("LibreOffice fixture $name", ({ file, expected }) => {
  let result: CheckResult;
  beforeAll(async () => {
    result = await checkFile(file);
  });

  it(`has status ${expected.status}${expected.code ? ` (${expected.code})` : ""}`, () => {
    expect(result.status).toBe(expected.status);
    if (expected.code) expect(result.code).toBe(expected.code);
    if (expected.status === "unreadable") expect(result.message).toMatch(/xlsx/);
    if (expected.unit) expect(result.unit).toBe(expected.unit);
  });

  it("gets exactly the expected rule ids at the expected cells", () => {
    expect(compareFindings(result, expected)).toEqual({ missing: [], unexpected: [], explained: [] });
  });

  it("correct reports get no error, and every finding names a sheet, a cell and a Chinese message", () => {
    if (expected.status === "ok" || expected.status === "warnings")
      expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
    for (const f of result.findings) {
      expect(f.cell).toMatch(/^[A-Z]{1,3}[0-9]+$/);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("the grid path and the file path give identical findings", () => {
  const readable = fixtures.filter((f) => f.expected.status !== "unreadable");

  it.each(readable)("$name", async ({ file }) => {
    const fromFile = await checkFile(file);
    const located = locateReport(officeStyle(await gridOfFile(file)));
    if (!located.ok) throw new Error(located.message);
    const fromGrid = judgeReport(located.report).findings.map(findingToJson);
    expect(fromGrid).toEqual(fromFile.findings);
    expect(fromGrid.length + (fromFile.status === "ok" ? 1 : 0)).toBeGreaterThan(0);
  });

  it('the Office-style grid really differs from the file reader\'s one (serial dates, "" blanks)', async () => {
    const grid = await gridOfFile(fixtures.find((f) => f.name === "correct")!.file);
    const basic = (g: WorkbookGrid) => g.sheets.find((s) => s.name === "基本情况")!.rows;
    expect(basic(grid)[14][2]).toBeInstanceOf(Date);
    expect(typeof basic(officeStyle(grid))[14][2]).toBe("number");
    expect(basic(officeStyle(grid)).some((r) => r.includes(""))).toBe(true);
  });
});

describe("a macro-enabled copy", () => {
  it("is read for its values and gets the same findings as the .xlsx", async () => {
    const file = (name: string) => fixtures.find((f) => f.name === name)!.file;
    const [xlsx, xlsm] = await Promise.all([checkFile(file("rules-tables")), checkFile(file("rules-tables-xlsm"))]);
    expect(path.extname(file("rules-tables-xlsm"))).toBe(".xlsm");
    expect(xlsm.findings).toEqual(xlsx.findings);
    expect(xlsm.findings.length).toBeGreaterThan(0);
  });
});
