/**
 * How the 自检 formulas read a value the way `check` does (spec §3, src/core/normalise), built from the
 * definition's word lists (READING). Every reader here works cell by cell, so the same text reads one
 * cell or a whole table column inside an array formula: IF, ISNUMBER, FIND, MID, LEN, SUBSTITUTE,
 * MATCH against a constant, + and * only; never AND/OR/MIN, which fold a column into one value.
 *
 * A reader says what it read as a STATE number. `unsure` is the honest answer where a formula cannot
 * read what the core reads (一百二十: Chinese numerals, which only the core parses): the line then says
 * "请用校验核对" rather than passing or failing something the core judges otherwise.
 */
import { READING } from "../../core/definition";
import { digitShape, isShapeOf, str } from "./formula-text";

export const STATE = { blank: 0, ok: 1, normalized: 2, approximate: 3, error: 4, unsure: 5 } as const;

/** The largest whole number the core keeps (Number.MAX_SAFE_INTEGER). */
const MAX_WHOLE = "9007199254740991";

/** A formula and the number it reads, one per cell of `x`. */
export interface Reading {
  /** A STATE number. */
  readonly state: string;
  /** The number read (a date as its serial), or "" when none was read: ISNUMBER says it was. */
  readonly value: string;
}

/** Width-folded text with every blank removed (spaces, tabs, line breaks), as `check` compacts dates and codes. */
export function compact(x: string): string {
  return ["CHAR(9)", "CHAR(10)", "CHAR(13)", str(" ")].reduce((acc, c) => `SUBSTITUTE(${acc},${c},"")`, `ASC(${x})`);
}

/** Width-folded and trimmed, as the core reads text. */
export function folded(x: string): string {
  return `TRIM(ASC(${x}))`;
}

/** 1 when `t` is only digits and at least one. */
export function allDigits(t: string): string {
  return `(LEN(${t})>0)*(${digitShape(t)}=REPT("0",LEN(${t})))`;
}

/** The part of `t` before its first ".", and after it. */
const beforeDot = (t: string) => `LEFT(${t},FIND(".",${t}&".")-1)`;
const afterDot = (t: string) => `MID(${t},FIND(".",${t}&".")+1,99)`;
const hasDot = (t: string) => `ISNUMBER(FIND(".",${t}))`;

/**
 * 1 when the text `t` is a plain whole number as the core reads one without a note: digits, or digits
 * grouped by thousands (1,200), then nothing or "." and zeros (120.0).
 */
export function isPlainNumber(t: string): string {
  const whole = beforeDot(t);
  const commas = `(LEN(${whole})-LEN(SUBSTITUTE(${whole},",","")))`;
  const lead = `(LEN(${whole})-4*${commas})`;
  const grouped = `(${lead}>=1)*(${lead}<=IF(${commas}>0,3,99))*(${digitShape(whole)}=REPT("0",${lead})&REPT(",000",${commas}))`;
  const fraction = `IF(${hasDot(t)},(LEN(${afterDot(t)})>0)*(SUBSTITUTE(${afterDot(t)},"0","")=""),1)`;
  return `(${grouped}*${fraction})`;
}

/** The number of a plain whole number `t` (isPlainNumber). */
export function plainNumber(t: string): string {
  return `VALUE(SUBSTITUTE(${beforeDot(t)},",",""))`;
}

/** A number cell as a headcount: whole and ≥ 0; within 1e-9 of one is read with a note, as the core does. */
function numberState(x: string): string {
  const whole = `ROUND(${x},0)`;
  return `IF((${whole}<0)+(${whole}>${MAX_WHOLE}),${STATE.error},IF(${x}=${whole},${STATE.ok},IF(ABS(${x}-${whole})<1E-9,${STATE.normalized},${STATE.error})))`;
}

/** Characters of a headcount written in Chinese numerals (一百二十): read by the core alone. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** 1 when `t` holds a digit or a Chinese numeral: something the core might read as a number. */
function holdsNumeral(t: string): string {
  const stripped = Array.from("0123456789" + CHINESE_NUMERAL_CHARS).reduce(
    (acc, c) => `SUBSTITUTE(${acc},${str(c)},"")`,
    t,
  );
  return `(LEN(${stripped})<LEN(${t}))`;
}

/**
 * A headcount in a table cell, cell by cell: a number cell or plain digits (120, 120.0) is read
 * exactly; other text that holds a digit or a Chinese numeral (120人, 约120, 1,200, 三百) is `unsure`
 * here (the single fields read those spellings exactly, in helper cells: self-check-reading.ts; in a
 * table such text only comes from pasting, the column being numeric); text with neither is an error.
 */
