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

/**
 * The layout of the master's sheets, as a master reader (src/intake/master) must know it: raised
 * whenever a column changes meaning or a reader of the older layout would misread the newer one.
 * 1: masters before this line existed (汇总表's 来源文件 held the file's name alone, 问题清单 had no
 * 明细表 column); they are refused by name where all of them must be read (--include-master).
 */
export const MASTER_FORMAT = 2;

/** The labels of 汇总信息's lines (column A), value in column B. */
export const INFO_LABELS = {
  id: "标识",
  productVersion: "产品版本",
  template: "模板",
  templateVersion: "模板版本",
  format: "总表格式",
  reportType: "报告类型",
  units: "汇总单位数",
  generated: "生成时间",
} as const;
const ID_LABEL = INFO_LABELS.id;

export interface MasterInfo {
  readonly productVersion: string;
  readonly date: Date;
}

export function infoSheet(result: MergeResult, info: MasterInfo): MasterSheet {
  const line = (label: string, value: string | number): MasterRow => ({ style: "data", cells: [label, value] });
  const rows = [
    line(ID_LABEL, MASTER_ID),
    line(INFO_LABELS.productVersion, info.productVersion),
    line(INFO_LABELS.template, TEMPLATE.id),
    line(INFO_LABELS.templateVersion, TEMPLATE.version),
    line(INFO_LABELS.reportType, result.summary.reportType ?? ""),
    line(INFO_LABELS.units, result.summary.unitsMerged),
    line(INFO_LABELS.generated, info.date.toISOString()),
    line(INFO_LABELS.format, MASTER_FORMAT),
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

/** 汇总信息 by its content (its mark in A1:B1), whatever the sheet is called. */
export function isInfoSheet(sheet: SheetGrid): boolean {
  return sheet.rows[0]?.[0] === ID_LABEL && sheet.rows[0]?.[1] === MASTER_ID;
}

/** A workbook carrying 汇总信息's mark is a master this product wrote (whatever its sheets are named). */
export function isMarkedMaster(grid: WorkbookGrid): boolean {
  return grid.sheets.some(isInfoSheet);
}
