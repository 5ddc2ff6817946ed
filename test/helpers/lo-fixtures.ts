/**
 * LibreOffice-written report fixtures (a directory per report: PLAN.json, report.<format>,
 * expected.json) and the exact comparison of a check result with what expected.json lists.
 * Shared by test/xlsx/read-lo-fixtures.test.ts and test/xlsx/read-lo-blind.test.ts.
 */
import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import type { CellValue, WorkbookGrid } from "../../src/core/model";
import type { CheckResult } from "../../src/intake";

export interface Expected {
  why: string;
  status: CheckResult["status"];
  unit?: string;
  code?: string;
  /** `at` is `工作表!A1`; `工作表!*` is any cell of that sheet, `*` any cell anywhere (the rule picks it). */
  findings: { rule: string; at: string; explained?: boolean }[];
}

export interface Fixture {
  name: string;
  file: string;
  expected: Expected;
}

export function loadFixtures(root: string, regenerate: string): Fixture[] {
  return readdirSync(root).map((name) => {
    const dir = path.join(root, name);
    const report = readdirSync(dir).find((f) => f.startsWith("report."));
    if (!report) throw new Error(`fixture ${name} has no report file: run ${regenerate}`);
    return {
      name,
      file: path.join(dir, report),
      expected: JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected,
    };
  });
}

function matches(at: string, sheet: string, cell: string): boolean {
  if (at === "*") return true;
  const [s, c] = at.split("!");
  return s === sheet && (c === "*" || c === cell);
}

/** Expected findings not found, and found ones not expected, as `rule@工作表!A1`; an explained flag must agree too. */
export function compareFindings(
  result: CheckResult,
  expected: Expected,
): { missing: string[]; unexpected: string[]; explained: string[] } {
  const unmatched = [...result.findings];
  const missing: string[] = [];
  const explained: string[] = [];
  for (const e of expected.findings) {
    const i = unmatched.findIndex((f) => f.rule === e.rule && matches(e.at, f.sheet, f.cell));
    if (i < 0) {
      missing.push(`${e.rule}@${e.at}`);
      continue;
    }
    const f = unmatched[i];
    if (Boolean(f.explanation) !== Boolean(e.explained))
      explained.push(`${e.rule}@${f.sheet}!${f.cell} explained=${Boolean(f.explanation)}`);
    unmatched.splice(i, 1);
  }
  return { missing, unexpected: unmatched.map((f) => `${f.rule}@${f.sheet}!${f.cell}`), explained };
}

/** What Office.js `range.values` gives for a sheet: a rectangle from A1, "" for blanks, dates as serial numbers. */
export function officeStyle(grid: WorkbookGrid): WorkbookGrid {
  const serial = (d: Date) => d.getTime() / 86_400_000 + 25_569 - (grid.date1904 ? 1_462 : 0);
  return {
    ...grid,
    sheets: grid.sheets.map((s) => {
      const width = Math.max(0, ...s.rows.map((r) => r.length));
      const rows = s.rows.map((r) =>
        Array.from({ length: width }, (_, c): CellValue => {
          const v = r[c];
          if (v === null || v === undefined) return "";
          return v instanceof Date ? serial(v) : v;
        }),
      );
      return { ...s, rows };
    }),
  };
}
