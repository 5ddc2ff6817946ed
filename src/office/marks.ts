/**
 * Marks on invalid cells: one conditional format per cell with the add-in's signature rule
 * (mark-signature.ts). A conditional format leaves the user's own fill, font and borders alone, moves
 * with its cell when rows are inserted, and is invisible to the readers (they read values only).
 *
 * The add-in remembers the marks it placed (MarkBook: sheet → cell → the format's id), so a verdict
 * after an edit costs one sync: delete by id the marks no longer wanted, add the new ones (their ids
 * loaded in the same sync); nothing at all when the marked cells did not change. Only the first
 * marking of a session, a clear, or a mark that vanished with a deleted row find ours by their rule:
 * (1) the types of every conditional format on the sheets involved, (2) the rule formula of the
 * custom ones, (3) delete ours and add the new ones. (Loading `custom` on a format of another type
 * is not allowed, hence two reads.)
 */
import type { Finding } from "../core/model";
import type { Done } from "../ports/operations";
import type { ExcelRunner } from "./runner";
import { MARK_FILL, MARK_FORMULA } from "../host-kit/mark-signature";
import { errorCode, errorDetail, messages } from "./messages";
import { TEMPLATE_SHEET_NAMES } from "../host-kit/template-names";
import { cellsToMark } from "../host-kit/marks-plan";

/** The marks the add-in placed in this session: sheet → cell → conditional-format id; null until it knows. */
export class MarkBook {
  known: Map<string, Map<string, string>> | null = null;

  forget(): void {
    this.known = null;
  }
}

type Placed = { sheet: string; cell: string; id: () => string };

/** Adds a mark to each wanted cell of the sheet, its id loaded by the next sync. */
function addMarks(ws: Excel.Worksheet, sheet: string, cells: readonly string[]): Placed[] {
  return cells.map((cell) => {
    const cf = ws.getRange(cell).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = MARK_FORMULA;
    cf.custom.format.fill.color = MARK_FILL;
    cf.load("id");
    return { sheet, cell, id: () => cf.id };
  });
}

function record(book: MarkBook, placed: readonly Placed[]): void {
  const known = book.known ?? new Map<string, Map<string, string>>();
  for (const p of placed) {
    const cells = known.get(p.sheet) ?? new Map<string, string>();
    cells.set(p.cell, p.id());
    known.set(p.sheet, cells);
  }
  book.known = known;
}

/** Marks exactly these findings' cells: incrementally when the book knows the marks, else by their rule. */
export async function replaceMarks(
  excel: ExcelRunner,
  findings: readonly Finding[],
  book = new MarkBook(),
): Promise<Done> {
  const wanted = cellsToMark(findings);
  try {
    if (book.known) {
      try {
        await updateMarks(excel, wanted, book);
        return { kind: "done" };
      } catch (e) {
        // A mark went with a deleted row (or its sheet): find ours by their rule instead.
        if (errorCode(e) !== "ItemNotFound") throw e;
        book.forget();
      }
    }
    await rewriteMarks(excel, wanted, book);
    return { kind: "done" };
  } catch (e) {
    book.forget();
    return { kind: "failed", message: messages.excelFailed("标记单元格", errorDetail(e)) };
  }
}

/** One sync, or none: the marks no longer wanted go by id, the new ones are added. */
async function updateMarks(excel: ExcelRunner, wanted: Map<string, string[]>, book: MarkBook): Promise<void> {
  const known = book.known!;
  const gone: { sheet: string; cell: string; id: string }[] = [];
  for (const [sheet, cells] of known)
    for (const [cell, id] of cells) if (!wanted.get(sheet)?.includes(cell)) gone.push({ sheet, cell, id });
  const fresh = [...wanted].flatMap(([sheet, cells]) =>
    cells.filter((c) => !known.get(sheet)?.has(c)).map((cell) => ({ sheet, cell })),
  );
  if (gone.length === 0 && fresh.length === 0) return;
  await excel.run(async (context) => {
    for (const g of gone)
      context.workbook.worksheets.getItem(g.sheet).getRange().conditionalFormats.getItem(g.id).delete();
    const placed: Placed[] = [];
    for (const sheet of new Set(fresh.map((f) => f.sheet)))
      placed.push(
        ...addMarks(
          context.workbook.worksheets.getItem(sheet),
          sheet,
          fresh.filter((f) => f.sheet === sheet).map((f) => f.cell),
        ),
      );
    await context.sync();
    for (const g of gone) known.get(g.sheet)?.delete(g.cell);
    record(book, placed);
  });
}

/** Three syncs: find every mark of ours by its rule, delete them, add the wanted ones. */
async function rewriteMarks(excel: ExcelRunner, wanted: Map<string, string[]>, book: MarkBook): Promise<void> {
  const sheetNames = [...new Set([...TEMPLATE_SHEET_NAMES, ...wanted.keys()])];
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
    const placed: Placed[] = [];
    for (const { name, ws } of sheets) if (!ws.isNullObject) placed.push(...addMarks(ws, name, wanted.get(name) ?? []));
    await context.sync();
    book.known = new Map();
    record(book, placed);
  });
}
