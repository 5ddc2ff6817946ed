/** The master workbook as data (pure): what every writer renders. */
export type * from "./model";
export { describeMaster, masterDate, MASTER_TITLE, type MasterOptions } from "./describe";
export { isInfoSheet, isMarkedMaster, INFO_LABELS, MASTER_FORMAT, MASTER_ID } from "./info";
export { isMasterWorkbook } from "./recognise";
export { TONE_COLORS, HEADER_FILL, TOTALS_FILL, BORDER_COLOR, HEADER_HEIGHT, NUMBER_FORMATS } from "./palette";
export { CHART_TITLE, CHARTED_FIELDS } from "./statistics";
