/**
 * Last time's 汇总表 (与上年核对): each unit's name, credit code and figures. These columns carry the
 * definition's labels in every master this product has written, so an older master reads as well as
 * a new one; a column missing or a cell of the wrong type refuses it by name (sheet-rows.ts).
 */
import { fieldById, MASTER_SHEETS, REPORT_TYPES, type ReportType } from "../../core/definition";
import { TOTALS_LABEL } from "../../core/master/labels";
import type { PreviousUnit } from "../../core/merge/model";
import { COMPARED_FIELDS } from "../../core/merge/previous";
import type { WorkbookGrid } from "../../core/model";
import type { FieldValue } from "../../core/submission";
import { MasterDamage, sheetRows, valueAt } from "./sheet-rows";

const NAME = fieldById("unit_name");
const OPTIONAL = [fieldById("credit_code"), fieldById("report_type")];

export function readPreviousUnits(grid: WorkbookGrid): { units: PreviousUnit[]; reportType: ReportType | null } {
  const s = sheetRows(grid.sheets, MASTER_SHEETS.summary, (first) => first === TOTALS_LABEL);
  for (const f of [NAME, ...COMPARED_FIELDS])
    if (!s.has(f.label)) throw new MasterDamage(`工作表“${MASTER_SHEETS.summary}”缺少“${f.label}”列`);
  const specs = [NAME, ...OPTIONAL.filter((f) => s.has(f.label)), ...COMPARED_FIELDS];
  const units = s.rows.map((row): PreviousUnit => {
    const values: Record<string, FieldValue> = {};
    for (const spec of specs) values[spec.id] = valueAt(s, spec, row);
    return { values, row };
  });
  const type = units.map((u) => u.values.report_type).find((t) => typeof t === "string");
  return { units, reportType: (REPORT_TYPES as readonly unknown[]).includes(type) ? (type as ReportType) : null };
}
