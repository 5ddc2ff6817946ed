/**
 * 汇总信息 read back (src/core/master/info.ts writes it): which product, template version and master
 * layout made a master. A master from before a line existed lacks it: its format is then 1.
 */
import { REPORT_TYPES, type ReportType } from "../../core/definition";
import { INFO_LABELS, isInfoSheet } from "../../core/master";
import type { MasterStamp } from "../../core/merge/model";
import type { CellValue, WorkbookGrid } from "../../core/model";

export interface ReadStamp extends MasterStamp {
  /** 模板 (the template id) as written. */
  readonly template: string;
}

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v).trim();

/** The stamp of a marked master; null for a workbook without 汇总信息's mark. */
export function readStamp(grid: WorkbookGrid): ReadStamp | null {
  const sheet = grid.sheets.find(isInfoSheet);
  if (!sheet) return null;
  const lines = new Map<string, string>();
  for (const row of sheet.rows) if (row && typeof row[0] === "string") lines.set(row[0], text(row[1]));
  const type = lines.get(INFO_LABELS.reportType) ?? "";
  const format = Number(lines.get(INFO_LABELS.format) ?? "1");
  const units = Number(lines.get(INFO_LABELS.units) ?? "");
  return {
    template: lines.get(INFO_LABELS.template) ?? "",
    productVersion: lines.get(INFO_LABELS.productVersion) ?? "",
    templateVersion: lines.get(INFO_LABELS.templateVersion) ?? "",
    format: Number.isInteger(format) && format > 0 ? format : 0,
    reportType: (REPORT_TYPES as readonly string[]).includes(type) ? (type as ReportType) : null,
    units: Number.isInteger(units) && units >= 0 ? units : -1,
    generated: lines.get(INFO_LABELS.generated) || null,
  };
}
