/**
 * Building blocks of the 自检 formulas. Only functions that Excel 2007+, WPS and LibreOffice share
 * (IF, AND, OR, ISNUMBER, IFERROR, VALUE, ASC, SUBSTITUTE, MID, FIND, LEN, TRIM, MATCH, COUNTIF,
 * SUMIF, SUMPRODUCT, ROW, DATE, YEAR): no dynamic arrays, LET, FILTER or IFS.
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
  const t = [["年", "-"], ["月", "-"], ["日", ""], ["/", "-"], [".", "-"]].reduce(
    (acc, [from, to]) => `SUBSTITUTE(${acc},${str(from)},${str(to)})`,
    `ASC(TRIM(${ref}))`,
  );
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

/** Real dates in a table column outside [from, to] (formula expressions of serials). */
export function datesOutside(tableId: TableId, columnId: AnyColumnId, from: string, to: string): string {
  const r = columnRange(tableId, columnId);
  return `(COUNTIF(${r},"<"&${from})+COUNTIF(${r},">"&${to}))`;
}

export function tablesWithDates(): { tableId: TableId; columnId: AnyColumnId }[] {
  return TABLES.flatMap((t) => t.columns.filter((c) => c.type === "date").map((c) => ({ tableId: t.id, columnId: c.id })));
}
