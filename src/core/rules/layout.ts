/**
 * template.modified: one warning per layout change the reader noticed (renamed sheet, inserted
 * rows or columns, moved labels). The reader describes each change in Chinese; the finding points
 * at the cell the description names, else the moved field, else the first cell of the moved sheet.
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

export function placeOfChange(raw: RawReport, change: string): Place {
  const sheets = realSheets(raw);
  const names = [...new Set([...sheets.values(), ...sheets.keys()])].sort(byLengthDesc);
  // 1. An explicit address: 基本情况!C21 or '基本情况'!$C$21.
  for (const name of names) {
    const m = new RegExp(`'?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}'?!(\\$?[A-Za-z]{1,3}\\$?\\d+)`).exec(change);
    const ref = m ? parseA1(m[1]) : null;
    if (m && ref) return { sheet: sheets.get(name) ?? name, cell: m[1].replace(/\$/g, "").toUpperCase() };
  }
  // 2. A field named by its label: that field's real cell.
  const fields = [...FIELDS].sort((a, b) => byLengthDesc(a.label, b.label));
  const field = fields.find((f) => change.includes(f.label));
  if (field) return fieldPlace(raw, field.id);
  // 3. A sheet named by its real or template name: its first cell.
  const sheet = names.find((n) => change.includes(n));
  if (sheet) return { sheet: sheets.get(sheet) ?? sheet, cell: "A1" };
  // 4. Nothing named: the first field of the report.
  return fieldPlace(raw, FIELDS[0].id);
}

export function fieldOfPlace(raw: RawReport, place: Place): string {
  const field = FIELDS.find((f) => {
    const p = fieldPlace(raw, f.id);
    return p.sheet === place.sheet && p.cell === place.cell;
  });
  return field?.id ?? "template";
}

const templateModified: Rule = ({ raw }) =>
  raw.layoutChanges.map((change): Finding => {
    const place = placeOfChange(raw, change);
    return {
      rule: "template.modified",
      severity: fixedSeverity("template.modified"),
      field: fieldOfPlace(raw, place),
      ...place,
      message: `模板格式被改动：${change}；已按字段名称找到全部内容，请核实读取结果`,
    };
  });

export const layoutRules: readonly Rule[] = [templateModified];
