/**
 * Every LibreOffice fixture's PLAN.json, generated from its case: test/fixtures/<group>/<name>/PLAN.json.
 * Written by scripts/make-plans.ts (`npm run fixtures:plans`) and compared with the committed files
 * by test/lo/plans.test.ts.
 */
import * as path from "path";
import { planOfCase, type PlanCase } from "./case";
import { BLIND_CASES } from "./blind-cases";
import { LO_CASES } from "./lo-cases";
import { MERGE_CASES } from "./merge-cases";
import type { PlanStep } from "./plan";

export const FIXTURES_DIR = path.resolve(__dirname, "..", "..", "fixtures");

export const GROUPS: Readonly<Record<string, Readonly<Record<string, PlanCase>>>> = {
  lo: LO_CASES,
  "lo-blind": BLIND_CASES,
  "lo-merge": MERGE_CASES,
};

export interface FixturePlan {
  /** `lo/correct`: the fixture directory under test/fixtures. */
  readonly name: string;
  readonly file: string;
  readonly plan: PlanStep[];
}

export function fixturePlans(): FixturePlan[] {
  return Object.entries(GROUPS).flatMap(([group, cases]) =>
    Object.entries(cases).map(([name, c]) => ({
      name: `${group}/${name}`,
      file: path.join(FIXTURES_DIR, group, name, "PLAN.json"),
      plan: planOfCase(c),
    })),
  );
}

/** The text of a committed PLAN.json. */
export function planText(plan: readonly PlanStep[]): string {
  return JSON.stringify(plan, null, 1) + "\n";
}
