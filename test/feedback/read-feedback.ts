/**
 * A unit's feedback workbook and the master's 问题清单 as a person reads them, through exceljs (a
 * reader the writer does not share code with): the labelled lines at the top, the findings table
 * below its header row, and 问题清单's lines by file.
 */
import ExcelJS from "exceljs";
import { FEEDBACK_HEADERS } from "../../src/core/feedback/words";

export interface ReadFeedback {
  readonly sheet: string;
  readonly title: string;
  /** Label → text, in order (a label may repeat: 其他文件). */
  readonly labels: readonly [string, string][];
  /** The findings table's rows by header. */
  readonly rows: readonly Record<string, unknown>[];
  /** Row number of the findings table's header, null without one. */
  readonly headerRow: number | null;
  readonly worksheet: ExcelJS.Worksheet;
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return String(v);
}

/** A cell's value, rich text (as LibreOffice writes mixed-script text) as its plain text. */
function plainValue(v: ExcelJS.CellValue): unknown {
  return typeof v === "object" && v !== null && "richText" in v ? text(v) : (v ?? null);
}

export async function readFeedback(file: string | Buffer | Uint8Array): Promise<ReadFeedback> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === "string") await wb.xlsx.readFile(file);
  else await wb.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  if (wb.worksheets.length !== 1) throw new Error(`expected one sheet, got ${wb.worksheets.length}`);
  const ws = wb.worksheets[0];
  let headerRow: number | null = null;
  const labels: [string, string][] = [];
  ws.eachRow((row, n) => {
    if (n === 1 || headerRow !== null) return;
    const first = text(row.getCell(1).value);
    if (first === FEEDBACK_HEADERS.severity) headerRow = n;
    else if (first !== "") labels.push([first, text(row.getCell(2).value)]);
  });
  const rows: Record<string, unknown>[] = [];
  if (headerRow !== null) {
    const header = (ws.getRow(headerRow).values as unknown[]).slice(1).map((v) => text(v as ExcelJS.CellValue));
    ws.eachRow((row, n) => {
      if (n > headerRow!)
        rows.push(Object.fromEntries(header.map((h, i) => [h, plainValue(row.getCell(i + 1).value)])));
    });
  }
  return { sheet: ws.name, title: text(ws.getCell("A1").value), labels, rows, headerRow, worksheet: ws };
}

export const labelOf = (f: ReadFeedback, label: string): string | undefined => f.labels.find(([l]) => l === label)?.[1];

/** 问题清单's lines (by header) of a written master. */
export async function problemLines(master: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(master);
  const ws = wb.getWorksheet("问题清单")!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return out;
}
