/**
 * Blind acceptance reports (test/fixtures/lo-blind, made by scripts/make-lo-blind-fixtures.sh): each
 * PLAN.json and expected.json was written from spec §3–§4 alone, by someone who had not read the
 * rules' code, then filled by LibreOffice. Each report must get exactly the rule ids at the cells and
 * the status its expected.json gives; the same report as an Office.js-style grid must get the same.
 */
import { execFile } from "child_process";
import { existsSync, writeFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";
import { judgeReport } from "../../src/core/judge";
import { locateReport } from "../../src/core/locate";
import { findingToJson, type CheckResult } from "../../src/intake";
import { checkFile } from "../../src/node/intake-path";
import { gridOfFile } from "../helpers/read-grid";
import { writeTemplate } from "../../src/xlsx/template-writer";
import { findLibreOffice, libreOfficeDescribe, tempDir } from "../helpers/libreoffice";
import { compareFindings, loadFixtures, officeStyle } from "../helpers/lo-fixtures";

const ROOT = path.resolve(__dirname, "../fixtures/lo-blind");
const fixtures = loadFixtures(ROOT, "scripts/make-lo-blind-fixtures.sh");

it("covers every rule of spec §4 at least once, firing", () => {
  const fired = new Set(fixtures.flatMap((f) => f.expected.findings.map((e) => e.rule)));
  // Spec §4's ids, written out: the fixtures must keep exercising each of them.
  const SPEC_RULES = [
    "required",
    "type.headcount",
    "type.date",
    "type.enum",
    "type.integer",
    "format.normalized",
    "format.approximate",
    "format.phone",
    "format.email",
    "format.credit_code",
    "credit_code.check_digit",
    "format.url",
    "text.too_long",
    "text.too_short",
    "public.le_training",
    "public.min_one",
    "training.matches_events",
    "public.matches_events",
    "regulation.covers_events",
    "outline.covers_events",
    "participants.outlier",
    "event.in_year",
    "event.after_fill_date",
    "stage.after_june",
    "deadline.late",
    "sealed.no",
    "district.matches_category",
    "sessions.without_participants",
    "template.modified",
    "evidence.none",
    "media.none",
  ];
  expect(SPEC_RULES.filter((r) => !fired.has(r))).toEqual([]);
  expect(
    fixtures.filter((f) => f.expected.status === "ok" && f.expected.findings.length === 0).length,
  ).toBeGreaterThanOrEqual(2);
});

describe.each(fixtures)("blind report $name", ({ file, expected }) => {
  let result: CheckResult;
  beforeAll(async () => {
    result = await checkFile(file);
  });

  it(`is ${expected.status} with exactly the expected rule ids at the expected cells`, () => {
    expect({ status: result.status, ...compareFindings(result, expected) }).toEqual({
      status: expected.status,
      missing: [],
      unexpected: [],
      explained: [],
    });
    if (expected.unit) expect(result.unit).toBe(expected.unit);
  });

  it("names the field, a cell (and for a table cell its worksheet row) and says it in Chinese", () => {
    for (const f of result.findings) {
      expect(f.cell).toMatch(/^[A-Z]{1,3}[0-9]+$/);
      expect(f.field).toBeTruthy();
      if (f.table && f.field !== f.table) expect(`${f.row}`).toBe(f.cell.replace(/^[A-Z]+/, ""));
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("gets the same findings as an Office.js-style grid", async () => {
    const located = locateReport(officeStyle(await gridOfFile(file)));
    if (!located.ok) throw new Error(located.message);
    const fromGrid = judgeReport(located.report, { reportYearFallback: located.templateYear }).findings.map(
      findingToJson,
    );
    expect(fromGrid).toEqual(result.findings);
  });
});

// The committed files must still describe today's template: refill two (through the extra steps of
// scripts/lo-fill-extra.py) and compare. Needs LibreOffice, like read-lo-regenerate.
const runRefill = libreOfficeDescribe();

runRefill("committed blind fixtures match the current template", () => {
  const tmp = tempDir("lo-blind-");
  afterAll(() => tmp.cleanup());

  it.each(["columns-inserted", "hidden-column-extra-sheet"])(
    "%s filled again gets the committed file's findings",
    async (name) => {
      const template = path.join(tmp.dir, "template.xlsx");
      if (!existsSync(template)) writeFileSync(template, await writeTemplate());
      const out = path.join(tmp.dir, `${name}.xlsx`);
      const script = path.resolve(__dirname, "../../scripts/lo-fill-extra.py");
      await promisify(execFile)(
        findLibreOffice()!.python,
        [script, template, path.join(ROOT, name, "PLAN.json"), out],
        { timeout: 120_000 },
      );
      const [fresh, committed] = await Promise.all([
        checkFile(out, { displayName: "f" }),
        checkFile(path.join(ROOT, name, "report.xlsx"), { displayName: "f" }),
      ]);
      expect(fresh).toEqual(committed);
    },
    150_000,
  );
});
