/**
 * Building blocks of the 自检 formulas. Only functions that Excel 2007+, WPS and LibreOffice share
 * (IF, AND, OR, ISNUMBER, IFERROR, VALUE, DATEVALUE, LEN, TRIM, MATCH, COUNTIF, SUMIF, SUMPRODUCT,
 * ROW, DATE, YEAR): no dynamic arrays, LET, FILTER or IFS.
 */
import { TABLES, tableById } from "../../core/definition";
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

/** The number in a cell, typed as a number or as plain digits ("120", " 1200 "); "" otherwise. */
export function num(ref: string): string {
  return `IFERROR(IF(ISNUMBER(${ref}),${ref},VALUE(TRIM(${ref}))),"")`;
}

export function isNum(ref: string): string {
  return `ISNUMBER(${num(ref)})`;
}

/** The date serial of a cell: a real date, or text the program itself reads as a date; "" otherwise. */
export function dateOf(ref: string): string {
  return `IFERROR(IF(ISNUMBER(${ref}),${ref},DATEVALUE(TRIM(${ref}))),"")`;
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
export function nonEmptyRows(tableId: string): string {
  const t = tableById(tableId);
  const cols = t.columns.map((c) => columnRange(t.id, c.id));
  return `SUMPRODUCT((ROW(${cols[0]})>ROW(${tableNameOf(t.id)}))*(LEN(${cols.join("&")})>0))`;
}

/** Rows of a table whose column equals `value` (the header never does). */
export function countEqual(tableId: string, columnId: string, value: string): string {
  return `COUNTIF(${columnRange(tableId, columnId)},${str(value)})`;
}

/** Real dates in a table column outside [from, to] (formula expressions of serials). */
export function datesOutside(tableId: string, columnId: string, from: string, to: string): string {
  const r = columnRange(tableId, columnId);
  return `(COUNTIF(${r},"<"&${from})+COUNTIF(${r},">"&${to}))`;
}

export function tablesWithDates(): { tableId: string; columnId: string }[] {
  return TABLES.flatMap((t) => t.columns.filter((c) => c.type === "date").map((c) => ({ tableId: t.id, columnId: c.id })));
}
