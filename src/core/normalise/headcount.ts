/**
 * Headcounts (人次, 次数): a whole number ≥ 0, spec §3.
 * - `120`, `120.0`, `１２０`, `1,200`, ` 120 ` → the number;
 * - `120人`, `120人次`, `3次`, `3场`, `一百二十`, `1.2万` → the number, noted as normalised;
 * - `约120`, `120余人`, `100多`, `120+` → the stated number, noted as approximate;
 * - anything else (`12.5`, `-3`, `若干`, `—`, `/`, `无`) → rejected.
 */
import { isCellError, type CellValue, isDateValue } from "../model";
import { parseChineseNumeral } from "./chinese-numerals";
import { excelSerialOfDate } from "./date";
import { accepted, rejected, type Normalised, type NoteKind, fold } from "./result";
import { READING } from "../definition";
import { anyOf, literal } from "./pattern";

const EXPECTED = "应为不小于0的整数";

const WORDS = READING.headcount;
const UNIT_SUFFIX = new RegExp(`${anyOf(WORDS.unitSuffixes)}$`);
const APPROX_SUFFIX = new RegExp(`${anyOf(WORDS.approximateSuffixes)}$`);
const APPROX_PREFIX = new RegExp(`^${anyOf(WORDS.approximatePrefixes)}`);

/** Plain digits, optionally grouped by thousands, optionally with a zero decimal part. */
const PLAIN = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.0+)?$/;
/** 1.2万, 3万: a whole number of people written with 万. */
const WAN = new RegExp(`^(\\d+(?:\\.\\d+)?)${literal(WORDS.tenThousand)}$`);

function wholeOrNull(n: number): number | null {
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The number in `core` (no prefix/suffix left), and whether reading it was more than trivial. */
function readCore(core: string): { value: number; normalized: boolean } | null {
  const plain = PLAIN.exec(core);
  if (plain) {
    const v = wholeOrNull(Number(plain[1].replace(/,/g, "")));
    return v === null ? null : { value: v, normalized: false };
  }
  const wan = WAN.exec(core);
  if (wan) {
    // Decimal arithmetic on the digits, so 1.2万 is exactly 12000.
    const [int, frac = ""] = wan[1].split(".");
    if (frac.length > WORDS.tenThousandDecimals) return null;
    const v = wholeOrNull(Number(int + frac.padEnd(WORDS.tenThousandDecimals, "0")));
    return v === null ? null : { value: v, normalized: true };
  }
  const zh = parseChineseNumeral(core);
  if (zh !== null) {
    const v = wholeOrNull(zh);
    return v === null ? null : { value: v, normalized: true };
  }
  return null;
}

function normaliseHeadcountText(text: string): Normalised<number> {
  const shown = text.trim();
  let s = fold(text).trim();
  let approximate = false;
  let normalized = false;
  const prefix = APPROX_PREFIX.exec(s);
  if (prefix) {
    approximate = true;
    s = s.slice(prefix[0].length).trim();
  }
  // 120余人, 100多人次, 约120人: at most one unit and one approximation marker, in either order.
  let unitDone = false;
  let approxDone = false;
  for (let i = 0; i < 2; i++) {
    const unit = unitDone ? null : UNIT_SUFFIX.exec(s);
    if (unit) {
      unitDone = normalized = true;
      s = s.slice(0, -unit[0].length).trim();
      continue;
    }
    const approx = approxDone ? null : APPROX_SUFFIX.exec(s);
    if (approx) {
      approxDone = approximate = true;
      s = s.slice(0, -approx[0].length).trim();
    }
  }
  const core = readCore(s);
  if (!core) return rejected(`${EXPECTED}，填写的是“${shown}”`);
  const kind: NoteKind | null = approximate ? "approximate" : normalized || core.normalized ? "normalized" : null;
  return accepted(core.value, kind ? { kind, readAs: String(core.value) } : undefined);
}

export function normaliseHeadcount(v: CellValue, date1904 = false): Normalised<number> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return rejected(`${EXPECTED}，单元格的值不是有效数字`);
    const whole = Math.round(v);
    if (whole >= 0 && Number.isSafeInteger(whole)) {
      if (whole === v) return accepted(whole === 0 ? 0 : whole);
      // Formula results such as =0.1*1200 carry binary noise; say what was read.
      if (Math.abs(whole - v) < 1e-9) return accepted(whole, { kind: "normalized", readAs: String(whole) });
    }
    return rejected(`${EXPECTED}，填写的是“${v}”`);
  }
  if (typeof v === "string") return normaliseHeadcountText(v);
  if (isDateValue(v)) {
    // The cell is formatted as a date, but types come from the template: read the number behind it.
    const serial = excelSerialOfDate(v, date1904);
    if (serial !== null && Number.isInteger(serial) && serial >= 0) {
      return accepted(serial, { kind: "normalized", readAs: `${serial}（单元格被设置为日期格式）` });
    }
    return rejected(`${EXPECTED}，单元格中是日期`);
  }
  if (typeof v === "boolean") return rejected(`${EXPECTED}，填写的是逻辑值“${v ? "TRUE" : "FALSE"}”`);
  if (isCellError(v)) return rejected(`${EXPECTED}，单元格是错误值“${v.error}”`);
  return rejected(`${EXPECTED}，单元格为空`);
}
