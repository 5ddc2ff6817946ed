/**
 * Building blocks of the 自检 formulas. Only functions that Excel 2007+, WPS and LibreOffice share
 * (IF, AND, OR, NOT, ISNUMBER, ISNA, ISERROR, IFERROR, VALUE, ASC, UPPER, SUBSTITUTE, LEFT, RIGHT, MID,
 * FIND, LEN, TRIM, MATCH, COUNTIF, SUMIF, SUM, MIN, SUMPRODUCT, ROW, INDIRECT, ADDRESS, COLUMN, DATE):
 * no dynamic arrays, LET, FILTER or IFS.
 */
import { TABLES, tableById, type AnyColumnId, type TableId } from "../../core/definition";
import { columnRange, fieldRef, tableNameOf } from "./refs";

/** A string literal inside a formula. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** An array constant of strings: {"a","b"}. */
export function strArray(items: readonly string[]): string {
  return `{${items.map(str).join(",")}}`;
}

export function isBlank(ref: string): string {
  return `LEN(TRIM(${ref}))=0`;
}

/**
 * Words around a headcount that spec §3 reads past ("120人", "3次", "约120", "120余人", "100多",
 * "120+"): the checker accepts them with a warning, so the self-check reads the number too.
 */
const HEADCOUNT_NOISE = ["人", "次", "场", "约", "余", "多", "+"];

/**
 * The number in a cell: typed as a number, or as text of digits (full-width folded by ASC, the
 * words above removed, "1,200" read by VALUE); "" when there is none.
 */
export function num(ref: string): string {
  const cleaned = HEADCOUNT_NOISE.reduce((acc, w) => `SUBSTITUTE(${acc},${str(w)},"")`, `ASC(TRIM(${ref}))`);
  return `IFERROR(IF(ISNUMBER(${ref}),${ref},VALUE(${cleaned})),"")`;
}

export function isNum(ref: string): string {
  return `ISNUMBER(${num(ref)})`;
}

/**
 * The date serial of a cell: a real date, or text written y-m-d, y/m/d, y.m.d or y年m月d日 with a
 * four-digit year (spec §3), parsed by hand because DATEVALUE depends on the program's locale;
 * "" otherwise.
 */
export function dateOf(ref: string): string {
  const t = [
    ["年", "-"],
    ["月", "-"],
    ["日", ""],
    ["/", "-"],
    [".", "-"],
  ].reduce((acc, [from, to]) => `SUBSTITUTE(${acc},${str(from)},${str(to)})`, `ASC(TRIM(${ref}))`);
  const secondDash = `FIND("-",${t},6)`;
  const parsed = `IF(MID(${t},5,1)="-",DATE(VALUE(LEFT(${t},4)),VALUE(MID(${t},6,${secondDash}-6)),VALUE(MID(${t},${secondDash}+1,2))),"")`;
  return `IFERROR(IF(ISNUMBER(${ref}),${ref},${parsed}),"")`;
}

export function isDate(ref: string): string {
  return `ISNUMBER(${dateOf(ref)})`;
}

/** TRUE when the trimmed text of `ref` is one of `items`. */
export function isOneOf(ref: string, items: readonly string[]): string {
  return `ISNUMBER(MATCH(TRIM(${ref}),${strArray(items)},0))`;
}

export const F = fieldRef;

/** Non-empty rows of a table: rows under its header (tbl_<id>) where any column holds something. */
export function nonEmptyRows(tableId: TableId): string {
  const t = tableById(tableId);
  const cols = t.columns.map((c) => columnRange(t.id, c.id));
  return `SUMPRODUCT((ROW(${cols[0]})>ROW(${tableNameOf(t.id)}))*(LEN(${cols.join("&")})>0))`;
}

/** Rows of a table whose column equals `value` (the header never does). */
export function countEqual(tableId: TableId, columnId: AnyColumnId, value: string): string {
  return `COUNTIF(${columnRange(tableId, columnId)},${str(value)})`;
}

export function tablesWithDates(): { tableId: TableId; columnId: AnyColumnId }[] {
  return TABLES.flatMap((t) =>
    t.columns.filter((c) => c.type === "date").map((c) => ({ tableId: t.id, columnId: c.id })),
  );
}

/*
 * Helpers below work cell by cell on a whole column too (inside an array formula): they use only
 * functions that act element by element (IF, ISNUMBER, FIND, MID, LEN, +, *), never AND/OR/COUNT,
 * which would fold a column into one value.
 */

/** TRUE (as a number > 0) when the text of `ref` contains any of `chars`. */
export function hasAnyChar(ref: string, chars: string): string {
  return `(${Array.from(chars)
    .map((c) => `ISNUMBER(FIND(${str(c)},${ref}))`)
    .join("+")})>0`;
}

/** Characters of a headcount written in Chinese numerals (spec §3: 一百二十 is read, with a warning). */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/**
 * A headcount only when written as plain digits (typed as a number, or text of digits with an optional
 * thousands comma or decimal point, full-width folded): what `check` reads without a note. "" otherwise.
 */
export function plainNum(ref: string): string {
  const t = `ASC(TRIM(${ref}))`;
  const leftover = Array.from("0123456789,.").reduce((acc, c) => `SUBSTITUTE(${acc},${str(c)},"")`, t);
  return `IFERROR(IF(ISNUMBER(${ref}),${ref},IF(LEN(${leftover})=0,VALUE(${t}),"")),"")`;
}

/**
 * Whether `check` may accept a headcount, possibly with a warning (TRUE) or surely rejects it (FALSE):
 * a plain number must be a whole number ≥ 0; other text is accepted here when its number (words such as
 * 人, 约 removed) is one, or when it holds Chinese numerals, which only the checker can read. Such text
 * always fails the format line (a warning), so 自检 never passes what `check` would reject.
 */
export function headcountMayBeValid(ref: string): string {
  const p = plainNum(ref);
  const n = num(ref);
  return `IF(ISNUMBER(${p}),(${p}>=0)*(${p}=INT(${p}))>0,IF(ISNUMBER(${n}),(${n}>=0)*(${n}=INT(${n}))>0,${hasAnyChar(ref, CHINESE_NUMERAL_CHARS)}))`;
}

/**
 * 6月5日 (or 6月5号) without a year: `check` reads it in the report year with a warning; 自检 cannot
 * read it, so a format line flags it instead of calling it an error. Digits, then 月, digits, 日/号.
 */
export function isMonthDayText(ref: string): string {
  const t = `ASC(TRIM(${ref}))`;
  const rest = Array.from("0123456789").reduce((acc, d) => `SUBSTITUTE(${acc},${str(d)},"")`, t);
  const digitsAround = `ISNUMBER(VALUE(LEFT(${t},1)))*ISNUMBER(VALUE(MID(${t},FIND("月",${t}&"月")+1,1)))`;
  return `IFERROR(NOT(ISNUMBER(${ref}))*((${rest}="月日")+(${rest}="月号"))*${digitsAround},0)>0`;
}

/** TRUE when every character of the (non-empty) text `t` is one of `allowed` (case-sensitive). */
export function onlyChars(t: string, allowed: string): string {
  return `SUMPRODUCT(--ISERROR(FIND(MID(${t},ROW(INDIRECT("1:"&LEN(${t}))),1),${str(allowed)})))=0`;
}

/** The text with every digit replaced by 0: "022-2718 2133" → "000-0000 0000", to compare shapes. */
export function digitShape(t: string): string {
  return Array.from("123456789").reduce((acc, d) => `SUBSTITUTE(${acc},${str(d)},"0")`, t);
}
