/**
 * Building blocks of the template's formulas. Only functions that Excel 2007+, WPS, LibreOffice and
 * Gnumeric share (IF, AND, OR, NOT, ISNUMBER, ISNA, ISERROR, IFERROR, VALUE, DATEVALUE, ASC, UPPER,
 * LOWER, SUBSTITUTE, LEFT, RIGHT, MID, FIND, LEN, TRIM, REPT, MATCH, SUM, MIN, MOD, ROUND, INT, ROW,
 * INDIRECT, ADDRESS, COLUMN, DATE, YEAR): no dynamic arrays, LET, FILTER or IFS. The 自检 cells are
 * all array formulas (self-check-sheet.ts), because Gnumeric evaluates a function over a range cell by
 * cell only there (inside SUMPRODUCT it takes one cell, and counted 0 filled rows where the others
 * counted 3).
 */
import { fieldRef } from "./refs";

/** A string literal inside a formula. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** An array constant of strings: {"a","b"}. */
export function strArray(items: readonly string[]): string {
  return `{${items.map(str).join(",")}}`;
}

/** Blank as the core sees it: nothing but spaces, full-width ones included (ASC folds them). */
export function isBlank(ref: string): string {
  return `LEN(TRIM(ASC(${ref})))=0`;
}

export const F = fieldRef;

/** TRUE when every character of the (non-empty) text `t` is one of `allowed` (case-sensitive). */
export function onlyChars(t: string, allowed: string): string {
  return `SUMPRODUCT(--ISERROR(FIND(MID(${t},ROW(INDIRECT("1:"&LEN(${t}))),1),${str(allowed)})))=0`;
}

/**
 * The shape is one of `shapes` (digit shapes, digitShape). Both sides carry a "#": Gnumeric's MATCH
 * takes "00000000000" for the number 0 and then finds no text equal to it.
 */
export function isShapeOf(shape: string, shapes: readonly string[]): string {
  return `ISNUMBER(MATCH("#"&${shape},${strArray(shapes.map((s) => `#${s}`))},0))`;
}

/** The text with every digit replaced by 0: "022-2718 2133" → "000-0000 0000", to compare shapes. */
export function digitShape(t: string): string {
  return Array.from("123456789").reduce((acc, d) => `SUBSTITUTE(${acc},${str(d)},"0")`, t);
}
