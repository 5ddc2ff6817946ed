import type { GridCheck } from "../core/check-grid";
import { TEMPLATE_SHEET_NAMES } from "./template-names";

/**
 * The sheets a report lives on: the template's, and any sheet the locator found its fields or rows on
 * (a renamed sheet). Changes elsewhere in the workbook cannot change the verdict.
 */
export function reportSheets(check: GridCheck | null): ReadonlySet<string> | null {
  if (!check || !check.ok) return null; // no report located yet: any sheet may become one
  const names = new Set(TEMPLATE_SHEET_NAMES);
  for (const located of Object.values(check.raw.fields)) names.add(located.sheet);
  for (const rows of Object.values(check.raw.tables))
    for (const row of rows) for (const cell of Object.values(row.cells)) names.add(cell.sheet);
  return names;
}