export function tableHeadcount(x: string): Reading {
  const t = folded(x);
  const plain = `(${allDigits(beforeDot(t))}*IF(${hasDot(t)},(LEN(${afterDot(t)})>0)*(SUBSTITUTE(${afterDot(t)},"0","")=""),1))`;
  const state = `IF(ISNUMBER(${x}),${numberState(x)},IF(LEN(${t})=0,${STATE.blank},IF(${plain},${STATE.ok},IF(${holdsNumeral(t)},${STATE.unsure},${STATE.error}))))`;
  const value = `IF(ISNUMBER(${x}),IF(${numberState(x)}<>${STATE.error},ROUND(${x},0),""),IF(${plain},VALUE(${beforeDot(t)}),""))`;
  return { state, value };
}

/** The digit shapes of the dates the core reads: with a year (2023-6-5, 2023年6月5日), then without (6月5日). */
function dateShapes(): string[] {
  const D = READING.date;
  const parts = ["0", "00"];
  const out: string[] = [];
  for (const sep of D.separators) for (const m of parts) for (const d of parts) out.push(`0000${sep}${m}${sep}${d}`);
  for (const mark of D.dayMarks)
    for (const m of parts)
      for (const d of parts) {
        out.push(`0000${D.yearMark}${m}${D.monthMark}${d}${mark}`);
        out.push(`${m}${D.monthMark}${d}${mark}`);
      }
  return out;
}

/**
 * A date, cell by cell: a number is a serial (Excel's days 1 to 9999-12-31, the phantom 1900-02-29
 * excepted); text must have the digit shape of one of the core's spellings and is then read by
 * DATEVALUE from "y-m-d", which rejects 2023-02-30 as the core does. A month and day alone (6月5日)
 * are read in `year` (a formula: the report year) with a note. Years before 1900 are `unsure`:
 * spreadsheets cannot count days before it, the core can.
 */
export function dateReading(x: string, year: string): Reading {
  const D = READING.date;
  // Blanks inside are dropped (the core drops every blank; tabs and line breaks are not looked for).
  const t = `SUBSTITUTE(ASC(${x})," ","")`;
  const shaped = isShapeOf(digitShape(t), dateShapes());
  const monthDay = `ISERROR(FIND(${str(D.yearMark)},${t}))*ISNUMBER(FIND(${str(D.monthMark)},${t}))`;
  const ymd = [
    [D.yearMark, "-"],
    [D.monthMark, "-"],
    ...D.dayMarks.map((m) => [m, ""]),
    ...D.separators.filter((s) => s !== "-").map((s) => [s, "-"]),
  ].reduce((acc, [from, to]) => `SUBSTITUTE(${acc},${str(from)},${str(to)})`, t);
  const readable = `${shaped}*((${monthDay})+(LEFT(${t},4)>="1900"))`;
  const day = `INT(${x})`;
  const goodSerial = `(${day}>=1)*(${day}<=2958465)*(${day}<>60)`;
  const value = `IF(ISNUMBER(${x}),IF(${goodSerial},${day},""),IF(${readable},IFERROR(DATEVALUE(IF(${monthDay},${year}&"-","")&${ymd}),""),""))`;
  const state =
    `IF(ISNUMBER(${x}),IF(${goodSerial},${STATE.ok},${STATE.error}),IF(LEN(${t})=0,${STATE.blank},` +
    `IF(ISNUMBER(${value}),IF(${monthDay},${STATE.normalized},${STATE.ok}),IF(${shaped}*(LEFT(${t},4)<"1900")*NOT(${monthDay}),${STATE.unsure},${STATE.error}))))`;
  return { state, value };
}

/**
 * A web address, cell by cell, as the core reads one: http:// or https:// (any case), then host labels
 * separated by single dots up to the first / ? or #, and no blank anywhere. 1 when it is one.
 */
export function isUrl(x: string): string {
  const t = folded(x);
  const schemes = READING.urlSchemes;
  const scheme = `(${schemes.map((s) => `(LEFT(LOWER(${t}),${s.length})=${str(s)})`).join("+")})`;
  const rest = `MID(${t},${schemes.map((s) => `(LEFT(LOWER(${t}),${s.length})=${str(s)})*${s.length}`).join("+")}+1,999)`;
  const cut = `SUBSTITUTE(SUBSTITUTE(${rest},"?","/"),"#","/")`;
  const host = `LEFT(${rest},FIND("/",${cut}&"/")-1)`;
  const noBlank = ['" "', "CHAR(9)", "CHAR(10)", "CHAR(13)"].map((c) => `ISERROR(FIND(${c},${t}))`).join("*");
  return `((${scheme}>0)*(LEN(${host})>0)*(LEFT(${host},1)<>".")*(RIGHT(${host},1)<>".")*ISERROR(FIND("..",${host}))*${noBlank})`;
}
