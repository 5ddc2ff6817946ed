/**
 * Marks on invalid cells, as the Office adapter places them: one conditional format per cell whose
 * expression is the add-in's signature (host-kit/mark-signature.ts), so the user's own formats are
 * left alone and the readers never see a mark. WPS has no format ids, so each marking starts from
 * what the sheet holds: its conditional formats are listed (three calls each), ours not wanted go,
 * the wanted ones missing are added. That stays right when rows moved the marks, and costs nothing
 * more than the list when nothing changed. Adding is one call per cell plus the colour: done in
 * chunks that yield to WPS (budget.ts).
 */
import type { Finding } from "../core/model";
import { MARK_FILL, MARK_FORMULA } from "../host-kit/mark-signature";
import { cellsToMark } from "../host-kit/marks-plan";
import { TEMPLATE_SHEET_NAMES } from "../host-kit/template-names";
import type { Done } from "../ports/operations";
import { read, type WpsFormatCondition, type WpsWorkbook } from "./api";
import { inChunks } from "./budget";
import { errorDetail, messages } from "./messages";
import { listSheets } from "./sheets";

/** XlFormatConditionType.xlExpression. */
export const XL_EXPRESSION = 2;

/** "#FFC7CE" as VBA's colour number 0xBBGGRR (docs/wps-facts.md: how WPS encodes colours is unconfirmed). */
export function vbaColor(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)!;
  return parseInt(m[3] + m[2] + m[1], 16);
}

/** "$C$8" → "C8"; a range of several cells is not one of ours. */
function cellOf(address: string): string | null {
  const plain = address.replace(/\$/g, "").toUpperCase();
  return /^[A-Z]{1,3}\d+$/.test(plain) ? plain : null;
}

/** Our marks on the sheet now, by cell (a mark over several cells, which we never place, counts as stray). */
function ourMarks(formats: WpsFormatCondition[]): {
  byCell: Map<string, WpsFormatCondition>;
  stray: WpsFormatCondition[];
} {
  const byCell = new Map<string, WpsFormatCondition>();
  const stray: WpsFormatCondition[] = [];
  for (const cf of formats) {
    if (cf.Type !== XL_EXPRESSION || cf.Formula1 !== MARK_FORMULA) continue;
    const cell = cellOf(read(cf.AppliesTo.Address));
    if (cell && !byCell.has(cell)) byCell.set(cell, cf);
    else stray.push(cf);
  }
  return { byCell, stray };
}

/**
 * Marks are formats, not values: in VBA they raise no Change event, so they are not noted as own
 * writes (noting them would drop a user's typing into a cell whose mark just went). Should WPS raise
 * SheetChange for them (unconfirmed), the cost is one more re-validation with the same verdict.
 */
export async function replaceMarks(workbook: WpsWorkbook, findings: readonly Finding[]): Promise<Done> {
  const wanted = cellsToMark(findings);
  try {
    const sheets = listSheets(workbook.Worksheets);
    const names = new Set([...TEMPLATE_SHEET_NAMES, ...wanted.keys()]);
    const color = vbaColor(MARK_FILL);
    for (const ws of sheets) {
      const name = ws.Name;
      if (!names.has(name)) continue;
      const formats = ws.Cells.FormatConditions;
      const count = formats.Count;
      const all: WpsFormatCondition[] = [];
      for (let i = 1; i <= count; i++) all.push(formats.Item(i));
      const { byCell, stray } = ourMarks(all);
      const want = new Set(wanted.get(name) ?? []);
      const gone = [...stray, ...[...byCell].filter(([cell]) => !want.has(cell)).map(([, cf]) => cf)];
      await inChunks(gone, (cf) => cf.Delete());
      const fresh = [...want].filter((cell) => !byCell.has(cell));
      await inChunks(fresh, (cell) => {
        const cf = ws.Range(cell).FormatConditions.Add(XL_EXPRESSION, undefined, MARK_FORMULA);
        cf.Interior.Color = color;
      });
    }
    return { kind: "done" };
  } catch (e) {
    return { kind: "failed", message: messages.wpsFailed("标记单元格", errorDetail(e)) };
  }
}
