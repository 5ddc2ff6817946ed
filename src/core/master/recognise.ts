/**
 * Whether a workbook is a master (this product's, any version) rather than a unit's report: the one
 * test both hosts' intake applies. A master carries 汇总信息's mark; a master written before the
 * mark existed is known by its sheets: it is not the template, yet holds 汇总表 and 问题清单, or the
 * locator found a report's labels on one of the master's own sheets (汇总表's header row names every
 * field). A unit's report that merely also holds sheets named 汇总表 and 问题清单 is still a report.
 */
import { MASTER_SHEETS } from "../definition";
import type { LocateResult } from "../locate";
import type { WorkbookGrid } from "../model";
import { isMarkedMaster } from "./info";

/** Sheets only a master has (spec §5); the detail sheets share their names with the template's. */
const MASTER_ONLY_SHEETS: readonly string[] = [
  MASTER_SHEETS.summary,
  MASTER_SHEETS.problems,
  MASTER_SHEETS.missing,
  MASTER_SHEETS.statistics,
];

function holdsMasterSheets(grid: WorkbookGrid): boolean {
  const names = grid.sheets.map((s) => s.name);
  return names.includes(MASTER_SHEETS.summary) && names.includes(MASTER_SHEETS.problems);
}

export function isMasterWorkbook(grid: WorkbookGrid, located: LocateResult): boolean {
  if (isMarkedMaster(grid)) return true;
  if (!located.ok) return located.code === "not_template" && holdsMasterSheets(grid);
  return Object.values(located.report.fields).some((f) => MASTER_ONLY_SHEETS.includes(f.sheet));
}
