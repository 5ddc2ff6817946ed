import { parseNamedCell } from "../core/a1";
import type { NamedCell } from "../core/model";

/** Workbook-level names that refer to one cell of a sheet the workbook has. */
export function namedCellsFrom(
  items: readonly { name: string; type: string; value: unknown }[],
  sheetNames: ReadonlySet<string>,
): Record<string, NamedCell> {
  const names: Record<string, NamedCell> = {};
  for (const item of items) {
    if (item.type !== "Range" || typeof item.value !== "string") continue;
    const target = parseNamedCell(item.value);
    if (target && sheetNames.has(target.sheet)) names[item.name] = target;
  }
  return names;
}
