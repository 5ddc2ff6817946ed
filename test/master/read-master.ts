/** Writes a MergeResult as a master and reads it back two ways: exceljs's view and the raw XML parts. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { MergeResult } from "../../src/core/merge/model";
import type { MasterOptions } from "../../src/core/master";
import { masterBytes } from "../../src/xlsx/master";

export interface WrittenMaster {
  readonly file: string;
  readonly bytes: Buffer;
  /** Every part of the package as text, by part name. */
  readonly parts: Readonly<Record<string, string>>;
  readonly workbook: ExcelJS.Workbook;
  /** The worksheet part of a sheet, found through workbook.xml and its relationships. */
  sheetXml(name: string): string;
  cleanup(): void;
}

export async function writeAndRead(result: MergeResult, options?: MasterOptions): Promise<WrittenMaster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "master-test-"));
  const file = path.join(dir, "master.xlsx");
  writeFileSync(file, await masterBytes(result, options));
  const bytes = readFileSync(file);
  const raw = unzipSync(bytes);
  const parts = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)]));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheetXml = (name: string): string => {
    const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(parts["xl/workbook.xml"]);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rel = new RegExp(`<Relationship Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(
      parts["xl/_rels/workbook.xml.rels"],
    );
    if (!rel) throw new Error(`no relationship ${sheet[1]}`);
    return parts[`xl/${rel[1].replace(/^\/?xl\//, "")}`];
  };
  return { file, bytes, parts, workbook, sheetXml, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The header row of a sheet as text (row 1; 统计's first table is headed on row 3, under the paragraph). */
export function headers(ws: ExcelJS.Worksheet, row = 1): string[] {
  const out: string[] = [];
  ws.getRow(row).eachCell({ includeEmpty: false }, (c, col) => (out[col - 1] = String(c.value)));
  return out;
}

/** The cell in the column headed `header` (on `headerRow`), at `row`. */
export function cellUnder(ws: ExcelJS.Worksheet, header: string, row: number, headerRow = 1): ExcelJS.Cell {
  const col = headers(ws, headerRow).indexOf(header);
  if (col < 0) throw new Error(`${ws.name}: no column ${header}`);
  return ws.getRow(row).getCell(col + 1);
}

/** The shared strings, in index order. */
export function sharedStrings(parts: Readonly<Record<string, string>>): string[] {
  const xml = parts["xl/sharedStrings.xml"] ?? "";
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)]
      .map((t) => t[1])
      .join("")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&"),
  );
}

/** The cell at a row and column (1-based). */
export function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getRow(row).getCell(col);
}
