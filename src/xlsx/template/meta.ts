/**
 * The hidden 模板信息 sheet: template id, version and year in fixed cells (the reader imports
 * META_CELLS), the self-check fingerprint under them, and the option lists of enum fields from column D on, for dropdowns whose inline
 * list would be too long for Excel.
 */
import type ExcelJS from "exceljs";
import { FIELDS, SHEETS, TABLES, TEMPLATE, type ValueSpec } from "../../core/definition";
import { columnLetter } from "../../core/a1";
import { quoteSheet } from "./refs";
import { protectSheet } from "./protection";

export const META_SHEET = SHEETS.meta;

export const META_CELLS = {
  templateId: { keyCell: "A1", valueCell: "B1", key: "templateId" },
  version: { keyCell: "A2", valueCell: "B2", key: "version" },
  year: { keyCell: "A3", valueCell: "B3", key: "year" },
} as const;

/** Under the contract's cells: the fingerprint of the 自检 formulas (see selfCheckFingerprint). */
export const SELF_CHECK_HASH_CELLS = { keyCell: "A4", valueCell: "B4", key: "selfCheckHash" } as const;

/** First column of the option lists (A:B hold the metadata, C stays empty as a gap). */
const FIRST_LIST_COLUMN = 4;

/** Every enum of the definition with a stable key: "unit_category", "events.form". */
export function enumSpecs(): { key: string; spec: ValueSpec }[] {
  const out: { key: string; spec: ValueSpec }[] = [];
  for (const f of FIELDS) if (f.type === "enum") out.push({ key: f.id, spec: f });
  for (const t of TABLES)
    for (const c of t.columns) if (c.type === "enum") out.push({ key: `${t.id}.${c.id}`, spec: c });
  return out;
}

/** Absolute range of the option list of enum `key` on the meta sheet, e.g. '模板信息'!$D$2:$D$10. */
export function optionListRange(key: string): string {
  const specs = enumSpecs();
  const i = specs.findIndex((s) => s.key === key);
  if (i < 0) throw new Error(`no option list for ${key}`);
  const col = columnLetter(FIRST_LIST_COLUMN + i);
  const n = specs[i].spec.options?.length ?? 0;
  return `${quoteSheet(META_SHEET)}!$${col}$2:$${col}$${n + 1}`;
}

export function addMetaSheet(wb: ExcelJS.Workbook, year: number, selfCheckHash: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(META_SHEET, { state: "hidden" });
  const values: Record<keyof typeof META_CELLS, string | number> = {
    templateId: TEMPLATE.id,
    version: TEMPLATE.version,
    year,
  };
  for (const [name, at] of Object.entries(META_CELLS) as [
    keyof typeof META_CELLS,
    (typeof META_CELLS)[keyof typeof META_CELLS],
  ][]) {
    ws.getCell(at.keyCell).value = at.key;
    ws.getCell(at.valueCell).value = values[name];
  }
  ws.getCell(SELF_CHECK_HASH_CELLS.keyCell).value = SELF_CHECK_HASH_CELLS.key;
  ws.getCell(SELF_CHECK_HASH_CELLS.valueCell).value = selfCheckHash;
  enumSpecs().forEach(({ key, spec }, i) => {
    const col = FIRST_LIST_COLUMN + i;
    ws.getCell(1, col).value = key;
    (spec.options ?? []).forEach((opt, j) => {
      ws.getCell(2 + j, col).value = opt;
    });
  });
  protectSheet(ws, "readOnly");
  return ws;
}
