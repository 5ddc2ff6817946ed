/**
 * 汇总信息: a hidden sheet saying what made the master (product and template versions, report type),
 * so any host knows a master as one by its content, whatever its other sheets are called.
 */
import { MASTER_SHEETS, TEMPLATE } from "../definition";
import type { MergeResult } from "../merge/model";
import type { SheetGrid, WorkbookGrid } from "../model";
import type { MasterRow, MasterSheet } from "./model";

/** The master's mark: B1 of 汇总信息, beside A1's label. */
export const MASTER_ID = `${TEMPLATE.id}-master`;
const ID_LABEL = "标识";

export interface MasterInfo {
  readonly productVersion: string;
  readonly date: Date;
}

export function infoSheet(result: MergeResult, info: MasterInfo): MasterSheet {
  const line = (label: string, value: string | number): MasterRow => ({ style: "data", cells: [label, value] });
  const rows = [
    line(ID_LABEL, MASTER_ID),
    line("产品版本", info.productVersion),
    line("模板", TEMPLATE.id),
    line("模板版本", TEMPLATE.version),
    line("报告类型", result.summary.reportType ?? ""),
    line("汇总单位数", result.summary.unitsMerged),
    line("生成时间", info.date.toISOString()),
  ];
  return {
    name: MASTER_SHEETS.info,
    hidden: true,
    widths: [14, 40],
    frozen: { rows: 0, columns: 0 },
    autoFilter: null,
    print: { landscape: false, fitToWidth: false },
    chart: null,
    rows: () => rows,
  };
}

function isInfoSheet(sheet: SheetGrid): boolean {
  return sheet.rows[0]?.[0] === ID_LABEL && sheet.rows[0]?.[1] === MASTER_ID;
}

/** A workbook carrying 汇总信息's mark is a master this product wrote (whatever its sheets are named). */
export function isMarkedMaster(grid: WorkbookGrid): boolean {
  return grid.sheets.some(isInfoSheet);
}
