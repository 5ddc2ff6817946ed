/**
 * The hidden 模板信息 sheet: key/value pairs (templateId, version, year) written by the template.
 * Keys are looked up in column A wherever they stand, so the reader does not depend on their rows.
 */
import { SHEETS } from "../definition";
import type { SheetGrid, WorkbookGrid } from "../model";
import { valueAt } from "./grid";

export interface TemplateMeta {
  readonly sheet: string;
  readonly templateId?: string;
  readonly version?: string;
  readonly year?: number;
}

const SCAN_ROWS = 50;

function pairs(sheet: SheetGrid): Map<string, string> {
  const out = new Map<string, string>();
  for (let r = 1; r <= Math.min(sheet.rows.length, SCAN_ROWS); r++) {
    const key = valueAt(sheet, r, 1);
    const value = valueAt(sheet, r, 2);
    if (typeof key === "string" && value !== null && typeof value !== "object")
      out.set(key.trim(), String(value).trim());
  }
  return out;
}

/** The template's metadata, from the sheet named 模板信息 or (renamed) any sheet holding a templateId key. */
export function readMeta(grid: WorkbookGrid): TemplateMeta | undefined {
  const byName = grid.sheets.find((s) => s.name === SHEETS.meta);
  const candidates = byName ? [byName, ...grid.sheets.filter((s) => s !== byName)] : grid.sheets;
  for (const sheet of candidates) {
    const kv = pairs(sheet);
    const templateId = kv.get("templateId");
    if (templateId === undefined && sheet !== byName) continue;
    const year = Number(kv.get("year"));
    return {
      sheet: sheet.name,
      ...(templateId !== undefined ? { templateId } : {}),
      ...(kv.has("version") ? { version: kv.get("version") } : {}),
      ...(Number.isInteger(year) && year > 0 ? { year } : {}),
    };
  }
  return undefined;
}
