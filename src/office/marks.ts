/**
 * Marks on invalid cells: one conditional format per cell with the add-in's signature rule
 * (mark-signature.ts). A conditional format leaves the user's own fill, font and borders alone, moves
 * with its cell when rows are inserted, and is invisible to the readers (they read values only).
 *
 * Replacing or clearing the marks finds ours by their rule: (1) the types of every conditional
 * format on the sheets involved, (2) the rule formula of the custom ones, (3) delete ours and add
 * the new ones. (Loading `custom` on a format of another type is not allowed, hence two reads.)
 */
import { parseA1 } from "../core/a1";
import type { Finding } from "../core/model";
import type { Done } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { MARK_FILL, MARK_FORMULA } from "./mark-signature";
import { errorDetail, messages } from "./messages";
import { TEMPLATE_SHEET_NAMES } from "./template-names";

/** Enough for any real report; a pathological one is not painted cell by cell. */
export const MAX_MARKS_PER_SHEET = 500;

/** The cells to mark, by sheet, without repeats and only real single-cell addresses. */
export function cellsToMark(findings: readonly Finding[]): Map<string, string[]> {
  const bySheet = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!parseA1(f.cell)) continue;
    const cells = bySheet.get(f.sheet) ?? new Set<string>();
    cells.add(f.cell.toUpperCase());
    bySheet.set(f.sheet, cells);
  }
  return new Map([...bySheet].map(([sheet, cells]) => [sheet, [...cells].slice(0, MAX_MARKS_PER_SHEET)]));
}

export async function replaceMarks(excel: ExcelRunner, findings: readonly Finding[]): Promise<Done> {
  const wanted = cellsToMark(findings);
  const sheetNames = [...new Set([...TEMPLATE_SHEET_NAMES, ...wanted.keys()])];
  try {
    await excel.run(async (context) => {
      const sheets = sheetNames.map((name) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(name);
        const formats = ws.getRange().conditionalFormats;
        formats.load("items/type");
        return { name, ws, formats };
      });
      await context.sync();
      const custom = sheets.flatMap(({ ws, formats }) =>
        ws.isNullObject
          ? []
          : formats.items
              .filter((cf) => cf.type === "Custom")
              .map((cf) => {
                cf.custom.rule.load("formula");
                return cf;
              }),
      );
      if (custom.length > 0) await context.sync();
      for (const cf of custom) if (cf.custom.rule.formula === MARK_FORMULA) cf.delete();
      for (const { name, ws } of sheets) {
        if (ws.isNullObject) continue;
        for (const cell of wanted.get(name) ?? []) {
          const cf = ws.getRange(cell).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          cf.custom.rule.formula = MARK_FORMULA;
          cf.custom.format.fill.color = MARK_FILL;
        }
      }
      await context.sync();
    });
    return { kind: "done" };
  } catch (e) {
    return { kind: "failed", message: messages.excelFailed("标记单元格", errorDetail(e)) };
  }
}
