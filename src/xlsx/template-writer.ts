/**
 * The blank report template as an .xlsx (spec §6 `template`), written with exceljs from the one
 * template definition. Layout: see src/xlsx/template/ (one module per concern).
 */
import ExcelJS from "exceljs";
import { FIELDS, TABLES, TEMPLATE, definedNameOf } from "../core/definition";
import { isValidTemplateYear } from "./template-years";
import { addGuideSheet } from "./template/guide";
import { addBasicSheet } from "./template/basic-sheet";
import { addTableSheets } from "./template/table-sheets";
import { addSelfCheckSheet } from "./template/self-check-sheet";
import { addPrintSheet } from "./template/print-sheet";
import { selfCheckFingerprint } from "./template/self-check-lines";
import { addMetaSheet } from "./template/meta";
import { fieldTarget, tableNameOf, tableTarget } from "./template/refs";

export interface TemplateOptions {
  /** Report year written into 年度 and the metadata (default TEMPLATE.defaultYear). */
  year?: number;
}

export { MAX_YEAR, MIN_YEAR, isValidTemplateYear } from "./template-years";

export function buildTemplateWorkbook(options: TemplateOptions = {}): ExcelJS.Workbook {
  const year = options.year ?? TEMPLATE.defaultYear;
  if (!isValidTemplateYear(year)) throw new RangeError(`year out of range: ${year}`);
  const wb = new ExcelJS.Workbook();
  wb.creator = TEMPLATE.title;
  wb.title = `${year}年${TEMPLATE.title}`;
  wb.calcProperties = { fullCalcOnLoad: true };

  addGuideSheet(wb, year);
  addBasicSheet(wb, year);
  addTableSheets(wb, year);
  addPrintSheet(wb, year);
  addSelfCheckSheet(wb);
  addMetaSheet(wb, year, selfCheckFingerprint());

  for (const f of FIELDS) wb.definedNames.add(fieldTarget(f), definedNameOf(f.id));
  for (const t of TABLES) wb.definedNames.add(tableTarget(t), tableNameOf(t.id));
  // Open on 填报说明.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return wb;
}

export async function writeTemplate(options: TemplateOptions = {}): Promise<Buffer> {
  const wb = buildTemplateWorkbook(options);
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
