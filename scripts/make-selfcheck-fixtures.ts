/**
 * Regenerates test/fixtures/selfcheck/: fills a fresh template through LibreOffice with
 * scripts/lo-fill.py (a real spreadsheet program fills and recalculates it) for each case
 * in FIXTURE_CASES, and writes <case>.xlsx with the PLAN.json that made it (<case>.plan.json).
 *
 *   npx tsx scripts/make-selfcheck-fixtures.ts
 *
 * Run it after any change of the template layout (and bump TEMPLATE.version): the fixture test
 * (test/lo/selfcheck-fixtures.test.ts) fails on fixtures of another template version.
 * Needs LibreOffice (libreoffice-calc, python3-uno) and /usr/bin/python3.
 */
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { writeTemplate } from "../src/xlsx/template-writer";
import { FIXTURE_CASES, caseByName } from "../test/lo/selfcheck-cases";

const ROOT = path.resolve(__dirname, "..");
export const FIXTURE_DIR = path.join(ROOT, "test", "fixtures", "selfcheck");

async function main(): Promise<void> {
  const loFill = path.join(ROOT, "scripts", "lo-fill.py");
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), "selfcheck-fixtures-"));
  try {
    const template = path.join(tmp, "template.xlsx");
    writeFileSync(template, await writeTemplate());
    for (const name of FIXTURE_CASES) {
      const plan = path.join(FIXTURE_DIR, `${name}.plan.json`);
      writeFileSync(plan, JSON.stringify(caseByName(name).plan, null, 1) + "\n");
      const out = path.join(FIXTURE_DIR, `${name}.xlsx`);
      execFileSync("/usr/bin/python3", [loFill, template, plan, out], { stdio: ["ignore", "ignore", "inherit"] });
      process.stdout.write(`${path.relative(ROOT, out)}\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
