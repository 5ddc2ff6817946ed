/**
 * Files of older template versions keep being read as they were: test/fixtures/template-1.0.0 holds
 * a report LibreOffice filled (scripts/lo-fill.py, PLAN.json) into the 1.0.0 template, and
 * expected.json what `check` and the locator made of it with the 1.0.0 code. Messages are left out
 * of the comparison (their wording may improve); where every value and finding is must not change.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { TEMPLATE } from "../../src/core/definition";
import { locateReport } from "../../src/core/locate";
import type { CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { gridOfFile } from "../helpers/read-grid";

const DIR = path.resolve(__dirname, "../fixtures/template-1.0.0");
const FILE = path.join(DIR, "report.xlsx");

interface Recorded {
  check: CheckResult;
  located: {
    fields: Record<string, string>;
    tables: Record<string, number[]>;
    layoutChanges: unknown[];
    templateVersion: string;
  };
}
const recorded = JSON.parse(readFileSync(path.join(DIR, "expected.json"), "utf8")) as Recorded;

/** A finding without its wording, and whether it carries a 说明. */
const shape = (r: CheckResult) =>
  r.findings.map(({ message: _wording, explanation, ...where }) => ({
    ...where,
    explained: explanation !== undefined,
  }));

describe("a report of the 1.0.0 template", () => {
  it("is an older version than the template written today", () => {
    expect(TEMPLATE.version).not.toBe("1.0.0");
  });

  it("gets the same status, unit and findings at the same cells from check", async () => {
    const now = await checkFile(FILE, { displayName: "report.xlsx" });
    expect([now.status, now.unit]).toEqual([recorded.check.status, recorded.check.unit]);
    expect(shape(now)).toEqual(shape(recorded.check));
    expect(shape(now).length).toBeGreaterThan(5);
    for (const f of now.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("is located field by field and row by row where the 1.0.0 code found it, without a layout change", async () => {
    const located = locateReport(await gridOfFile(FILE));
    if (!located.ok) throw new Error(located.message);
    const { fields, tables, layoutChanges, templateVersion } = located.report;
    expect(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, `${v.sheet}!${v.cell}`]))).toEqual(
      recorded.located.fields,
    );
    expect(Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, rows.map((r) => r.row)]))).toEqual(
      recorded.located.tables,
    );
    expect(layoutChanges).toEqual(recorded.located.layoutChanges);
    expect(templateVersion).toBe("1.0.0");
    expect(recorded.located.templateVersion).toBe("1.0.0");
  });
});
