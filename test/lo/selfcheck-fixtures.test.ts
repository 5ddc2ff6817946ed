/**
 * 自检 results computed by LibreOffice itself: test/fixtures/selfcheck/*.xlsx were filled through
 * scripts/lo-fill.py (which recalculates and saves), so this test needs no LibreOffice.
 *
 * The fixtures belong to one template layout. When this test says they are stale (other template
 * version, other 自检 formulas or lines, or a changed case plan), regenerate them with LibreOffice:
 *
 *   npx tsx scripts/make-selfcheck-fixtures.ts
 *
 * and commit test/fixtures/selfcheck/.
 */
import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { TEMPLATE } from "../../src/core/definition";
import { SELF_CHECK_LINES, selfCheckFingerprint } from "../../src/xlsx/template/self-check-lines";
import { readSelfCheck } from "./read-self-check";
import { FIXTURE_CASES, caseByName, expectedOverall, expectedResults } from "./selfcheck-cases";

const DIR = path.join(__dirname, "..", "fixtures", "selfcheck");
const REGENERATE =
  "fixtures are stale: regenerate them with `npx tsx scripts/make-selfcheck-fixtures.ts` (needs LibreOffice) and commit test/fixtures/selfcheck/";

describe.each(FIXTURE_CASES.map((name) => [name]))("LibreOffice-filled fixture %s", (name) => {
  const c = caseByName(name);
  const file = path.join(DIR, `${name}.xlsx`);

  it("exists and was made from the current plan and template", async () => {
    expect(existsSync(file)).toBe(true);
    const plan = JSON.parse(readFileSync(path.join(DIR, `${name}.plan.json`), "utf8"));
    if (JSON.stringify(plan) !== JSON.stringify(c.plan)) throw new Error(`${name}: plan changed; ${REGENERATE}`);
    const r = await readSelfCheck(file);
    if (r.templateVersion !== TEMPLATE.version)
      throw new Error(`${name}: template ${String(r.templateVersion)} ≠ ${TEMPLATE.version}; ${REGENERATE}`);
    if (r.selfCheckHash !== selfCheckFingerprint()) throw new Error(`${name}: 自检 formulas changed; ${REGENERATE}`);
    const names = Object.fromEntries(SELF_CHECK_LINES.map((l) => [l.id, l.name]));
    if (JSON.stringify(r.names) !== JSON.stringify(names))
      throw new Error(`${name}: self-check lines changed; ${REGENERATE}`);
  });

  it("shows the expected ✓ / ✗ / — on every line and the overall line", async () => {
    const r = await readSelfCheck(file);
    expect(r.byLine).toEqual(expectedResults(c));
    expect(r.overall).toBe(expectedOverall(c));
    for (const [id, text] of Object.entries(c.messages ?? {})) expect(r.messages[id]).toBe(text);
  });
});
