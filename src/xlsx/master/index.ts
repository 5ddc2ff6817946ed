/**
 * The master workbook writer (spec §5). Node: writeMasterWorkbook (streams to a file). The task pane
 * imports ./bytes directly (no Node APIs behind it).
 */
export { writeMasterWorkbook } from "./write-master";
export { writeMasterWorkbookBytes } from "./bytes";
export { masterDate, MASTER_TITLE, type MasterOptions } from "./write-sheets";
export { SHEET_NAMES } from "./labels";
