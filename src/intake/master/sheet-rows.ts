/**
 * One list sheet of a master as the master writer lays it out (src/core/master/list-sheet.ts): a
 * header row, then one row per item. Columns are found by their headers; every cell is read as the
 * type the writer writes there, and anything else stops the reading with a Chinese message naming
 * the sheet, the cell and what was expected: a master edited by hand is refused, never misread.
 */
import { columnLetter } from "../../core/a1";
import { isCellError, isDateValue, type CellValue, type SheetGrid } from "../../core/model";
import type { FieldValue } from "../../core/submission";
import type { ValueSpec } from "../../core/definition";

/** Why a master cannot be read as one: a Chinese sentence naming where. */
export class MasterDamage extends Error {}

export interface SheetRows {
  readonly sheet: SheetGrid;
  /** 1-based worksheet rows of the items (under the header; blank rows and rows after `until` excluded). */
  readonly rows: readonly number[];
  /** The 1-based row that ended the list (汇总表's 合计); null without `until`. */
  readonly end: number | null;
  has(header: string): boolean;
  /** The raw value under `header` at `row` (null: blank). Throws MasterDamage when the column is missing. */
  raw(header: string, row: number): CellValue;
  /** Throws MasterDamage naming the cell under `header` at `row` and what it should hold. */
  damage(header: string, row: number, expected: string): never;
}

const shown = (v: CellValue): string =>
  isDateValue(v) ? v.toISOString().slice(0, 10) : isCellError(v) ? v.error : String(v);

/**
 * The sheet `name` of the grid read as a list. `until` says which row ends the list (汇总表's 合计),
 * so rows under it are not items; a sheet without such a row is refused when `until` is given.
 */
export function sheetRows(
  sheets: readonly SheetGrid[],
  name: string,
  until?: (first: CellValue) => boolean,
): SheetRows {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new MasterDamage(`缺少工作表“${name}”`);
  const columns = new Map<string, number>();
  (sheet.rows[0] ?? []).forEach((v, i) => {
    if (typeof v === "string" && !columns.has(v)) columns.set(v, i);
  });
  const rows: number[] = [];
  let end: number | null = null;
  for (let r = 2; r <= sheet.rows.length; r++) {
    const cells = sheet.rows[r - 1] ?? [];
    if (until?.(cells[0] ?? null)) {
      end = r;
      break;
    }
    if (cells.some((v) => v !== null && v !== undefined && v !== "")) rows.push(r);
  }
  if (until !== undefined && end === null) throw new MasterDamage(`工作表“${name}”缺少末尾的合计行`);
  const at = (header: string): number => {
    const c = columns.get(header);
    if (c === undefined) throw new MasterDamage(`工作表“${name}”缺少“${header}”列`);
    return c;
  };
  const damage = (header: string, row: number, expected: string): never => {
    const v = sheet.rows[row - 1]?.[at(header)] ?? null;
    const cell = `${columnLetter(at(header) + 1)}${row}`;
    const found = v === null || v === "" ? "空白" : `“${shown(v)}”`;
    throw new MasterDamage(`工作表“${name}”的 ${cell} 单元格（“${header}”列）应为${expected}，实为${found}`);
  };
  return {
    sheet,
    rows,
    end,
    has: (header) => columns.has(header),
    raw: (header, row) => {
      const v = sheet.rows[row - 1]?.[at(header)];
      return v === undefined || v === "" ? null : v;
    },
    damage,
  };
}

/** Text, or null when blank. */
export function textAt(s: SheetRows, header: string, row: number): string | null {
  const v = s.raw(header, row);
  if (v === null || typeof v === "string") return v;
  return s.damage(header, row, "文字");
}

export function requiredText(s: SheetRows, header: string, row: number, expected = "文字"): string {
  return textAt(s, header, row) ?? s.damage(header, row, expected);
}

/** A whole number ≥ 0, or null when blank. */
export function countAt(s: SheetRows, header: string, row: number): number | null {
  const v = s.raw(header, row);
  if (v === null) return null;
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  return s.damage(header, row, "不小于 0 的整数");
}

export function requiredCount(s: SheetRows, header: string, row: number): number {
  return countAt(s, header, row) ?? s.damage(header, row, "不小于 0 的整数");
}

/** One of `words` (a label the master writes), as its key. */
export function wordAt<K extends string>(
  s: SheetRows,
  header: string,
  row: number,
  words: Readonly<Record<K, string>>,
): K {
  const v = s.raw(header, row);
  const key = (Object.keys(words) as K[]).find((k) => words[k] === v);
  return key ?? s.damage(header, row, (Object.values(words) as string[]).map((w) => `“${w}”`).join("、") + "之一");
}

/** A value of the template definition as the master writes it (valueColumns): typed, or null when blank. */
export function valueAt(s: SheetRows, spec: ValueSpec, row: number): FieldValue {
  const v = s.raw(spec.label, row);
  if (v === null) return null;
  switch (spec.type) {
    case "headcount":
    case "integer":
      if (typeof v === "number" && Number.isInteger(v)) return v;
      return s.damage(spec.label, row, "整数");
    case "date":
      if (isDateValue(v) && v.getTime() % 86_400_000 === 0) return v.toISOString().slice(0, 10);
      return s.damage(spec.label, row, "日期");
    case "enum":
      if (typeof v === "string" && (spec.options ?? []).includes(v)) return v;
      return s.damage(spec.label, row, `下拉选项（${(spec.options ?? []).join("、")}）之一`);
    default:
      if (typeof v === "string") return v;
      return s.damage(spec.label, row, "文字");
  }
}
