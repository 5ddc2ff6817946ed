/**
 * Every finding names a sheet the workbook has, or says the sheet is missing: the task pane selects
 * the finding's cell, and a user looks for it by the sheet's name.
 */
import fc from "fast-check";
import { checkGrid } from "../../src/core/check-grid";
import { SHEETS, TABLES } from "../../src/core/definition";
import type { WorkbookGrid } from "../../src/core/model";
import {
  GOOD_FILL,
  insertColumns,
  insertRows,
  removeSheet,
  renameSheet,
  templateGrid,
  type Fill,
} from "./locate-helpers";

const withoutEvidence: Fill = { ...GOOD_FILL, tables: { ...GOOD_FILL.tables, evidence: [] } };

function findings(grid: WorkbookGrid) {
  const checked = checkGrid(grid);
  if (!checked.ok) throw new Error(checked.message);
  return checked.judgement.findings;
}

describe("the sheet a finding names", () => {
  it("is the renamed sheet: 佐证材料 renamed 附件清单 and left empty", () => {
    const grid = renameSheet(templateGrid(withoutEvidence), SHEETS.evidence, "附件清单");
    const none = findings(grid).filter((f) => f.rule === "evidence.none");
    expect(none.map((f) => [f.sheet, f.cell, f.sheetMissing])).toEqual([["附件清单", "A4", undefined]]);
  });

  it("is the template's sheet, marked missing, when the workbook has no such sheet", () => {
    const grid = removeSheet(templateGrid(), SHEETS.evidence);
    const checked = checkGrid(grid);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.raw.sheets[SHEETS.evidence]).toBeNull();
    const none = checked.judgement.findings.filter((f) => f.rule === "evidence.none");
    expect(none).toEqual([expect.objectContaining({ sheet: SHEETS.evidence, cell: "A4", sheetMissing: true })]);
    expect(none[0].message).toContain("工作簿中没有工作表“佐证材料”");
  });
});

type Edit =
  | { kind: "rows"; sheet: string; before: number; count: number }
  | { kind: "columns"; sheet: string; before: string; count: number }
  | { kind: "rename"; sheet: string; to: string; keepNames: boolean }
  | { kind: "remove"; sheet: string };

const editable: string[] = [SHEETS.basic, ...TABLES.map((t) => t.sheet)];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("rows" as const),
    sheet: fc.constantFrom(...editable),
    before: fc.integer({ min: 1, max: 35 }),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant("columns" as const),
    sheet: fc.constantFrom(...editable),
    before: fc.constantFrom("A", "B", "C", "E"),
    count: fc.integer({ min: 1, max: 2 }),
  }),
  fc.record({
    kind: fc.constant("rename" as const),
    sheet: fc.constantFrom(...editable),
    to: fc.constantFrom("附件清单", "Sheet9", "活动", "报道"),
    keepNames: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("remove" as const), sheet: fc.constantFrom(...editable.slice(1)) }),
);

const emptied = fc.subarray(TABLES.map((t) => t.id));

function apply(grid: WorkbookGrid, edits: readonly Edit[]): WorkbookGrid {
  const current = new Map(editable.map((s) => [s, s as string | null]));
  let g = grid;
  for (const e of edits) {
    const now = current.get(e.sheet);
    if (now === null || now === undefined) continue;
    if (e.kind === "rows") g = insertRows(g, now, e.before, e.count);
    else if (e.kind === "columns") g = insertColumns(g, now, e.before, e.count);
    else if (e.kind === "remove") {
      g = removeSheet(g, now);
      current.set(e.sheet, null);
    } else if (!g.sheets.some((s) => s.name === e.to)) {
      g = renameSheet(g, now, e.to, { keepNames: e.keepNames });
      current.set(e.sheet, e.to);
    }
  }
  return g;
}

describe("after any renames, moves, inserted rows and removed sheets", () => {
  it("every finding's sheet is in the workbook, or the finding says the sheet is missing", () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), emptied, (edits, empty) => {
        const fill: Fill = {
          ...GOOD_FILL,
          tables: { ...GOOD_FILL.tables, ...Object.fromEntries(empty.map((id) => [id, []])) },
        };
        const grid = apply(templateGrid(fill), edits);
        const checked = checkGrid(grid);
        if (!checked.ok) return;
        const names = new Set(grid.sheets.map((s) => s.name));
        for (const f of checked.judgement.findings) {
          if (f.sheetMissing) {
            expect(names.has(f.sheet)).toBe(false);
            expect(checked.raw.sheets[f.sheet]).toBeNull();
            expect(f.message).toContain(`没有工作表“${f.sheet}”`);
          } else {
            expect(names).toContain(f.sheet);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
