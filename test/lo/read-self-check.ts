/** Reads the cached 自检 results (as the program that saved the file computed them) with exceljs. */
import ExcelJS from "exceljs";
import { SELF_CHECK, SELF_CHECK_LINES } from "../../src/xlsx/template/self-check-lines";
import { META_CELLS, META_SHEET, SELF_CHECK_HASH_CELLS } from "../../src/xlsx/template/meta";
import { shown } from "../xlsx/template-helpers";

export interface SelfCheckResult {
  overall: unknown;
  /** Errors and warnings among the failed lines, next to the overall result. */
  breakdown: unknown;
  byLine: Record<string, unknown>;
  messages: Record<string, unknown>;
  severities: Record<string, unknown>;
  /** Rule names in column A, by line id. */
  ruleNames: Record<string, unknown>;
  /** Line names found in column B, by line id: they tell a stale fixture from a current one. */
  names: Record<string, unknown>;
  templateVersion: unknown;
  selfCheckHash: unknown;
}

/** The lines' columns and the overall line, from `at(column, row)`: what a program shows in a cell. */
function shownLines(
  at: (col: string, row: number) => unknown,
): Omit<SelfCheckResult, "templateVersion" | "selfCheckHash"> {
  const C = SELF_CHECK.columns;
  const by = (col: string) => Object.fromEntries(SELF_CHECK_LINES.map((l) => [l.id, at(col, l.row)]));
  return {
    overall: at(C.result, SELF_CHECK.overallRow),
    breakdown: at(C.name, SELF_CHECK.overallRow),
    byLine: by(C.result),
    messages: by(C.message),
    severities: by(C.severity),
    ruleNames: by(C.id),
    names: by(C.name),
  };
}

export async function readSelfCheck(file: string): Promise<SelfCheckResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SELF_CHECK.sheet);
  if (!ws) throw new Error(`${file}: no ${SELF_CHECK.sheet} sheet`);
  return {
    ...shownLines((col, row) => shown(ws.getCell(`${col}${row}`))),
    templateVersion: wb.getWorksheet(META_SHEET)?.getCell(META_CELLS.version.valueCell).value,
    selfCheckHash: wb.getWorksheet(META_SHEET)?.getCell(SELF_CHECK_HASH_CELLS.valueCell).value,
  };
}

/** The same from the cells a program shows (Gnumeric's recalculated sheet: gnumericSheet). */
export function selfCheckFromRows(
  rows: readonly (readonly string[])[],
): Omit<SelfCheckResult, "templateVersion" | "selfCheckHash"> {
  const index = (col: string) => col.charCodeAt(0) - "A".charCodeAt(0);
  return shownLines((col, row) => rows[row - 1]?.[index(col)] ?? "");
}
