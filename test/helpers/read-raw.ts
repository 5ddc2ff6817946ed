/**
 * A file read as far as the located report (before judging), for tests that look at what the locator
 * found. The product takes files in through src/intake; this helper uses the same reader and locator.
 */
import * as path from "path";
import { guardLimits, refusalMessage, type GuardLimits, type RefusalCode } from "../../src/core/guard";
import { locateReport, reportReadsCellsOf } from "../../src/core/locate";
import type { RawReport } from "../../src/core/model";
import { readWorkbookFile } from "../../src/node/file-guard";

export type ReadOutcome =
  | {
      readonly ok: true;
      readonly name: string;
      readonly raw: RawReport;
      readonly templateYear?: number;
      readonly sha256: string;
    }
  | { readonly ok: false; readonly name: string; readonly code: RefusalCode; readonly message: string };

export async function readReportFile(filePath: string, limits?: Partial<GuardLimits>): Promise<ReadOutcome> {
  const name = path.basename(filePath);
  const read = await readWorkbookFile(filePath, limits, { cellsOf: reportReadsCellsOf });
  if (!read.ok) return { ok: false, name, code: read.code, message: read.message };
  const located = locateReport(read.grid, guardLimits(limits));
  if (!located.ok)
    return { ok: false, name, code: located.code, message: refusalMessage(located.code, name, located.detail) };
  return {
    ok: true,
    name,
    raw: located.report,
    ...(located.templateYear !== undefined ? { templateYear: located.templateYear } : {}),
    sha256: read.sha256,
  };
}
