/** Applies a lo-fill PLAN to a workbook with exceljs (cell writes only), the way the LO tests fill copies. */
import type ExcelJS from "exceljs";
import type { PlanStep } from "./plans/plan";

/** What typing `text` gives in a cell: ISO dates become dates, plain numbers numbers, the rest text. */
function typed(text: string): ExcelJS.CellValue {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (d) return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

export function applyPlan(wb: ExcelJS.Workbook, plan: readonly PlanStep[]): void {
  for (const s of plan) {
    if (!("sheet" in s)) throw new Error(`exceljs cannot apply ${JSON.stringify(s)}: LibreOffice only`);
    const cell = wb.getWorksheet(s.sheet)!.getCell(s.cell);
    if ("clear" in s) cell.value = null;
    else if ("input" in s) cell.value = typed(s.input);
    else if ("formula" in s) cell.value = { formula: s.formula.replace(/^=/, "") };
    else cell.value = typeof s.value === "boolean" ? (s.value ? "是" : "否") : s.value; // as lo-fill.py types booleans
  }
}
