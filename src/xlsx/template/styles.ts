/** Fonts, fills and borders shared by the template's sheets: one look, defined once. */
import type ExcelJS from "exceljs";

const FONT_NAME = "宋体";

export const FONT = {
  title: { name: FONT_NAME, size: 16, bold: true } as Partial<ExcelJS.Font>,
  section: { name: FONT_NAME, size: 12, bold: true } as Partial<ExcelJS.Font>,
  header: { name: FONT_NAME, size: 11, bold: true } as Partial<ExcelJS.Font>,
  body: { name: FONT_NAME, size: 11 } as Partial<ExcelJS.Font>,
  note: { name: FONT_NAME, size: 10, italic: true, color: { argb: "FF595959" } } as Partial<ExcelJS.Font>,
  /** Required labels are red as well as starred, so the mark survives black-and-white printing. */
  required: { name: FONT_NAME, size: 11, color: { argb: "FFC00000" } } as Partial<ExcelJS.Font>,
};

function solid(argb: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

export const FILL = {
  header: solid("FFD9E1F2"),
  section: solid("FFEDEDED"),
  /** Where users type: a pale tint tells inputs from labels before anyone reads a word. */
  input: solid("FFEFF7EA"),
  /** Conditional formats: blank required input / impossible value. */
  missing: solid("FFFFE699"),
  invalid: solid("FFF4B084"),
  pass: solid("FFE2EFDA"),
  fail: solid("FFFFC7CE"),
};

/** What the fills mean, in the words each sheet's note uses (the colours are the FILL entries above). */
export const COLOUR_LEGEND =
  "底色说明：浅绿色为填写区；黄色表示必填项尚未填写；橙红色加粗表示填写的内容不符合要求（如人次不是整数、不是下拉列表中的选项、日期不在本年度），请修改。";

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Marks a required label: the reader's label matching strips a leading "*" (core/text labelKey). */
export function requiredLabel(label: string, required: boolean): string {
  return required ? `*${label}` : label;
}
