/** Reading a written template back with exceljs, for the template tests. */
import ExcelJS from "exceljs";
import { writeTemplate } from "../../src/xlsx/template-writer";

export async function loadTemplate(options?: { year?: number }): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeTemplate(options)) as never);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Options of a list validation: inline ("a,b") or a range on another sheet of `wb`. */
export function listOptions(wb: ExcelJS.Workbook, dv: ExcelJS.DataValidation): string[] {
  const source = String(dv.formulae[0]);
  const inline = /^"(.*)"$/.exec(source);
  if (inline) return inline[1].split(",");
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(source);
  if (!m) throw new Error(`unexpected list source ${source}`);
  const ws = sheet(wb, m[1].replace(/''/g, "'"));
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}

export function definedNames(wb: ExcelJS.Workbook): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) out[n.name] = n.ranges;
  return out;
}

/** The value of a cell, or a formula cell's cached result. */
export function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && "formula" in (v as object)) return (v as { result?: unknown }).result;
  if (v && typeof v === "object" && "richText" in (v as object))
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  return v;
}
