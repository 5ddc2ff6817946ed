/**
 * Dates, spec §3: real date cells (Date objects from exceljs), Excel serial numbers (Office.js
 * `range.values`; 1900 or 1904 system), `2023-06-05`, `2023/6/5`, `2023.6.5`, `2023年6月5日`.
 * `6月5日` is taken in the report year and noted as normalised. A date is kept as `YYYY-MM-DD`,
 * which compares correctly as a string and survives JSON.
 */
import { isCellError, type CellValue, isDateValue } from "../model";
import { accepted, rejected, type Normalised, fold } from "./result";
import { READING } from "../definition";
import { literal, oneOf } from "./pattern";

const DAY_MS = 86_400_000;
/** 1899-12-30: day 0 of the 1900 system once Excel's phantom 1900-02-29 (serial 60) is behind us. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** 1904-01-01: day 0 of the 1904 system. */
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel knows. */
const LAST_SERIAL_1900 = 2_958_465;
const SYSTEMS_OFFSET = 1462;

const EXPECTED = "应为日期（如 2023-06-05）";

export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function isoOfUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date of an Excel serial number (its time of day dropped), or null when out of range. */
export function dateOfExcelSerial(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial + 1e-9);
  if (date1904) {
    if (day < 0 || day > LAST_SERIAL_1900 - SYSTEMS_OFFSET) return null;
    return isoOfUtcMs(EPOCH_1904 + day * DAY_MS);
  }
  if (day < 1 || day > LAST_SERIAL_1900) return null;
  if (day === 60) return null; // 1900-02-29 never existed; Excel keeps it for Lotus 1-2-3.
  return isoOfUtcMs(EPOCH_1900 + (day < 60 ? day + 1 : day) * DAY_MS);
}

/** The Excel serial number of a calendar date `YYYY-MM-DD`, or null before the system's first day. */
export function excelSerialOfIso(iso: string, date1904 = false): number | null {
  const [y, m, d] = iso.split("-").map(Number);
  const days = Math.round((Date.UTC(y, m - 1, d) - EPOCH_1900) / DAY_MS);
  if (date1904) return days - SYSTEMS_OFFSET >= 0 ? days - SYSTEMS_OFFSET : null;
  if (days >= 61) return days;
  return days >= 2 ? days - 1 : null;
}

/**
 * A Date as written by exceljs stands for a wall-clock time in UTC. Rounded to the second first:
 * serials converted through floating point can land a hair before midnight.
 */
export function isoOfDate(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  return isoOfUtcMs(Math.round(t / 1000) * 1000);
}

export function excelSerialOfDate(d: Date, date1904 = false): number | null {
  const iso = isoOfDate(d);
  return iso === null ? null : excelSerialOfIso(iso, date1904);
}

const D = READING.date;
const FULL = new RegExp(`^(\\d{4})(${oneOf(D.separators.join(""))})(\\d{1,2})\\2(\\d{1,2})$`);
const MONTH_DAY = `(\\d{1,2})${literal(D.monthMark)}(\\d{1,2})${oneOf(D.dayMarks.join(""))}`;
const FULL_ZH = new RegExp(`^(\\d{4})${literal(D.yearMark)}${MONTH_DAY}$`);
const MONTH_DAY_ZH = new RegExp(`^${MONTH_DAY}$`);

export interface DateContext {
  /** The report year, for `6月5日`; without one such a date cannot be read. */
  readonly year?: number | null;
  readonly date1904?: boolean;
}

function normaliseDateText(text: string, ctx: DateContext = {}): Normalised<string> {
  const shown = text.trim();
  const s = fold(text).replace(/\s+/g, "");
  const full = FULL.exec(s);
  if (full) {
    const iso = isoDate(Number(full[1]), Number(full[3]), Number(full[4]));
    return iso ? accepted(iso) : rejected(`${EXPECTED}，填写的是“${shown}”`);
  }
  const zh = FULL_ZH.exec(s);
  if (zh) {
    const iso = isoDate(Number(zh[1]), Number(zh[2]), Number(zh[3]));
    return iso ? accepted(iso) : rejected(`${EXPECTED}，填写的是“${shown}”`);
  }
  const md = MONTH_DAY_ZH.exec(s);
  if (md) {
    if (!ctx.year) return rejected(`${EXPECTED}，填写的“${shown}”缺少年份，且“年度”未正确填写`);
    const iso = isoDate(ctx.year, Number(md[1]), Number(md[2]));
    return iso ? accepted(iso, { kind: "normalized", readAs: iso }) : rejected(`${EXPECTED}，填写的是“${shown}”`);
  }
  return rejected(`${EXPECTED}，填写的是“${shown}”`);
}

export function normaliseDate(v: CellValue, ctx: DateContext = {}): Normalised<string> {
  if (isDateValue(v)) {
    const iso = isoOfDate(v);
    return iso ? accepted(iso) : rejected(`${EXPECTED}，单元格中的日期无效`);
  }
  if (typeof v === "number") {
    const iso = dateOfExcelSerial(v, ctx.date1904);
    return iso ? accepted(iso) : rejected(`${EXPECTED}，填写的是数字“${v}”`);
  }
  if (typeof v === "string") return normaliseDateText(v, ctx);
  if (typeof v === "boolean") return rejected(`${EXPECTED}，填写的是逻辑值“${v ? "TRUE" : "FALSE"}”`);
  if (isCellError(v)) return rejected(`${EXPECTED}，单元格是错误值“${v.error}”`);
  return rejected(`${EXPECTED}，单元格为空`);
}
