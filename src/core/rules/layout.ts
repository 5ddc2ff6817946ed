/**
 * template.modified: one warning per layout change the reader noticed (renamed sheet, inserted
 * rows or columns, moved labels). The reader describes each change in Chinese; the finding points
 * at the moved field's real cell, else the cell the description names, else the moved sheet's A1.
 */
import { FIELDS, TABLES } from "../definition";
import type { Finding, RawReport } from "../model";
import { parseA1 } from "../a1";
import { fixedSeverity } from "./catalogue";
import { fieldPlace, type Place, type Rule } from "./context";

/** Sheets the report's values were found on, by template sheet name → the sheet's real name. */
function realSheets(raw: RawReport): Map<string, string> {
  const map = new Map<string, string>();
  for (const f of FIELDS) {
    const found = raw.fields[f.id];
    if (found && !map.has(f.sheet)) map.set(f.sheet, found.sheet);
  }
  for (const t of TABLES) {
    const first = raw.tables[t.id]?.[0];
    const cell = first ? Object.values(first.cells)[0] : undefined;
    if (cell && !map.has(t.sheet)) map.set(t.sheet, cell.sheet);
  }
  return map;
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The cell a layout change is about. The reader writes e.g. "“报告类型”等 19 项下移了 2 行…，如
 * “报告类型”已从 基本情况!C5 移到 C7" or "工作表“活动明细”已改名为“活动”", so in order:
 * a field named in quotes (its real cell), a table column named in quotes next to its sheet (its
 * first real cell), an explicit address, a sheet's new name, any sheet named; else the first field.
 */
export function placeOfChange(raw: RawReport, change: string): Place & { field: string; table?: string; row?: number } {
  const sheets = realSheets(raw);

  const field = [...FIELDS].sort((a, b) => byLengthDesc(a.label, b.label)).find((f) => change.includes(`“${f.label}”`));
  if (field) return { ...fieldPlace(raw, field.id), field: field.id };

  for (const t of TABLES) {
    const realName = sheets.get(t.sheet) ?? t.sheet;
    if (!change.includes(t.sheet) && !change.includes(realName) && !change.includes(t.label)) continue;
    const column = t.columns.find((c) => change.includes(`“${c.label}”`));
    const first = raw.tables[t.id]?.[0];
    const cell = column ? first?.cells[column.id] : undefined;
    if (column && first && cell) return { sheet: cell.sheet, cell: cell.cell, field: column.id, table: t.id, row: first.row };
  }

  const names = [...new Set([...sheets.values(), ...sheets.keys()])].sort(byLengthDesc);
  for (const name of names) {
    const m = new RegExp(`'?${escapeRegExp(name)}'?!(\\$?[A-Za-z]{1,3}\\$?\\d+)`).exec(change);
    if (m && parseA1(m[1])) return located(raw, { sheet: sheets.get(name) ?? name, cell: m[1].replace(/\$/g, "").toUpperCase() });
  }

  const renamedTo = /改名为“([^”]+)”/.exec(change);
  if (renamedTo) return { sheet: renamedTo[1], cell: "A1", field: TEMPLATE_FIELD };

  const sheet = names.find((n) => change.includes(n));
  if (sheet) return { sheet: sheets.get(sheet) ?? sheet, cell: "A1", field: TEMPLATE_FIELD };
  return { ...fieldPlace(raw, FIELDS[0].id), field: FIELDS[0].id };
}

/** The `field` of a finding about the layout as a whole. */
const TEMPLATE_FIELD = "template";

/** A named address, with the single field that is there when there is one. */
function located(raw: RawReport, place: Place): Place & { field: string } {
  const field = FIELDS.find((f) => {
    const p = fieldPlace(raw, f.id);
    return p.sheet === place.sheet && p.cell === place.cell;
  });
  return { ...place, field: field?.id ?? TEMPLATE_FIELD };
}

const templateModified: Rule = ({ raw }) =>
  raw.layoutChanges.map((change): Finding => {
    const place = placeOfChange(raw, change);
    return {
      rule: "template.modified",
      severity: fixedSeverity("template.modified"),
      ...place,
      message: `模板格式被改动：${change}。已按栏目名称读取，请核对读取结果；不应改动模板的格式`,
    };
  });

export const layoutRules: readonly Rule[] = [templateModified];
