/**
 * exceljs's streaming WorkbookWriter, imported by path so it is bundled for the browser too (exceljs's
 * browser build leaves it out). Its type is the one exceljs declares for ExcelJS.stream.xlsx.WorkbookWriter.
 */
declare module "exceljs/lib/stream/xlsx/workbook-writer" {
  import type ExcelJS from "exceljs";
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export = WorkbookWriter;
}
