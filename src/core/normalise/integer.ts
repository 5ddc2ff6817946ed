/** Whole numbers in a range (the report year): `2023`, `２０２３`, `2023.0`; `2023年` and `2023年度` are noted as normalised. */
import { isCellError, type CellValue, isDateValue } from "../model";
import { excelSerialOfDate } from "./date";
import { accepted, rejected, type Normalised, fold } from "./result";
import { READING } from "../definition";
import { anyOf } from "./pattern";

/** 2023, 2023.0, 2023年, 2023年度. */
const YEAR_TEXT = new RegExp(`^(\\d+)(?:\\.0+)?(${anyOf(READING.yearSuffixes)})?$`);

export function normaliseInteger(v: CellValue, min: number, max: number, date1904 = false): Normalised<number> {
  const expected = `应为${min}至${max}之间的整数`;
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= min && v <= max ? accepted(v) : rejected(`${expected}，填写的是“${v}”`);
  }
  if (typeof v === "string") {
    const m = YEAR_TEXT.exec(fold(v).replace(/\s+/g, ""));
    const n = m ? Number(m[1]) : NaN;
    if (!m || n < min || n > max) return rejected(`${expected}，填写的是“${v.trim()}”`);
    return accepted(n, m[2] ? { kind: "normalized", readAs: String(n) } : undefined);
  }
  if (isDateValue(v)) {
    // 2023 in a cell formatted as a date shows as 1905-07-15: types come from the template, so read the number.
    const serial = excelSerialOfDate(v, date1904);
    if (serial !== null && serial >= min && serial <= max) {
      return accepted(serial, { kind: "normalized", readAs: `${serial}（单元格被设置为日期格式）` });
    }
    return rejected(`${expected}，单元格中是日期`);
  }
  if (isCellError(v)) return rejected(`${expected}，单元格是错误值“${v.error}”`);
  if (typeof v === "boolean") return rejected(`${expected}，填写的是逻辑值“${v ? "TRUE" : "FALSE"}”`);
  return rejected(`${expected}，单元格中不是整数`);
}
