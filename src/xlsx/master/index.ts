/** The master workbook writer (spec §5). */
export { writeMasterWorkbook, writeMasterWorkbookBytes, masterDate, MASTER_TITLE, type MasterOptions } from "./write-master";
export { SHEET_NAMES } from "./labels";
