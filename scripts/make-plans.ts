/**
 * Writes the PLAN.json of every LibreOffice fixture (test/fixtures/lo*, cases in test/lo/plans/)
 * and lists the fixtures whose steps changed: fill those again with LibreOffice
 * (sh scripts/make-lo-fixtures.sh NAME… / sh scripts/make-lo-blind-fixtures.sh NAME…).
 *
 *   npm run fixtures:plans
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { isDeepStrictEqual } from "util";
import * as path from "path";
import { fixturePlans, planText } from "../test/lo/plans/fixture-plans";

let refill = 0;
for (const f of fixturePlans()) {
  const text = planText(f.plan);
  const old = existsSync(f.file) ? readFileSync(f.file, "utf8") : null;
  if (old === text) continue;
  mkdirSync(path.dirname(f.file), { recursive: true });
  writeFileSync(f.file, text);
  const sameSteps = old !== null && isDeepStrictEqual(JSON.parse(old), f.plan);
  if (!sameSteps) refill++;
  process.stdout.write(
    `${f.name}: ${sameSteps ? "rewritten (same steps)" : "steps changed: fill it again with LibreOffice"}\n`,
  );
}
process.stdout.write(`${refill} fixture(s) to fill again\n`);
